/** Resolvers of schema/schema.graphql. Each mutation checks the role, then hands over to petition-commands. */
import type { UpdateDefinition } from '@temporalio/common';
import { GraphQLError } from 'graphql';
import { eq } from 'drizzle-orm';
import { units } from '../db/schema';
import { dayKey, shanghaiDayNumber } from '../domain/calendar';
import { pausedMsAt, projectedDue } from '../domain/pausable-deadline';
import {
  actingUnitId,
  currentDueAt,
  isDueSoon,
  isOverdue,
  isTerminal,
  type Deadline,
  type PetitionState,
  type RatingTarget,
} from '../domain/petition';
import { getProfile, PROFILES, ruleOf, type JurisdictionProfile } from '../domain/statute';
import * as defs from '../workflows/definitions';
import { canRead, readScope, seesPetitioner } from './access';
import { requireRole, ROLES, type Principal, type Role } from './auth';
import type { ApiContext } from './context';
import { apiError, badInput } from './errors';
import { IDS, knownUnit, optionalChoice, optionalText, pageSize, period, requiredId, TEXT } from './input-rules';
import * as commands from './petition-commands';
import {
  fromWorkflowState,
  listPetitions,
  loadPetition,
  loadTimeline,
  onPanelOf,
  type PetitionFilter,
  type PetitionParent,
  type PetitionSort,
} from './petition-reads';
import { computeStatistics, statisticsQuery, type StatisticsArgs } from './statistics';
import * as panelsApi from './panels';
import * as histories from './histories';
import type { PanelState } from '../domain/evaluation';
import { DateTimeScalar, JsonScalar } from './scalars';

const PANEL_STATUSES: readonly PanelState['status'][] = ['OPEN', 'CLOSED'];

function mask(text: string | null, keep: number): string | null {
  if (!text) return text;
  return text.length <= keep ? '*'.repeat(text.length) : `${'*'.repeat(text.length - keep)}${text.slice(-keep)}`;
}

function unitById(ctx: ApiContext, id: string | null) {
  return id ? (ctx.db.select().from(units).where(eq(units.id, id)).get() ?? null) : null;
}

function errorCode(err: unknown): unknown {
  return err instanceof GraphQLError ? err.extensions.code : undefined;
}

/** The petition if it exists and the principal may read it. */
async function readablePetition(ctx: ApiContext, principal: Principal, id: string): Promise<PetitionParent> {
  let parent = loadPetition(ctx.db, id);
  // Just registered and not yet projected: the workflow itself knows it.
  if (!parent) {
    parent = await commands.queryPetition(ctx, id).then(fromWorkflowState, (err: unknown) => {
      if (errorCode(err) === 'NOT_FOUND') return null;
      throw err; // Temporal unreachable is UNAVAILABLE, not "no such petition"
    });
  }
  // A petition the principal may not read answers exactly as one that does not exist: no leak that it does.
  if (!parent || !canRead(principal, parent.state, (memberId) => onPanelOf(ctx.db, id, memberId))) {
    throw apiError('NOT_FOUND', `no petition ${id} that you may see`);
  }
  return parent;
}

/** Unit roles act only on petitions their own unit acts on now (the unit, or the organ hearing the appeal). */
function assertActingUnit(principal: Principal, parent: PetitionParent): void {
  if (principal.role !== 'UNIT_HANDLER' && principal.role !== 'UNIT_HEAD') return;
  const acting = actingUnitId(parent.state);
  if (principal.unitId !== acting) {
    throw apiError('FORBIDDEN', `petition ${parent.state.petitionId} is with ${acting ?? 'no unit'}, not your unit`);
  }
}

/**
 * Runs a command on an existing petition the principal may act on. A workflow that has ended answers with its
 * final status: an appeal after its window closed is WINDOW_CLOSED, anything else INVALID_TRANSITION.
 */
async function commandOn(
  ctx: ApiContext,
  principal: Principal,
  id: string,
  run: (current: PetitionParent) => Promise<PetitionState>,
  appeal = false,
) {
  const current = await readablePetition(ctx, principal, id);
  assertActingUnit(principal, current);
  try {
    return fromWorkflowState(await run(current));
  } catch (err) {
    const known = loadPetition(ctx.db, id);
    if (errorCode(err) === 'NOT_FOUND' && known && isTerminal(known.state)) {
      const status = known.state.status;
      if (appeal && status === 'CLOSED') {
        throw apiError('WINDOW_CLOSED', `petition ${id} closed when its appeal window ran out`, { status });
      }
      throw apiError('INVALID_TRANSITION', `petition ${id} is closed (${status})`, { status });
    }
    throw err;
  }
}

