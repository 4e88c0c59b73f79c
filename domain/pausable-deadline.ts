/**
 * A deadline that a hearing (听证) can stop and restart (Art. 36 ¶2: "听证所需时间不计算在前款规定的期限内").
 *
 * A clock counted by the day (`count` present) keeps what its last day is made of — the statutory days, the
 * extension days approved, the days hearings took — and finds that day on the petition's calendar again whenever
 * one of them, or the calendar, changes; so every such clock ends at 24:00 of a working day. A hearing takes every
 * calendar day it sits on, its first and last included, a day shared with an earlier hearing once.
 *
 * A clock opened before clocks were counted by the day has no `count`: it replays as it ran, its hearing time
 * added to the millisecond. Pure; the workflow sleeps until `effectiveDue`.
 */
import { periodEnd, provisionalYears, shanghaiDayNumber, type CountingRule, type HolidayCalendar } from './calendar';

/** What a clock counted by the day is made of. */
export interface DayCount {
  /** The statute's (or the profile's) days. */
  days: number;
  rule: CountingRule;
  /** Approved extensions (延期, Art. 34), added to the unrolled last day: split approvals end where one would. */
  extensionDays: number;
  /** Calendar days hearings sat on, not counted. */
  hearingDays: number;
  /** The Shanghai day number of the last day a hearing sat on, so a day is counted once. */
  lastHearingDay: number | null;
}

export interface PausableClock {
  startedAt: number;
  /** The due moment: statutory, extensions and hearings included, on the petition's calendar. */
  dueAt: number;
  /** Time spent in hearings, for the record; added to `dueAt` only on clocks without `count`. */
  pausedMs: number;
  /** Start of the hearing in progress, or null while the clock runs. */
  pausedSince: number | null;
  count?: DayCount;
  /** The clock's days touch a year whose State Council notice the calendar does not hold yet. */
  provisional?: boolean;
}

/** When the clock runs out; never while it is paused. */
export function effectiveDue(clock: PausableClock): number {
  if (clock.pausedSince !== null) return Number.POSITIVE_INFINITY;
  return clock.count ? clock.dueAt : clock.dueAt + clock.pausedMs;
}

/** Paused time up to `now`, the pause in progress included. */
export function pausedMsAt(clock: PausableClock, now: number): number {
  return clock.pausedMs + (clock.pausedSince === null ? 0 : Math.max(0, now - clock.pausedSince));
}

/**
 * The due moment a person reads. On a clock counted by the day during a hearing: the due date with the hearing
 * counted up to its first day, which moves on when the hearing ends.
 */
export function projectedDue(clock: PausableClock, now: number): number {
  return clock.count ? clock.dueAt : clock.dueAt + pausedMsAt(clock, now);
}

/** A clock counted by the day, opened at `startedAt`. */
export function countedClock(
  startedAt: number,
  days: number,
  rule: CountingRule,
  calendar: HolidayCalendar,
): PausableClock {
  const count: DayCount = { days, rule, extensionDays: 0, hearingDays: 0, lastHearingDay: null };
  return recount({ startedAt, dueAt: 0, pausedMs: 0, pausedSince: null, count }, calendar);
}

/** The clock's last day found again on `calendar` (unchanged for clocks without `count`). */
export function recount<T extends PausableClock>(clock: T, calendar: HolidayCalendar): T {
  const c = clock.count;
  if (!c) return clock;
  const dueAt = periodEnd(clock.startedAt, c.days + c.extensionDays + c.hearingDays, c.rule, calendar);
  const provisional = provisionalYears(calendar, clock.startedAt, dueAt).length > 0;
  if (dueAt === clock.dueAt && provisional === clock.provisional) return clock;
  return { ...clock, dueAt, provisional };
}

/** Extension days approved (counted clocks), recounted. */
export function extendBy<T extends PausableClock>(clock: T, days: number, calendar: HolidayCalendar): T {
  if (!clock.count) return clock;
  return recount({ ...clock, count: { ...clock.count, extensionDays: clock.count.extensionDays + days } }, calendar);
}

/** Hearing days from `fromDay` to `toDay` (Shanghai day numbers, inclusive) not counted yet. */
function withHearingDays(count: DayCount, fromDay: number, toDay: number): DayCount {
  const first = count.lastHearingDay === null ? fromDay : Math.max(fromDay, count.lastHearingDay + 1);
  if (toDay < first) return count;
  return { ...count, hearingDays: count.hearingDays + (toDay - first + 1), lastHearingDay: toDay };
}

export function pause<T extends PausableClock>(clock: T, at: number, calendar: HolidayCalendar): T {
  if (clock.pausedSince !== null) return clock;
  const day = shanghaiDayNumber(at);
  const count = clock.count && withHearingDays(clock.count, day, day);
  return recount({ ...clock, pausedSince: at, ...(count && { count }) }, calendar);
}

export function resume<T extends PausableClock>(clock: T, at: number, calendar: HolidayCalendar): T {
  if (clock.pausedSince === null) return clock;
  const pausedMs = clock.pausedMs + Math.max(0, at - clock.pausedSince);
  const count =
    clock.count && withHearingDays(clock.count, shanghaiDayNumber(clock.pausedSince), shanghaiDayNumber(at));
  return recount({ ...clock, pausedMs, pausedSince: null, ...(count && { count }) }, calendar);
}
