/**
 * A deadline that a hearing (听证) can stop and restart, exact to the millisecond, any number of times
 * (Art. 36: hearing time is not counted). Pure; the workflow sleeps until `effectiveDue` with
 * `condition(..., timeout)` and re-plans whenever the deadline is paused or resumed.
 */
export interface PausableClock {
  /** The statutory due moment, extensions included, before any pause. */
  dueAt: number;
  /** Time already spent paused by closed intervals. */
  pausedMs: number;
  /** Start of the pause in progress, or null while the clock runs. */
  pausedSince: number | null;
}

/** When the clock runs out; never while it is paused. */
export function effectiveDue(clock: PausableClock): number {
  return clock.pausedSince === null ? clock.dueAt + clock.pausedMs : Number.POSITIVE_INFINITY;
}

/** Paused time up to `now`, the pause in progress included. */
export function pausedMsAt(clock: PausableClock, now: number): number {
  return clock.pausedMs + (clock.pausedSince === null ? 0 : Math.max(0, now - clock.pausedSince));
}

/** The due moment if the clock were restarted at `now`: what a person reads on a paused deadline. */
export function projectedDue(clock: PausableClock, now: number): number {
  return clock.dueAt + pausedMsAt(clock, now);
}

export function pause<T extends PausableClock>(clock: T, at: number): T {
  return clock.pausedSince === null ? { ...clock, pausedSince: at } : clock;
}

export function resume<T extends PausableClock>(clock: T, at: number): T {
  if (clock.pausedSince === null) return clock;
  return { ...clock, pausedMs: clock.pausedMs + Math.max(0, at - clock.pausedSince), pausedSince: null };
}
