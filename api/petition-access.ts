/** Which petition a principal may read and act on, and how a command on one is run. */
import { GraphQLError } from 'graphql';
import { DEADLINE_KINDS, actingUnitId, isTerminal } from '../domain/petition';
import type { PetitionAnswer } from '../workflows/definitions';
import { canRead } from './access';
import type { Principal } from './auth';
import type { ApiContext } from './context';
import { apiError } from './errors';
import { notePersonalData } from './personal-data-log';
import * as commands from './petition-commands';
import { fromWorkflowState, loadPetition, panelMembership, type PetitionParent } from './petition-reads';

export function errorCode(err: unknown): unknown {
  return err instanceof GraphQLError ? err.extensions.code : undefined;
}

/** The petition if it exists and the principal may read it. */
export async function readablePetition(ctx: ApiContext, principal: Principal, id: string): Promise<PetitionParent> {
  let parent = await loadPetition(ctx.db, id);
  // Just registered and not yet projected: the workflow itself knows it.
  if (!parent) {
    parent = await commands.queryPetition(ctx, id).then(fromWorkflowState, (err: unknown) => {
      if (errorCode(err) === 'NOT_FOUND') return null;
      throw err; // Temporal unreachable is UNAVAILABLE, not "no such petition"
    });
  }
  // A petition the principal may not read answers exactly as one that does not exist: no leak that it does.
  if (!parent || !canRead(principal, parent.state, await panelMembership(ctx.db, principal, id))) {
    // A refusal of a petition that exists is an attempt on its petitioner's data: logged, and answered as none.
    if (parent) notePersonalData(ctx, { petitionId: id, outcome: 'DENIED', fields: [] });
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
export async function commandOn(
  ctx: ApiContext,
  principal: Principal,
  id: string,
  run: (current: PetitionParent) => Promise<PetitionAnswer>,
  appeal = false,
): Promise<PetitionParent> {
  const current = await readablePetition(ctx, principal, id);
  assertActingUnit(principal, current);
  let answer: PetitionAnswer;
  try {
    answer = await run(current);
  } catch (err) {
    const known = await loadPetition(ctx.db, id);
    if (errorCode(err) === 'NOT_FOUND' && known && isTerminal(known.state)) {
      const status = known.state.status;
      // Closed by its appeal window running out, not by a path that has no appeal (a suggestion answered).
      const windowRanOut = known.state.deadlines.some((d) => DEADLINE_KINDS[d.kind].onExpiry === 'CLOSE' && d.lapsedAt);
      if (appeal && status === 'CLOSED' && windowRanOut) {
        throw apiError('WINDOW_CLOSED', `petition ${id} closed when its appeal window ran out`, { status });
      }
      throw apiError('INVALID_TRANSITION', `petition ${id} is closed (${status})`, { status });
    }
    throw err;
  }
  return commands.answeredPetition(ctx, answer);
}
