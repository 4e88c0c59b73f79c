/**
 * 第三方评议 in the API: convening a panel (its own workflow), who is present, members' verdicts, and reading panels.
 */
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { petitions } from '../db/schema';
import { DEFAULT_PANEL_RULES, panelProblem, type PanelState, type Panelist, type Verdict } from '../domain/evaluation';
import {
  panelStateQuery,
  panelWorkflowId,
  recordAttendanceUpdate,
  recordEvaluationUpdate,
  type PanelWorkflowInput,
} from '../workflows/panel-definitions';
import type { Principal } from './auth';
import type { ApiDeps } from './context';
import { apiError, badInput } from './errors';
import { futureMoment, IDS, optionalText, requiredId, requiredText, TEXT } from './input-rules';
import { idForRequest } from './request-ids';
import { startOnce, startOnceOptions } from './start-once';
import { panelStartMetadata } from './workflow-summaries';
import { callUpdate, DEFAULT_UPDATE_TIMEOUT_MS } from './update-bound';
import { calendarForNewPetition } from '../db/holiday-calendars';
import { evaluationPanelWorkflow } from '../workflows/panel-workflow';
import { loadPanel, panelStored } from './panel-reads';

export { listPanels, loadPanel, panelIdsFor } from './panel-reads';

/** A panel sits for days or weeks (14 by default); a deadline further off is a typo. */
const PANEL_DEADLINE_MAX_DAYS = 366;

export interface ConveneInput {
  title: string;
  members: Panelist[];
  petitionIds: string[];
  quorum?: number | null;
  deadline?: number | null;
  requestId?: string | null;
}

export async function convenePanel(deps: ApiDeps, principal: Principal, input: ConveneInput): Promise<PanelState> {
  const title = requiredText('input.title', input.title, TEXT.title);
  const requestId = optionalText('input.requestId', input.requestId, TEXT.requestId);
  const members: Panelist[] = input.members.map((member, i) => ({
    memberId: requiredId(`input.members[${i}].memberId`, member.memberId, IDS.member),
    name: requiredText(`input.members[${i}].name`, member.name, TEXT.personName),
    kind: member.kind,
  }));
  const quorum = input.quorum ?? DEFAULT_PANEL_RULES.defaultQuorum;
  const problem = panelProblem(members, quorum);
  // A make-up that would sit with a quorum of 1 was refused for its quorum.
  if (problem) throw badInput(panelProblem(members, 1) ? 'input.members' : 'input.quorum', problem);
  const ids = [...new Set(input.petitionIds.map((id, i) => requiredId(`input.petitionIds[${i}]`, id, IDS.petition)))];
  if (ids.length === 0 || ids.length > 200) throw badInput('input.petitionIds', 'a panel evaluates 1 to 200 petitions');
  const delivered = (
    await deps.db.rows<{ id: string }>(sql`SELECT id FROM ${petitions}
      WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) AND delivered_at IS NOT NULL`)
  ).map((r) => r.id);
  const missing = ids.filter((id) => !delivered.includes(id));
  if (missing.length) throw badInput('input.petitionIds', `not delivered (办结) or unknown: ${missing.join(', ')}`);
  const deadlineAt = futureMoment('input.deadline', input.deadline, PANEL_DEADLINE_MAX_DAYS);
  const panelId = idForRequest('PY', 'panel', principal, requestId);
  const workflowInput: PanelWorkflowInput = {
    panelId,
    title,
    members,
    petitionIds: ids,
    quorum,
    deadlineAt,
    deadlineDays: DEFAULT_PANEL_RULES.defaultDeadlineDays,
    convenedBy: principal.id,
    calendar: await calendarForNewPetition(deps.db, Date.now()),
  };
  // A retried requestId answers the panel it convened, open or closed (./start-once.ts).
  const state = await startOnce(deps, {
    id: panelId,
    requestId,
    start: () =>
      deps.temporal.workflow.start(evaluationPanelWorkflow, {
        workflowId: panelWorkflowId(panelId),
        taskQueue: deps.taskQueue,
        args: [workflowInput],
        ...startOnceOptions(requestId),
        // What the Temporal UI shows without decoding: no title, no member's name (./workflow-summaries.ts).
        ...panelStartMetadata({
          panelId,
          petitionCount: ids.length,
          memberCount: members.length,
          quorum,
          deadlineAt,
          deadlineDays: workflowInput.deadlineDays,
        }),
      }),
    query: () => deps.temporal.workflow.getHandle(panelWorkflowId(panelId)).query(panelStateQuery),
    stored: () => loadPanel(deps.db, panelId),
  });
  await panelProjected(deps, panelId);
  return state;
}

