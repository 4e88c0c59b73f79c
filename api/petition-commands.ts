/**
 * The API's side of the petition workflow: starting it and sending it updates, through the definitions shared
 * with the workflow (workflows/definitions.ts). Input is checked here; the rules are checked by the workflow's
 * update validators, before anything is written to its history.
 */
import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import { and, desc, eq } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { petitions, units } from '../db/schema';
import type { UpdateDefinition } from '@temporalio/common';
import { matterKey, petitionerKey } from '../domain/matter';
import { isTerminal } from '../domain/petition';
import { getProfile, ruleOf } from '../domain/statute';
import type {
  AcceptCommand,
  Actor,
  AnswerUrgeCommand,
  AppealCommand,
  Category,
  Channel,
  DeclineCommand,
  DeclineReason,
  EscalateCommand,
  ExtensionCommand,
  ExtensionDecisionCommand,
  HearingCommand,
  InstructCommand,
  PetitionState,
  RatingTarget,
  Registration,
  ReplyCommand,
  ReplyOutcome,
  RepeatOf,
  RouteCommand,
  RouteMode,
  SatisfactionCommand,
  SatisfactionLevel,
  UrgeCommand,
} from '../domain/petition';
import { petitionStateQuery, petitionWorkflowId } from '../workflows/definitions';
import type { petitionWorkflow } from '../workflows/petition-workflow';
import type { Principal } from './auth';
import type { ApiDeps } from './context';
import { apiError, badInput, callTemporal } from './errors';
import {
  IDS,
  TEXT,
  idNumber,
  knownUnit,
  optionalId,
  optionalText,
  pastMoment,
  phoneNumber,
  requiredId,
  requiredText,
  wholeNumber,
} from './input-rules';

export interface RegisterInput {
  petitioner: { name: string; idNumber?: string | null; phone?: string | null; address?: string | null };
  channel: Channel;
  category: Category;
  summary: string;
  content: string;
  receivedAt?: number | null;
  respondentUnitId?: string | null;
  repeatOf?: string | null;
  requestId?: string | null;
}

/** A retried request (same principal, same requestId) gets the same petition id, so it starts nothing new. */
function petitionIdFor(principal: Principal, requestId: string | null): string {
  const seed = requestId ? createHash('sha256').update(`${principal.id}\n${requestId}`).digest() : randomBytes(6);
  return `XF-${seed.subarray(0, 6).toString('hex').toUpperCase()}`;
}

function actorOf(principal: Principal): Actor {
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
    if (earlier.petitionerKey !== who) throw badInput('input.repeatOf', `input.repeatOf: petition ${confirmed} is not this petitioner's`);
    return { petitionId: earlier.id, status: earlier.status as PetitionState['status'] };
  }
  const matter = matterKey(category, respondentUnitId);
  if (!matter) return null;
  const earlier = deps.db
    .select({ id: petitions.id, status: petitions.status })
    .from(petitions)
    .where(and(eq(petitions.petitionerKey, who), eq(petitions.matterKey, matter)))
    .orderBy(desc(petitions.registeredAt))
    .all()
    .map((row) => ({ petitionId: row.id, status: row.status as PetitionState['status'] }));
  // A case concluded after 复核 bars the matter for good; one in progress absorbs the repeat; else the newest.
  return earlier.find((e) => e.status === 'CONCLUDED') ?? earlier.find((e) => !isTerminal(e)) ?? earlier[0] ?? null;
}

