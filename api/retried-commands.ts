/**
 * A mutation retried with its `requestId` answers as the first one did, even when the petition has moved on:
 * the unit that replied may no longer be the one acting, and a final 复核 opinion ends the workflow. Refused
 * now (FORBIDDEN, INVALID_TRANSITION), the retry looks in the petition's history for its own update; found, it
 * was applied, and it answers the petition as it stands.
 */
import type { Principal } from './auth';
import type { ApiContext } from './context';
import { errorCode } from './petition-access';
import { updateIdOf } from './petition-commands';
import { loadPetition, type PetitionParent } from './petition-reads';
import { petitionWorkflowId } from '../workflows/definitions';

const REFUSED_SINCE = ['FORBIDDEN', 'INVALID_TRANSITION'];

async function wasApplied(ctx: ApiContext, petitionId: string, updateId: string): Promise<boolean> {
  const history = await ctx.temporal.workflow.getHandle(petitionWorkflowId(petitionId)).fetchHistory();
  return (history.events ?? []).some(
    (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId === updateId,
  );
}

export async function answeredAsFirstTime(
  ctx: ApiContext,
  principal: Principal,
  petitionId: string,
  command: string,
  requestId: string | null,
  refusal: unknown,
): Promise<PetitionParent> {
  if (!requestId || !REFUSED_SINCE.includes(String(errorCode(refusal)))) throw refusal;
  const applied = await wasApplied(ctx, petitionId, updateIdOf(command, principal, requestId)).catch(() => false);
  const known = applied ? await loadPetition(ctx.db, petitionId) : null;
  if (!known) throw refusal;
  return known;
}
