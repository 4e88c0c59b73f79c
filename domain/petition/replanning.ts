/** A holiday notice reaching a petition: its clocks found again on the calendar that now holds the year. */
import { formatShanghai } from '../calendar';
import { effectiveDue, recount } from '../pausable-deadline';
import { withGrace } from './appeals';
import { DAY_MS, isTerminal, withEvent } from './lifecycle';
import type { CommandContext, Deadline, PetitionState } from './state';

/**
 * Every clock counted by the day that has not been met or lapsed is counted again on `ctx.calendar`: it ends on
 * the new last working day, its appeal grace moves with it, and a duty marked overdue whose day has not in fact
 * run out is overdue no more. Clocks opened before clocks were counted by the day keep their due moment.
 * A notice that moves nothing changes nothing, so the same notice twice is harmless.
 */
export function replanClocks(state: PetitionState, ctx: CommandContext): PetitionState {
  if (isTerminal(state)) return state;
  const { now, profile } = ctx;
  const moved: Array<{ before: Deadline; after: Deadline }> = [];
  const deadlines = state.deadlines.map((d) => {
    if (!d.count || d.metAt !== null || d.lapsedAt !== null) return d;
    let after = recount(d, ctx.calendar);
    if (after === d) return d;
    if (after.graceMs !== undefined) after = withGrace(after, ctx);
    const due = effectiveDue(after);
    if (after.overdueAt !== null && now < due) after = { ...after, overdueAt: null };
    // A warning given for the old date is given again before the new one.
    if (after.warnedAt !== null && now < due - profile.practice.warningDays * DAY_MS)
      after = { ...after, warnedAt: null };
    moved.push({ before: d, after });
    return after;
  });
  if (moved.length === 0) return state;
  let next: PetitionState = { ...state, deadlines };
  for (const { before, after } of moved) {
    const note =
      after.dueAt === before.dueAt
        ? null
        : `期限按新的节假日安排重新计算：${formatShanghai(before.dueAt)} → ${formatShanghai(after.dueAt)}`;
    next = withEvent(next, now, 'DEADLINE_REPLANNED', null, note, {
      deadline: after.kind,
      dueAt: after.dueAt,
      previousDueAt: before.dueAt,
      provisional: after.provisional ?? false,
      overdueCleared: before.overdueAt !== null && after.overdueAt === null,
    });
  }
  return next;
}
