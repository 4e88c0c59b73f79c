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
import { badInput, callTemporal } from './errors';

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

const LIMITS = { name: 100, summary: 200, content: 20_000, note: 2_000, requestId: 200 } as const;

function requireText(field: string, value: string | null | undefined, max: number): string {
  const text = value?.trim() ?? '';
  if (!text) throw badInput(field, `${field} must not be empty`);
  if (text.length > max) throw badInput(field, `${field} is longer than ${max} characters`);
  return text;
}

function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > max) throw badInput(field, `${field} is longer than ${max} characters`);
  return text;
}

export function requireUnit(deps: ApiDeps, field: string, unitId: string): void {
  if (!deps.db.select().from(units).where(eq(units.id, unitId)).get()) {
    throw badInput(field, `no unit with code ${unitId}`);
  }
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
    if (!earlier) throw badInput('repeatOf', `no petition ${confirmed}`);
    if (earlier.petitionerKey !== who) throw badInput('repeatOf', `petition ${confirmed} is not this petitioner's`);
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
  const receivedAt = input.receivedAt ?? null;
  if (receivedAt !== null && receivedAt > Date.now() + 60_000) throw badInput('receivedAt', 'receivedAt lies in the future');
  const requestId = optionalText('requestId', input.requestId, LIMITS.requestId);
  const respondentUnitId = optionalText('respondentUnitId', input.respondentUnitId, 50);
  if (respondentUnitId) requireUnit(deps, 'respondentUnitId', respondentUnitId);
  const petitionId = petitionIdFor(principal, requestId);
  const petitioner = {
    name: requireText('petitioner.name', input.petitioner.name, LIMITS.name),
    idNumber: optionalText('petitioner.idNumber', input.petitioner.idNumber, 30),
    phone: optionalText('petitioner.phone', input.petitioner.phone, 30),
    address: optionalText('petitioner.address', input.petitioner.address, 300),
  };
  const registration: Registration = {
    petitionId,
    petitioner,
    repeatOf: findRepeatOf(deps, petitioner, input.category, respondentUnitId, optionalText('repeatOf', input.repeatOf, 50)),
    channel: input.channel,
    category: input.category,
    summary: requireText('summary', input.summary, LIMITS.summary),
    content: requireText('content', input.content, LIMITS.content),
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

function updateOptions(principal: Principal, command: string, requestId: string | null | undefined) {
  const id = optionalText('requestId', requestId, LIMITS.requestId);
  // Temporal applies an update id once per workflow run, which makes a retried mutation a no-op.
  return id ? { updateId: `${command}:${principal.id}:${id}` } : {};
}

/** Sends one update to the petition's workflow; its validator may refuse it with a typed error. */
export function sendUpdate<C>(
  deps: ApiDeps,
  principal: Principal,
  petitionId: string,
  update: UpdateDefinition<PetitionState, [C]>,
  command: C,
  requestId: string | null | undefined,
): Promise<PetitionState> {
  return callTemporal(petitionId, () =>
    handleOf(deps, petitionId).executeUpdate(update, { args: [command], ...updateOptions(principal, update.name, requestId) }),
  );
}

export function acceptCommand(deps: ApiDeps, principal: Principal, args: { unitId?: string | null; note?: string | null }): AcceptCommand {
  const unitId = optionalText('unitId', args.unitId, 50);
  if (unitId) requireUnit(deps, 'unitId', unitId);
  return { unitId, note: optionalText('note', args.note, LIMITS.note), actor: actorOf(principal) };
}

export function routeCommand(deps: ApiDeps, principal: Principal, args: { unitId: string; mode: RouteMode; note?: string | null }): RouteCommand {
  const unitId = requireText('unitId', args.unitId, 50);
  requireUnit(deps, 'unitId', unitId);
  return { unitId, mode: args.mode, note: optionalText('note', args.note, LIMITS.note), actor: actorOf(principal) };
}

export function declineCommand(principal: Principal, args: { reason: DeclineReason; note?: string | null }): DeclineCommand {
  return { reason: args.reason, note: optionalText('note', args.note, LIMITS.note), actor: actorOf(principal) };
}

export function extensionCommand(principal: Principal, args: { days: number; reason: string }): ExtensionCommand {
  return { days: args.days, reason: requireText('reason', args.reason, LIMITS.note), actor: actorOf(principal) };
}

export function extensionDecisionCommand(principal: Principal, args: { approve: boolean; note?: string | null }): ExtensionDecisionCommand {
  return { approve: args.approve, note: optionalText('note', args.note, LIMITS.note), actor: actorOf(principal) };
}

export function hearingCommand(principal: Principal, args: { note?: string | null }): HearingCommand {
  return { note: optionalText('note', args.note, LIMITS.note), actor: actorOf(principal) };
}

export function replyCommand(
  principal: Principal,
  args: { outcome: ReplyOutcome; text: string; basis?: string | null; deliveredAt?: number | null },
): ReplyCommand {
  return {
    outcome: args.outcome,
    text: requireText('text', args.text, LIMITS.content),
    basis: optionalText('basis', args.basis, LIMITS.note),
    deliveredAt: args.deliveredAt ?? null,
    actor: actorOf(principal),
  };
}

export function satisfactionCommand(principal: Principal, args: { level: SatisfactionLevel; target?: RatingTarget | null }): SatisfactionCommand {
  return { level: args.level, target: args.target ?? 'UNIT', actor: actorOf(principal) };
}

export function urgeCommand(principal: Principal, args: { message: string; respondWithinDays?: number | null }): UrgeCommand {
  return { message: requireText('message', args.message, LIMITS.note), respondWithinDays: args.respondWithinDays ?? null, actor: actorOf(principal) };
}

export function answerUrgeCommand(principal: Principal, args: { urgeId: string; text: string }): AnswerUrgeCommand {
  return { urgeId: requireText('urgeId', args.urgeId, 20), text: requireText('text', args.text, LIMITS.note), actor: actorOf(principal) };
}

export function escalateCommand(principal: Principal, args: { leaderId: string; reason: string }): EscalateCommand {
  return { leaderId: requireText('leaderId', args.leaderId, 100), reason: requireText('reason', args.reason, LIMITS.note), actor: actorOf(principal) };
}

export function instructCommand(principal: Principal, args: { text: string }): InstructCommand {
  return { text: requireText('text', args.text, LIMITS.note), actor: actorOf(principal) };
}

/**
 * 复查 goes to the organ above the responsible unit, 复核 to the organ above the 复查 organ (the unit tree in
 * the units table), unless the registrar names one.
 */
export function appealCommand(
  deps: ApiDeps,
  principal: Principal,
  args: { reason?: string | null; reviewUnitId?: string | null },
  state: Pick<PetitionState, 'status' | 'unitId' | 'reviewUnitId'>,
): AppealCommand {
  let reviewUnitId = optionalText('reviewUnitId', args.reviewUnitId, 50);
  if (reviewUnitId) requireUnit(deps, 'reviewUnitId', reviewUnitId);
  else {
    const below = state.status === 'REVIEW_DELIVERED' ? state.reviewUnitId : state.unitId;
    reviewUnitId = below ? (deps.db.select().from(units).where(eq(units.id, below)).get()?.parentId ?? null) : null;
    if (!reviewUnitId) throw badInput('reviewUnitId', `no organ above ${below ?? 'the unit'} is known: name the reviewUnitId`);
  }
  return { reason: optionalText('reason', args.reason, LIMITS.note), reviewUnitId, actor: actorOf(principal) };
}
