/**
 * What the projection writes beside the snapshot so that a list page reads columns instead of parsing it
 * (api/petition-rows.ts): whether the due moment of the row moves with the clock.
 */
import type { PetitionState } from '../domain/petition';

/**
 * Some open clock is paused and counted by the hour (no day count): `currentDueAt` then depends on the moment it
 * is read (domain/pausable-deadline.ts `projectedDue`), so the projected `due_at` is not the answer.
 */
export function dueMovesWithClock(state: Pick<PetitionState, 'deadlines'>): boolean {
  return state.deadlines.some((d) => d.metAt === null && d.lapsedAt === null && d.pausedSince !== null && !d.count);
}