/** 登记: starts the petition's workflow and answers with its first state. */
export async function registerPetition(deps: ApiDeps, principal: Principal, input: RegisterInput): Promise<PetitionState> {
  const receivedAt = pastMoment('input.receivedAt', input.receivedAt);
  const requestId = optionalText('input.requestId', input.requestId, TEXT.requestId);
  const respondentUnitId = knownUnit(deps.db, 'input.respondentUnitId', input.respondentUnitId);
  const petitionId = petitionIdFor(principal, requestId);
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
      await deps.temporal.workflow.start('petitionWorkflow', {
        workflowId,
        taskQueue: deps.taskQueue,
        args: [{ registration, profileId: deps.profileId }],
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

/** Sends one update to the petition's workflow; its validator may refuse it with a typed error. */
export function sendUpdate<C>(
  deps: ApiDeps,
  principal: Principal,
  petitionId: string,
  update: UpdateDefinition<PetitionState, [C]>,
  command: C,
  requestId: string | null,
): Promise<PetitionState> {
  return callTemporal(petitionId, () =>
    handleOf(deps, petitionId).executeUpdate(update, { args: [command], ...updateOptions(principal, update.name, requestId) }),
  );
}

export function acceptCommand(deps: ApiDeps, principal: Principal, args: { unitId?: string | null; note?: string | null }): AcceptCommand {
  return { unitId: knownUnit(deps.db, 'unitId', args.unitId), note: optionalText('note', args.note, TEXT.note), actor: actorOf(principal) };
}

export function routeCommand(deps: ApiDeps, principal: Principal, args: { unitId: string; mode: RouteMode; note?: string | null }): RouteCommand {
  const unitId = requiredId('unitId', args.unitId, IDS.unit);
  knownUnit(deps.db, 'unitId', unitId);
  return { unitId, mode: args.mode, note: optionalText('note', args.note, TEXT.note), actor: actorOf(principal) };
}

export function declineCommand(principal: Principal, args: { reason: DeclineReason; note?: string | null }): DeclineCommand {
  return { reason: args.reason, note: optionalText('note', args.note, TEXT.note), actor: actorOf(principal) };
}

export function extensionCommand(principal: Principal, args: { days: number; reason: string }): ExtensionCommand {
  return { days: wholeNumber('days', args.days, 1), reason: requiredText('reason', args.reason, TEXT.note), actor: actorOf(principal) };
}

/**
 * More days than the petition's statute allows in total can never be granted: refused here, before the workflow
 * (which also counts the days already granted).
 */
export function assertExtensionWithinStatute(command: ExtensionCommand, state: Pick<PetitionState, 'profileId'>): void {
  const max = ruleOf(getProfile(state.profileId), 'EXTENSION').days ?? 0;
  if (command.days > max) {
    throw apiError('LIMIT_EXCEEDED', `extensions may add at most ${max} days in total; ${command.days} asked`, { field: 'days', maxDays: max });
  }
}

export function extensionDecisionCommand(principal: Principal, args: { approve: boolean; note?: string | null }): ExtensionDecisionCommand {
  return { approve: args.approve, note: optionalText('note', args.note, TEXT.note), actor: actorOf(principal) };
}

export function hearingCommand(principal: Principal, args: { note?: string | null }): HearingCommand {
  return { note: optionalText('note', args.note, TEXT.note), actor: actorOf(principal) };
}

export function replyCommand(
  principal: Principal,
  args: { outcome: ReplyOutcome; text: string; basis?: string | null; deliveredAt?: number | null },
): ReplyCommand {
  return {
    outcome: args.outcome,
    text: requiredText('text', args.text, TEXT.content),
    basis: optionalText('basis', args.basis, TEXT.note),
    // Whether it lies in the future is the workflow's to say (checkReply): its clock is the case's, and runs ahead
    // of ours under a time-skipping server.
    deliveredAt: args.deliveredAt ?? null,
    actor: actorOf(principal),
  };
}

export function satisfactionCommand(principal: Principal, args: { level: SatisfactionLevel; target?: RatingTarget | null }): SatisfactionCommand {
  return { level: args.level, target: args.target ?? 'UNIT', actor: actorOf(principal) };
}

export function urgeCommand(principal: Principal, args: { message: string; respondWithinDays?: number | null }): UrgeCommand {
  const days = args.respondWithinDays ?? null;
  return {
    message: requiredText('message', args.message, TEXT.note),
    respondWithinDays: days === null ? null : wholeNumber('respondWithinDays', days, 1),
    actor: actorOf(principal),
  };
}

/** The answer period a supervisor may set is the petition's jurisdiction's to limit (local practice). */
export function assertUrgeWithinPractice(command: UrgeCommand, state: Pick<PetitionState, 'profileId'>): void {
  const max = getProfile(state.profileId).practice.urgeAnswerMaxDays;
  if (command.respondWithinDays !== null && command.respondWithinDays > max) {
    throw badInput('respondWithinDays', `respondWithinDays must be a whole number from 1 to ${max}; ${command.respondWithinDays} given`);
  }
}

export function answerUrgeCommand(principal: Principal, args: { urgeId: string; text: string }): AnswerUrgeCommand {
  return { urgeId: requiredId('urgeId', args.urgeId, IDS.urge), text: requiredText('text', args.text, TEXT.note), actor: actorOf(principal) };
}

export function escalateCommand(principal: Principal, args: { leaderId: string; reason: string }): EscalateCommand {
  return { leaderId: requiredId('leaderId', args.leaderId, IDS.leader), reason: requiredText('reason', args.reason, TEXT.note), actor: actorOf(principal) };
}

export function instructCommand(principal: Principal, args: { text: string }): InstructCommand {
  return { text: requiredText('text', args.text, TEXT.note), actor: actorOf(principal) };
}

/** 复查/复核 as asked: the organ stays null when the registrar names none (withReviewUnit fills it in). */
export type AppealRequest = Omit<AppealCommand, 'reviewUnitId'> & { reviewUnitId: string | null };

export function appealCommand(deps: ApiDeps, principal: Principal, args: { reason?: string | null; reviewUnitId?: string | null }): AppealRequest {
  return {
    reason: optionalText('reason', args.reason, TEXT.note),
    reviewUnitId: knownUnit(deps.db, 'reviewUnitId', args.reviewUnitId),
    actor: actorOf(principal),
  };
}

/**
 * 复查 goes to the organ above the responsible unit, 复核 to the organ above the 复查 organ (the unit tree in
 * the units table), unless the registrar names one.
 */
export function withReviewUnit(
  deps: ApiDeps,
  command: AppealRequest,
  state: Pick<PetitionState, 'status' | 'unitId' | 'reviewUnitId'>,
): AppealCommand {
  if (command.reviewUnitId) return { ...command, reviewUnitId: command.reviewUnitId };
  const below = state.status === 'REVIEW_DELIVERED' ? state.reviewUnitId : state.unitId;
  const reviewUnitId = below ? (deps.db.select().from(units).where(eq(units.id, below)).get()?.parentId ?? null) : null;
  if (!reviewUnitId) throw badInput('reviewUnitId', `no organ above ${below ?? 'the unit'} is known: name the reviewUnitId`);
  return { ...command, reviewUnitId };
}
