/**
 * The API's side of the petition workflow: starting it and sending it updates, through the definitions shared
 * with the workflow (workflows/definitions.ts). Input is checked here; the rules are checked by the workflow's
 * update validators, before anything is written to its history.
 */
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { calendarForNewPetition } from '../db/holiday-calendars';
import { sendNoticesStoredSince } from './calendar-publication';
import type { Actor, CommandArgs, CommandName, PetitionState, Registration } from '../domain/petition';
import {
  type PetitionAnswer,
  petitionRegisteredUpdate,
  petitionStateQuery,
  petitionUpdates,
  petitionWorkflowId,
} from '../workflows/definitions';
import { petitionWorkflow } from '../workflows/petition-workflow';
import type { Principal } from './auth';
import type { ApiDeps } from './context';
import type { RegisterPetitionInput } from './generated/resolvers-types';
import {
  IDS,
  TEXT,
  idNumber,
  knownUnit,
  optionalId,
  optionalText,
  pastMoment,
  phoneNumber,
  requiredText,
} from './input-rules';
import { directUnitOf } from './direct-petitions';
import { earlierPetition, possibleRepeats } from './repeats';
import { idForRequest } from './request-ids';
import { fromWorkflowState, loadPetition, loadTimeline, type PetitionParent } from './petition-reads';
import { startOnce, startOnceOptions } from './start-once';
import { callUpdate } from './update-bound';
import { callQuery } from './workflow-queries';
import { petitionStartMetadata } from './workflow-summaries';

/** The actor every command carries: a unit's roles with their unit, which the workflow checks (domain/petition/actors.ts). */
export function actorOf(principal: Principal): Actor {
  const unitRole = principal.role === 'UNIT_HANDLER' || principal.role === 'UNIT_HEAD';
  return unitRole
    ? { id: principal.id, role: principal.role, unitId: principal.unitId }
    : { id: principal.id, role: principal.role };
}

function handleOf(deps: ApiDeps, petitionId: string): WorkflowHandle<typeof petitionWorkflow> {
  return deps.temporal.workflow.getHandle<typeof petitionWorkflow>(petitionWorkflowId(petitionId));
}

/** 登记: starts the petition's workflow and answers with its first state, once it is in the read model. */
export async function registerPetition(
  deps: ApiDeps,
  principal: Principal,
  input: RegisterPetitionInput,
): Promise<PetitionAnswer> {
  const receivedAt = pastMoment('input.receivedAt', input.receivedAt);
  const requestId = optionalText('input.requestId', input.requestId, TEXT.requestId);
  const respondentUnitId = await knownUnit(deps.db, 'input.respondentUnitId', input.respondentUnitId);
  const petitionId = idForRequest('XF', 'petition', principal, requestId);
  const petitioner = {
    name: requiredText('input.petitioner.name', input.petitioner.name, TEXT.personName),
    idNumber: idNumber('input.petitioner.idNumber', input.petitioner.idNumber),
    phone: phoneNumber('input.petitioner.phone', input.petitioner.phone),
    address: optionalText('input.petitioner.address', input.petitioner.address, TEXT.address),
  };
  const summary = requiredText('input.summary', input.summary, TEXT.summary);
  const content = requiredText('input.content', input.content, TEXT.content);
  const confirmedRepeat = optionalId('input.repeatOf', input.repeatOf, IDS.petition);
  const directUnitId = await directUnitOf(deps.db, principal, input, respondentUnitId);
  // Matching proposes; only the earlier petition the registrar names is a decided repeat (domain/petition/repeats.ts).
  const facts = { petitioner, category: input.category, respondentUnitId, summary };
  const registration: Registration = {
    petitionId,
    petitioner,
    repeatOf: confirmedRepeat ? await earlierPetition(deps.db, 'input.repeatOf', confirmedRepeat, petitioner) : null,
    possibleRepeats: await possibleRepeats(deps.db, facts),
    channel: input.channel,
    category: input.category,
    summary,
    content,
    receivedAt,
    respondentUnitId,
    registeredBy: actorOf(principal),
    directUnitId,
  };
  const workflowId = petitionWorkflowId(petitionId);
  // A retried requestId answers the petition it started, in whatever state (./start-once.ts).
  return startOnce<PetitionAnswer>(deps, {
    id: petitionId,
    requestId,
    start: async () => {
      const calendar = await calendarForNewPetition(deps.db, Date.now());
      const startWorkflowOperation = new WithStartWorkflowOperation(petitionWorkflow, {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [{ registration, profileId: deps.profileId, calendar }],
        ...startOnceOptions(requestId),
        // What the Temporal UI shows without decoding: no personal data (./workflow-summaries.ts).
        ...petitionStartMetadata({
          petitionId,
          category: input.category,
          channel: input.channel,
          profileId: deps.profileId,
        }),
      });
      // The start and the registration's answer in one round trip, bounded like a command (./update-bound.ts).
      const answer = await callUpdate(deps, petitionId, () =>
        deps.temporal.workflow.executeUpdateWithStart(petitionRegisteredUpdate, {
          startWorkflowOperation,
          ...(requestId ? { updateId: updateIdOf('registerPetition', principal, requestId) } : {}),
        }),
      );
      await sendNoticesStoredSince(deps, workflowId, calendar);
      return { answer };
    },
    query: () => handleOf(deps, petitionId).query(petitionStateQuery),
    stored: async () => {
      const known = await loadPetition(deps.db, petitionId);
      return known && { ...known.state, timeline: await loadTimeline(deps.db, petitionId) };
    },
  });
}

/**
 * The petition an update answered. A run's acknowledgement names the change it made, which the read model has
 * by then (the update waited for the projection); should the read model be behind it (replaced by an older copy
 * meanwhile), the workflow's own state answers. Older runs answer with the whole state.
 */
export async function answeredPetition(deps: ApiDeps, answer: PetitionAnswer): Promise<PetitionParent> {
  if ('timeline' in answer) return fromWorkflowState(answer);
  const stored = await loadPetition(deps.db, answer.petitionId);
  if (stored && stored.state.lastSeq >= answer.lastSeq) return stored;
  return fromWorkflowState(await queryPetition(deps, answer.petitionId));
}

/** The workflow's own state: bounded, counted per request, UNAVAILABLE when it cannot answer (./workflow-queries.ts). */
export async function queryPetition(deps: ApiDeps, petitionId: string): Promise<PetitionState> {
  return callQuery(deps, petitionId, () => handleOf(deps, petitionId).query(petitionStateQuery));
}

/** `requestId` as the resolver checked it. */
function updateOptions(principal: Principal, command: string, requestId: string | null) {
  // Temporal applies an update id once per workflow run, which makes a retried mutation a no-op.
  return requestId ? { updateId: updateIdOf(command, principal, requestId) } : {};
}

/** The update id of a command sent with a `requestId`: one per principal, command and request. */
export function updateIdOf(command: string, principal: Principal, requestId: string): string {
  return `${command}:${principal.id}:${requestId}`;
}

/**
 * Sends one update to the petition's workflow; its validator may refuse it with a typed error. Not answered
 * within `deps.updateTimeoutMs` it is TIMEOUT (./update-bound.ts).
 */
export function sendUpdate<N extends CommandName>(
  deps: ApiDeps,
  principal: Principal,
  petitionId: string,
  name: N,
  command: CommandArgs[N],
  requestId: string | null,
): Promise<PetitionAnswer> {
  const update = petitionUpdates[name];
  return callUpdate(deps, petitionId, () =>
    handleOf(deps, petitionId).executeUpdate(update, { args: [command], ...updateOptions(principal, name, requestId) }),
  );
}
