/**
 * The API's side of the petition workflow: starting it and sending it updates, through the definitions shared
 * with the workflow (workflows/definitions.ts). Input is checked here; the rules are checked by the workflow's
 * update validators, before anything is written to its history.
 */
import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import { and, desc, eq } from 'drizzle-orm';
import { calendarForNewPetition } from '../db/holiday-calendars';
import { petitions } from '../db/schema';
import { matterKey, petitionerKey } from '../domain/matter';
import { isTerminal } from '../domain/petition';
import type {
  Actor,
  Category,
  CommandArgs,
  CommandName,
  PetitionState,
  Registration,
  RepeatOf,
} from '../domain/petition';
import { petitionStateQuery, petitionUpdates, petitionWorkflowId } from '../workflows/definitions';
import { petitionWorkflow } from '../workflows/petition-workflow';
import type { Principal } from './auth';
import type { ApiDeps } from './context';
import { badInput, callTemporal } from './errors';
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
import { idForRequest } from './request-ids';
import { callUpdate } from './update-bound';

export function actorOf(principal: Principal): Actor {
  return { id: principal.id, role: principal.role };
}

function handleOf(deps: ApiDeps, petitionId: string): WorkflowHandle<typeof petitionWorkflow> {
  return deps.temporal.workflow.getHandle<typeof petitionWorkflow>(petitionWorkflowId(petitionId));
}

/**
 * The earlier petition this one repeats: the one the registrar names (it must be the same petitioner's), or
 * else the newest of the same petitioner on the same matter (category + respondent unit).
 */
function findRepeatOf(
  deps: ApiDeps,
  petitioner: Registration['petitioner'],
  category: Category,
  respondentUnitId: string | null,
  confirmed: string | null,
): RepeatOf | null {
  const who = petitionerKey(petitioner);
  if (confirmed) {
    const earlier = deps.db.select().from(petitions).where(eq(petitions.id, confirmed)).get();
    if (!earlier) throw badInput('input.repeatOf', `input.repeatOf: no petition ${confirmed}`);
    if (earlier.petitionerKey !== who)
      throw badInput('input.repeatOf', `input.repeatOf: petition ${confirmed} is not this petitioner's`);
    return { petitionId: earlier.id, status: earlier.status };
  }
  const matter = matterKey(category, respondentUnitId);
  if (!matter) return null;
  const earlier = deps.db
    .select({ id: petitions.id, status: petitions.status })
    .from(petitions)
    .where(and(eq(petitions.petitionerKey, who), eq(petitions.matterKey, matter)))
    .orderBy(desc(petitions.registeredAt))
    .all()
    .map((row) => ({ petitionId: row.id, status: row.status }));
  // A case concluded after 复核 bars the matter for good; one in progress absorbs the repeat; else the newest.
  return earlier.find((e) => e.status === 'CONCLUDED') ?? earlier.find((e) => !isTerminal(e)) ?? earlier[0] ?? null;
}

/** 登记: starts the petition's workflow and answers with its first state. */
export async function registerPetition(
  deps: ApiDeps,
  principal: Principal,
  input: RegisterPetitionInput,
): Promise<PetitionState> {
  const receivedAt = pastMoment('input.receivedAt', input.receivedAt);
  const requestId = optionalText('input.requestId', input.requestId, TEXT.requestId);
  const respondentUnitId = knownUnit(deps.db, 'input.respondentUnitId', input.respondentUnitId);
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
  const registration: Registration = {
    petitionId,
    petitioner,
    repeatOf: findRepeatOf(deps, petitioner, input.category, respondentUnitId, confirmedRepeat),
    channel: input.channel,
    category: input.category,
    summary,
    content,
    receivedAt,
    respondentUnitId,
    registeredBy: actorOf(principal),
  };
  const workflowId = petitionWorkflowId(petitionId);
  return callTemporal(petitionId, async () => {
    try {
      await deps.temporal.workflow.start(petitionWorkflow, {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [{ registration, profileId: deps.profileId, calendar: calendarForNewPetition(deps.db, Date.now()) }],
      });
    } catch (err) {
      // The same requestId again is a client retry: answer with the petition the first call started.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError && requestId)) throw err;
    }
    return handleOf(deps, petitionId).query(petitionStateQuery);
  });
}

export async function queryPetition(deps: ApiDeps, petitionId: string): Promise<PetitionState> {
  return callTemporal(petitionId, () => handleOf(deps, petitionId).query(petitionStateQuery));
}

/** `requestId` as the resolver checked it. */
function updateOptions(principal: Principal, command: string, requestId: string | null) {
  // Temporal applies an update id once per workflow run, which makes a retried mutation a no-op.
  return requestId ? { updateId: `${command}:${principal.id}:${requestId}` } : {};
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
): Promise<PetitionState> {
  const update = petitionUpdates[name];
  return callUpdate(deps, petitionId, () =>
    handleOf(deps, petitionId).executeUpdate(update, { args: [command], ...updateOptions(principal, name, requestId) }),
  );
}
