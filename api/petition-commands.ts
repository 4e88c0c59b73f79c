/**
 * The API's side of the petition workflow: starting it and sending it updates, through the definitions shared
 * with the workflow (workflows/definitions.ts). Input is checked here; the rules are checked by the workflow's
 * update validators, before anything is written to its history.
 */
import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { units } from '../db/schema';
import type { Actor, Category, Channel, PetitionState, Registration } from '../domain/petition';
import {
  acceptUpdate,
  declineUpdate,
  petitionStateQuery,
  petitionWorkflowId,
  routeUpdate,
} from '../workflows/definitions';
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

/** 登记: starts the petition's workflow and answers with its first state. */
export async function registerPetition(deps: ApiDeps, principal: Principal, input: RegisterInput): Promise<PetitionState> {
  const now = Date.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt > now + 60_000) throw badInput('receivedAt', 'receivedAt lies in the future');
  const requestId = optionalText('requestId', input.requestId, LIMITS.requestId);
  const respondentUnitId = optionalText('respondentUnitId', input.respondentUnitId, 50);
  if (respondentUnitId) requireUnit(deps, 'respondentUnitId', respondentUnitId);
  const petitionId = petitionIdFor(principal, requestId);
  const registration: Registration = {
    petitionId,
    petitioner: {
      name: requireText('petitioner.name', input.petitioner.name, LIMITS.name),
      idNumber: optionalText('petitioner.idNumber', input.petitioner.idNumber, 30),
      phone: optionalText('petitioner.phone', input.petitioner.phone, 30),
      address: optionalText('petitioner.address', input.petitioner.address, 300),
    },
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

export async function acceptPetition(
  deps: ApiDeps,
  principal: Principal,
  args: { id: string; unitId?: string | null; note?: string | null; requestId?: string | null },
): Promise<PetitionState> {
  const unitId = optionalText('unitId', args.unitId, 50);
  if (unitId) requireUnit(deps, 'unitId', unitId);
  const command = { unitId, note: optionalText('note', args.note, LIMITS.note), actor: actorOf(principal) };
  return callTemporal(args.id, () =>
    handleOf(deps, args.id).executeUpdate(acceptUpdate, { args: [command], ...updateOptions(principal, 'accept', args.requestId) }),
  );
}

export async function routePetition(
  deps: ApiDeps,
  principal: Principal,
  args: { id: string; unitId: string; mode: 'TRANSFER' | 'ASSIGN'; note?: string | null; requestId?: string | null },
): Promise<PetitionState> {
  const unitId = requireText('unitId', args.unitId, 50);
  requireUnit(deps, 'unitId', unitId);
  const command = { unitId, mode: args.mode, note: optionalText('note', args.note, LIMITS.note), actor: actorOf(principal) };
  return callTemporal(args.id, () =>
    handleOf(deps, args.id).executeUpdate(routeUpdate, { args: [command], ...updateOptions(principal, 'route', args.requestId) }),
  );
}

export async function declinePetition(
  deps: ApiDeps,
  principal: Principal,
  args: { id: string; reason: PetitionState['declineReason'] & string; note?: string | null; requestId?: string | null },
): Promise<PetitionState> {
  const command = { reason: args.reason, note: optionalText('note', args.note, LIMITS.note), actor: actorOf(principal) };
  return callTemporal(args.id, () =>
    handleOf(deps, args.id).executeUpdate(declineUpdate, { args: [command], ...updateOptions(principal, 'decline', args.requestId) }),
  );
}