/**
 * The answer waits for the panel's first projection, so that the next read — a member opening the cases before
 * the panel — finds it (read your writes). Past the API's update bound: TIMEOUT, the panel convened all the same.
 */
async function panelProjected(deps: ApiDeps, panelId: string): Promise<void> {
  const deadline = Date.now() + (deps.updateTimeoutMs ?? DEFAULT_UPDATE_TIMEOUT_MS);
  while (!(await panelStored(deps.db, panelId))) {
    if (Date.now() > deadline)
      throw apiError('TIMEOUT', `panel ${panelId} was convened but is not readable yet: read it again shortly`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A panel the principal does not sit on answers exactly as one that does not exist: no leak that it does. */
export function panelNotFound(panelId: string) {
  return apiError('NOT_FOUND', `no panel ${panelId} that you may see`);
}

export async function recordEvaluation(
  deps: ApiDeps,
  principal: Principal,
  given: { panelId: string; petitionId: string; verdict: Verdict; comment?: string | null; requestId?: string | null },
): Promise<PanelState> {
  if (!principal.memberId) throw apiError('FORBIDDEN', 'your token names no panel member');
  const args = {
    panelId: requiredId('panelId', given.panelId, IDS.panel),
    petitionId: requiredId('petitionId', given.petitionId, IDS.petition),
    verdict: given.verdict,
    requestId: optionalText('requestId', given.requestId, TEXT.requestId),
  };
  const comment = optionalText('comment', given.comment, TEXT.note);
  const vote = { memberId: principal.memberId, petitionId: args.petitionId, verdict: args.verdict, comment };
  // The panel's own validator refuses one who does not sit on it (FORBIDDEN, before anything else); that
  // answers exactly as a panel that does not exist, so no one learns of a panel by voting on it.
  return callUpdate(deps, args.panelId, () =>
    deps.temporal.workflow.getHandle(panelWorkflowId(args.panelId)).executeUpdate(recordEvaluationUpdate, {
      args: [vote],
      ...(args.requestId ? { updateId: `evaluate:${principal.id}:${args.requestId}` } : {}),
    }),
  ).catch((err: unknown) => {
    const code = err instanceof GraphQLError ? err.extensions.code : undefined;
    throw code === 'FORBIDDEN' || code === 'NOT_FOUND' ? panelNotFound(args.panelId) : err;
  });
}

/**
 * 到会: the supervisor records the members present, voting or not (an attendance is a member present). The panel's
 * validator refuses a name not on it (BAD_USER_INPUT, field `memberIds[i]`) and a closed panel
 * (INVALID_TRANSITION); a panel whose workflow has ended answers INVALID_TRANSITION too, from the read model.
 */
export async function recordAttendance(
  deps: ApiDeps,
  principal: Principal,
  given: { panelId: string; memberIds: readonly string[]; requestId?: string | null },
): Promise<PanelState> {
  const panelId = requiredId('panelId', given.panelId, IDS.panel);
  const memberIds = given.memberIds.map((id, i) => requiredId(`memberIds[${i}]`, id, IDS.member));
  if (memberIds.length === 0 || memberIds.length > DEFAULT_PANEL_RULES.maxMembers)
    throw badInput('memberIds', `name 1 to ${DEFAULT_PANEL_RULES.maxMembers} members present`);
  const requestId = optionalText('requestId', given.requestId, TEXT.requestId);
  // As given, so that the validator's field `memberIds[i]` is the client's own index.
  const command = { memberIds };
  return callUpdate(deps, panelId, () =>
    deps.temporal.workflow.getHandle(panelWorkflowId(panelId)).executeUpdate(recordAttendanceUpdate, {
      args: [command],
      ...(requestId ? { updateId: `attendance:${principal.id}:${requestId}` } : {}),
    }),
  ).catch(async (err: unknown) => {
    if (!(err instanceof GraphQLError && err.extensions.code === 'NOT_FOUND')) throw err;
    if ((await panelStored(deps.db, panelId)) === 'CLOSED')
      throw apiError('INVALID_TRANSITION', `panel ${panelId} is closed`);
    throw panelNotFound(panelId);
  });
}