type DeclineArgs = Parameters<typeof commands.declineCommand>[1];
type ExtensionArgs = Parameters<typeof commands.extensionCommand>[1];
type DecisionArgs = Parameters<typeof commands.extensionDecisionCommand>[1];
type ReplyArgs = Parameters<typeof commands.replyCommand>[1];
type SatisfactionArgs = Parameters<typeof commands.satisfactionCommand>[1];
type UrgeArgs = Parameters<typeof commands.urgeCommand>[1];
type AnswerUrgeArgs = Parameters<typeof commands.answerUrgeCommand>[1];
type EscalateArgs = Parameters<typeof commands.escalateCommand>[1];

type Build<A, B> = (ctx: ApiContext, principal: Principal, args: A) => B;
type Complete<B, C> = (ctx: ApiContext, command: B, current: PetitionState) => C;
type PetitionMutationOptions = { appeal?: boolean };

/**
 * A mutation that sends one update to a petition: the role check; the arguments checked and the command built
 * (bad input is refused before the petition is looked up, so none of it reaches Temporal); the read and
 * acting-unit checks; what needs the petition's own state (`complete`); then the update, retried once per
 * `requestId`.
 */
function petitionMutation<A, C>(role: Role, update: UpdateDefinition<PetitionState, [C]>, build: Build<A, C>, options?: PetitionMutationOptions & { complete?: Complete<C, C> }): PetitionResolver<A>;
function petitionMutation<A, B, C>(role: Role, update: UpdateDefinition<PetitionState, [C]>, build: Build<A, B>, options: PetitionMutationOptions & { complete: Complete<B, C> }): PetitionResolver<A>;
function petitionMutation<A, B, C>(
  role: Role,
  update: UpdateDefinition<PetitionState, [C]>,
  build: Build<A, B>,
  options: PetitionMutationOptions & { complete?: Complete<B, C> } = {},
): PetitionResolver<A> {
  return (_, args, ctx) => {
    const principal = requireRole(ctx.principal, role);
    const id = requiredId('id', args.id, IDS.petition);
    const requestId = optionalText('requestId', args.requestId, TEXT.requestId);
    const command = build(ctx, principal, args);
    const complete = options.complete ?? ((_ctx: ApiContext, same: B) => same as unknown as C);
    return commandOn(
      ctx,
      principal,
      id,
      (current) => commands.sendUpdate(ctx, principal, id, update, complete(ctx, command, current.state as PetitionState), requestId),
      options.appeal,
    );
  };
}

type PetitionResolver<A> = (_: unknown, args: A & { id: string; requestId?: string | null }, ctx: ApiContext) => Promise<PetitionParent>;

function profileOf(ctx: ApiContext, parent?: PetitionParent): JurisdictionProfile {
  return getProfile(parent?.state.profileId ?? ctx.profileId);
}

function jurisdictionView(profile: JurisdictionProfile) {
  return { id: profile.id, name: profile.name, law: profile.law, warningDays: profile.practice.warningDays };
}

function deadlineView(d: Deadline) {
  const now = Date.now();
  const due = projectedDue(d, now);
  const closedAt = d.metAt ?? d.lapsedAt;
  return {
    kind: d.kind,
    rule: d.ruleId,
    article: d.article,
    startedAt: d.startedAt,
    dueAt: due,
    lastDay: dayKey(shanghaiDayNumber(due - 1)),
    pausedMs: pausedMsAt(d, now),
    paused: d.pausedSince !== null,
    warnedAt: d.warnedAt,
    metAt: d.metAt,
    met: d.metAt !== null && d.metAt <= due,
    overdue: d.overdueAt !== null || (closedAt === null ? d.pausedSince === null && now > due : d.metAt !== null && d.metAt > due),
    overdueAt: d.overdueAt,
    lapsedAt: d.lapsedAt,
  };
}

function toFilter(ctx: ApiContext, input: Record<string, unknown> | null | undefined): PetitionFilter {
  const f = (input ?? {}) as Record<string, never>;
  period('filter.receivedFrom', f.receivedFrom, 'filter.receivedTo', f.receivedTo);
  return {
    status: f.status,
    unitId: knownUnit(ctx.db, 'filter.unitId', f.unitId),
    overdue: f.overdue,
    category: f.category,
    text: optionalText('filter.text', f.text, TEXT.search),
    dueSoon: f.dueSoon,
    escalated: f.escalated,
    escalationProposed: f.escalationProposed,
    dueBefore: f.dueBefore,
    receivedFrom: f.receivedFrom,
    receivedTo: f.receivedTo,
  };
}


export const resolvers = {
  DateTime: DateTimeScalar,
  JSON: JsonScalar,

  Query: {
    // API.md: without a token only health and statute answer.
    viewer: (_: unknown, __: unknown, ctx: ApiContext) => requireRole(ctx.principal, ...ROLES),
    statute: (_: unknown, args: { profile?: string | null }, ctx: ApiContext) => {
      const id = args.profile ?? ctx.profileId;
      if (!PROFILES[id]) throw badInput('profile', `unknown profile ${id}; known: ${Object.keys(PROFILES).join(', ')}`);
      const profile = getProfile(id);
      return profile.rules.map((rule) => ({ ...rule, profile: profile.id }));
    },
    jurisdiction: (_: unknown, __: unknown, ctx: ApiContext) => jurisdictionView(profileOf(ctx)),
    jurisdictions: () => Object.values(PROFILES).map(jurisdictionView),
    units: (_: unknown, __: unknown, ctx: ApiContext) => {
      requireRole(ctx.principal, 'REGISTRAR', 'UNIT_HANDLER', 'UNIT_HEAD', 'SUPERVISOR', 'LEADER', 'REVIEWER', 'TESTER');
      return ctx.db.select().from(units).all();
    },
    petition: async (_: unknown, args: { id: string }, ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR', 'UNIT_HANDLER', 'UNIT_HEAD', 'SUPERVISOR', 'LEADER', 'REVIEWER', 'TESTER');
      return readablePetition(ctx, principal, requiredId('id', args.id, IDS.petition));
    },
    petitions: (
      _: unknown,
      args: { filter?: Record<string, unknown> | null; first?: number | null; after?: string | null; sort?: PetitionSort | null },
      ctx: ApiContext,
    ) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR', 'UNIT_HANDLER', 'UNIT_HEAD', 'SUPERVISOR', 'LEADER', 'REVIEWER', 'TESTER');
      const first = pageSize('first', args.first);
      const page = listPetitions(ctx.db, readScope(principal), toFilter(ctx, args.filter), args.sort ?? 'RECEIVED_DESC', first, args.after);
      return {
        edges: page.nodes.map(({ parent, cursor, highlight }) => ({ node: parent, cursor, highlight })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.nodes.at(-1)?.cursor ?? null },
        totalCount: page.totalCount,
      };
    },
    petitionHistory: (_: unknown, args: { id: string }, ctx: ApiContext) => {
      requireRole(ctx.principal, 'TESTER');
      return histories.petitionHistory(ctx, args.id);
    },
    panel: (_: unknown, args: { id: string }, ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR', 'SUPERVISOR', 'REVIEWER', 'TESTER');
      const visible = panelsApi.panelIdsFor(ctx.db, principal);
      const id = requiredId('id', args.id, IDS.panel);
      const panel = panelsApi.loadPanel(ctx.db, id);
      if (!panel || (visible !== 'all' && !visible.includes(id))) throw panelsApi.panelNotFound(id);
      return panel;
    },
    panels: (_: unknown, args: { filter?: { status?: string | null } | null; first?: number | null }, ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR', 'SUPERVISOR', 'REVIEWER', 'TESTER');
      return panelsApi.listPanels(ctx.db, principal, optionalChoice('filter.status', args.filter?.status, PANEL_STATUSES), pageSize('first', args.first));
    },
    statistics: (_: unknown, args: { filter: StatisticsArgs }, ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR', 'UNIT_HANDLER', 'UNIT_HEAD', 'SUPERVISOR', 'LEADER', 'REVIEWER', 'TESTER');
      const filter = { ...args.filter, unitId: knownUnit(ctx.db, 'filter.unitId', args.filter.unitId) };
      return computeStatistics(ctx.db, statisticsQuery(principal, filter));
    },
  },

  Mutation: {
    registerPetition: async (_: unknown, args: { input: commands.RegisterInput }, ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR');
      return fromWorkflowState(await commands.registerPetition(ctx, principal, args.input));
    },
    acceptPetition: petitionMutation('REGISTRAR', defs.acceptUpdate, commands.acceptCommand),
    routePetition: petitionMutation('REGISTRAR', defs.routeUpdate, commands.routeCommand),
    declinePetition: petitionMutation('REGISTRAR', defs.declineUpdate, (_, principal, args: DeclineArgs) => commands.declineCommand(principal, args)),
    requestExtension: petitionMutation(
      'UNIT_HANDLER',
      defs.requestExtensionUpdate,
      (_, principal, args: ExtensionArgs) => commands.extensionCommand(principal, args),
      { complete: (_, command, current) => (commands.assertExtensionWithinStatute(command, current), command) },
    ),
    decideExtension: petitionMutation('UNIT_HEAD', defs.decideExtensionUpdate, (_, principal, args: DecisionArgs) =>
      commands.extensionDecisionCommand(principal, args),
    ),
    startHearing: petitionMutation('UNIT_HANDLER', defs.startHearingUpdate, (_, principal, args: { note?: string | null }) =>
      commands.hearingCommand(principal, args),
    ),
    endHearing: petitionMutation('UNIT_HANDLER', defs.endHearingUpdate, (_, principal, args: { note?: string | null }) =>
      commands.hearingCommand(principal, args),
    ),
    replyPetition: petitionMutation('UNIT_HANDLER', defs.replyUpdate, (_, principal, args: ReplyArgs) => commands.replyCommand(principal, args)),
    recordSatisfaction: petitionMutation('REGISTRAR', defs.recordSatisfactionUpdate, (_, principal, args: SatisfactionArgs) =>
      commands.satisfactionCommand(principal, args),
    ),
    requestReview: petitionMutation('REGISTRAR', defs.requestReviewUpdate, commands.appealCommand, { appeal: true, complete: commands.withReviewUnit }),
    replayHistory: (_: unknown, args: { history: unknown }, ctx: ApiContext) => {
      requireRole(ctx.principal, 'TESTER');
      return histories.replayHistory(ctx, args.history);
    },
    conveneEvaluationPanel: (_: unknown, args: { input: panelsApi.ConveneInput }, ctx: ApiContext) =>
      panelsApi.convenePanel(ctx, requireRole(ctx.principal, 'SUPERVISOR'), args.input),
    recordEvaluation: (_: unknown, args: Parameters<typeof panelsApi.recordEvaluation>[2], ctx: ApiContext) =>
      panelsApi.recordEvaluation(ctx, requireRole(ctx.principal, 'REVIEWER'), args),
    urge: petitionMutation('SUPERVISOR', defs.urgeUpdate, (_, principal, args: UrgeArgs) => commands.urgeCommand(principal, args), {
      complete: (_, command, current) => (commands.assertUrgeWithinPractice(command, current), command),
    }),
    answerUrge: petitionMutation('UNIT_HANDLER', defs.answerUrgeUpdate, (_, principal, args: AnswerUrgeArgs) =>
      commands.answerUrgeCommand(principal, args),
    ),
    escalate: petitionMutation('SUPERVISOR', defs.escalateUpdate, (_, principal, args: EscalateArgs) => commands.escalateCommand(principal, args)),
    instruct: petitionMutation('LEADER', defs.instructUpdate, (_, principal, args: { text: string }) => commands.instructCommand(principal, args)),
  },

  EvaluationPanel: {
    id: (p: PanelState) => p.panelId,
    members: (p: PanelState) => p.members.map((m) => ({ ...m, attended: p.votes.some((v) => v.memberId === m.memberId) })),
    cases: (p: PanelState) =>
      p.petitionIds.map((petitionId) => p.results.find((r) => r.petitionId === petitionId) ?? { petitionId, verdict: null, votes: 0 }),
    evaluations: (p: PanelState) => p.votes,
  },

  PanelCase: {
    petition: async (c: { petitionId: string }, _: unknown, ctx: ApiContext) => readablePetition(ctx, ctx.principal!, c.petitionId),
  },

  Petition: {
    id: (p: PetitionParent) => p.state.petitionId,
    status: (p: PetitionParent) => p.state.status,
    stage: (p: PetitionParent) => p.state.stage,
    unit: (p: PetitionParent, _: unknown, ctx: ApiContext) => unitById(ctx, p.state.unitId),
    petitioner: (p: PetitionParent, _: unknown, ctx: ApiContext) => {
      const who = p.state.petitioner;
      if (seesPetitioner(ctx.principal, p.state)) return { ...who, masked: false };
      return { name: `${who.name.slice(0, 1)}**`, idNumber: mask(who.idNumber, 4), phone: mask(who.phone, 4), address: null, masked: true };
    },
    summary: (p: PetitionParent) => p.state.summary,
    content: (p: PetitionParent) => p.state.content,
    category: (p: PetitionParent) => p.state.category,
    channel: (p: PetitionParent) => p.state.channel,
    receivedAt: (p: PetitionParent) => p.state.receivedAt,
    registeredAt: (p: PetitionParent) => p.state.registeredAt,
    acceptedAt: (p: PetitionParent) => p.state.acceptedAt,
    routeMode: (p: PetitionParent) => p.state.routeMode,
    declineReason: (p: PetitionParent) => p.state.declineReason,
    respondentUnitId: (p: PetitionParent) => p.state.respondentUnitId,
    repeatOf: (p: PetitionParent) => p.state.repeatOf?.petitionId ?? null,
    isRepeat: (p: PetitionParent) => p.state.repeatOf !== null,
    reviewUnit: (p: PetitionParent, _: unknown, ctx: ApiContext) => unitById(ctx, p.state.reviewUnitId),
    extension: (p: PetitionParent, _: unknown, ctx: ApiContext) => ({
      daysGranted: p.state.extensions.filter((e) => e.decision?.approved).reduce((sum, e) => sum + e.days, 0),
      maxDays: ruleOf(profileOf(ctx, p), 'EXTENSION').days ?? 0,
      requests: p.state.extensions.map((e) => ({
        days: e.days,
        reason: e.reason,
        requestedAt: e.requestedAt,
        requestedBy: e.requestedBy,
        approved: e.decision?.approved ?? null,
        decidedAt: e.decision?.at ?? null,
        decisionNote: e.decision?.note ?? null,
      })),
    }),
    hearings: (p: PetitionParent) => p.state.hearings,
    reply: (p: PetitionParent) => p.state.opinions.at(-1) ?? null,
    opinions: (p: PetitionParent) => p.state.opinions,
    appeals: (p: PetitionParent, _: unknown, ctx: ApiContext) =>
      p.state.appeals.map((a) => ({ ...a, unit: unitById(ctx, a.unitId) })),
    satisfaction: (p: PetitionParent) => {
      const latest = new Map<RatingTarget, PetitionState['ratings'][number]>();
      for (const rating of p.state.ratings) latest.set(rating.target, rating);
      return [...latest.values()];
    },
    closedAt: (p: PetitionParent) => p.state.closedAt,
    urges: (p: PetitionParent) => p.state.urges,
    evaluations: (p: PetitionParent) => p.state.evaluations ?? [],
    escalation: (p: PetitionParent) => p.state.escalation,
    escalationProposed: (p: PetitionParent) => p.state.escalationProposedAt !== null && p.state.escalation === null,
    overdue: (p: PetitionParent) => isOverdue(p.state),
    dueSoon: (p: PetitionParent) => isDueSoon(p.state),
    dueAt: (p: PetitionParent) => currentDueAt(p.state, Date.now()),
    deadlines: (p: PetitionParent) => p.state.deadlines.map(deadlineView),
    timeline: (p: PetitionParent, _: unknown, ctx: ApiContext) => p.timeline ?? loadTimeline(ctx.db, p.state.petitionId),
    live: async (p: PetitionParent, _: unknown, ctx: ApiContext) => {
      try {
        return await commands.queryPetition(ctx, p.state.petitionId);
      } catch (err) {
        // A closed workflow may be gone from the server after its retention period; the read model still has it.
        if (errorCode(err) === 'NOT_FOUND') return null;
        throw err;
      }
    },
  },
};

