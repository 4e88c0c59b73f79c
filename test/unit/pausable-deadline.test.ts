/**
 * The clocks hearings stop (Art. 36 ¶2) and extensions move (Art. 34): counted by the day on the petition's
 * calendar, and, for clocks opened before that, to the millisecond as they replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  endOfShanghaiDay,
  formatShanghai,
  isWorkingDay,
  shanghaiDayNumber,
  withYear,
  type CalendarYear,
} from '../../domain/calendar';
import {
  countedClock,
  effectiveDue,
  extendBy,
  pause,
  pausedMsAt,
  projectedDue,
  recount,
  resume,
  type PausableClock,
} from '../../domain/pausable-deadline';
import { calendar } from '../support/calendar';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);
const due = at('2026-12-31T00:00:00+08:00');
const legacy: PausableClock = { startedAt: due - 30 * DAY, dueAt: due, pausedMs: 0, pausedSince: null };

describe('a clock counted by the day', () => {
  const thirtyDays = (start: string) => countedClock(at(start), 30, 'CALENDAR_DAYS', calendar);
  const hearing = (clock: PausableClock, from: string, to: string) =>
    resume(pause(clock, at(from), calendar), at(to), calendar);

  it('ends at 24:00 of the 30th day after the start day', () => {
    expect(formatShanghai(thirtyDays('2026-11-02T10:00:00+08:00').dueAt)).toBe('2026-12-03T00:00:00+08:00');
  });

  it('takes a 2-hour hearing as one day: it ends at 24:00 a day later, not at 02:00', () => {
    const clock = hearing(
      thirtyDays('2026-11-02T10:00:00+08:00'),
      '2026-11-10T09:00:00+08:00',
      '2026-11-10T11:00:00+08:00',
    );
    expect(formatShanghai(effectiveDue(clock))).toBe('2026-12-04T00:00:00+08:00');
    expect(clock.pausedMs).toBe(2 * 3_600_000);
  });

  it('rolls a hearing day that pushes the last day onto 国庆 to the first working day after it', () => {
    // Last day Wed 30 Sep 2026; one hearing day makes it Thu 1 Oct, a holiday until 7 Oct (2026 notice).
    const clock = hearing(
      thirtyDays('2026-08-31T15:00:00+08:00'),
      '2026-09-15T14:00:00+08:00',
      '2026-09-15T16:00:00+08:00',
    );
    expect(formatShanghai(effectiveDue(clock))).toBe('2026-10-09T00:00:00+08:00');
    // To the millisecond, as clocks opened before counted it, the same hearing ended the clock on 1 Oct at 02:00.
    const old = { ...legacy, dueAt: at('2026-10-01T00:00:00+08:00') };
    const oldAfter = resume(
      pause(old, at('2026-09-15T14:00:00+08:00'), calendar),
      at('2026-09-15T16:00:00+08:00'),
      calendar,
    );
    expect(formatShanghai(effectiveDue(oldAfter))).toBe('2026-10-01T02:00:00+08:00');
  });

  it('counts every day a hearing sits on, first and last included, and a day shared by two hearings once', () => {
    let clock = hearing(
      thirtyDays('2026-11-02T10:00:00+08:00'),
      '2026-11-10T09:00:00+08:00',
      '2026-11-12T11:00:00+08:00',
    );
    // 30 + 3 days: Sat 5 Dec, rolled to Mon 7 Dec.
    expect(formatShanghai(clock.dueAt)).toBe('2026-12-08T00:00:00+08:00');
    clock = hearing(clock, '2026-11-12T14:00:00+08:00', '2026-11-12T16:00:00+08:00');
    expect(clock.count?.hearingDays).toBe(3);
  });

  it('does not run out during a hearing, and shows the hearing counted up to its first day meanwhile', () => {
    const paused = pause(thirtyDays('2026-11-02T10:00:00+08:00'), at('2026-11-10T09:00:00+08:00'), calendar);
    expect(effectiveDue(paused)).toBe(Number.POSITIVE_INFINITY);
    expect(formatShanghai(projectedDue(paused, at('2026-11-20T09:00:00+08:00')))).toBe('2026-12-04T00:00:00+08:00');
  });

  it('ends split extensions on the same day as one extension of the same total', () => {
    const handling = countedClock(at('2026-10-09T10:00:00+08:00'), 60, 'CALENDAR_DAYS', calendar);
    expect(formatShanghai(handling.dueAt)).toBe('2026-12-09T00:00:00+08:00');
    const once = extendBy(handling, 30, calendar);
    const split = extendBy(extendBy(handling, 10, calendar), 20, calendar);
    expect(formatShanghai(once.dueAt)).toBe('2027-01-08T00:00:00+08:00');
    expect(split.dueAt).toBe(once.dueAt);
  });

  it('is provisional while its days touch a year without a notice, and moves when the notice comes', () => {
    const window = thirtyDays('2026-12-02T10:00:00+08:00');
    // 1 Jan 2027 is 元旦 in every year: the window's last day rolls to Mon 4 Jan before any 2027 notice.
    expect(formatShanghai(window.dueAt)).toBe('2027-01-05T00:00:00+08:00');
    expect(window.provisional).toBe(true);
    const notice: CalendarYear = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'],
      workingWeekends: [],
      source: 'test notice',
      provisional: false,
    };
    const replanned = recount(window, withYear(calendar, notice));
    expect(formatShanghai(replanned.dueAt)).toBe('2027-01-06T00:00:00+08:00');
    expect(replanned.provisional).toBe(false);
    expect(recount(replanned, withYear(calendar, notice))).toBe(replanned);
  });

  it('property: whatever the hearings and extensions, it ends at 24:00 of a working day', () => {
    const start = at('2026-06-01T09:00:00+08:00');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 * DAY }), fc.integer({ min: 0, max: 12 * DAY })), {
          maxLength: 6,
        }),
        fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 2 }),
        (hearings, extensions) => {
          let clock = countedClock(start, 60, 'CALENDAR_DAYS', calendar);
          let t = start;
          for (const [gap, length] of hearings) {
            t += gap;
            clock = pause(clock, t, calendar);
            t += length;
            clock = resume(clock, t, calendar);
          }
          for (const days of extensions) clock = extendBy(clock, days, calendar);
          const lastDay = shanghaiDayNumber(clock.dueAt - 1);
          expect(clock.dueAt).toBe(endOfShanghaiDay(lastDay));
          expect(isWorkingDay(calendar, lastDay)).toBe(true);
          expect(clock.count!.hearingDays).toBeLessThanOrEqual(hearings.length * 13);
        },
      ),
    );
  });
});

describe('a clock opened before clocks were counted by the day', () => {
  it('does not run out while paused, and resumes exactly where it stopped', () => {
    const paused = pause(legacy, due - 5_000, calendar);
    expect(effectiveDue(paused)).toBe(Number.POSITIVE_INFINITY);
    expect(projectedDue(paused, due - 1_000)).toBe(due + 4_000);
    const resumed = resume(paused, due + 10 * DAY, calendar);
    expect(effectiveDue(resumed)).toBe(due + 10 * DAY + 5_000);
  });

  it('pausing a paused clock and resuming a running one change nothing; nor does a new calendar', () => {
    const paused = pause(legacy, 1_000, calendar);
    expect(pause(paused, 2_000, calendar)).toBe(paused);
    expect(resume(legacy, 3_000, calendar)).toBe(legacy);
    expect(recount(legacy, calendar)).toBe(legacy);
  });

  it('property: the due moment moves by exactly the total of the pauses, however many', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 0, max: 15 * DAY })), {
          maxLength: 12,
        }),
        (intervals) => {
          let c = legacy;
          let t = due - 40 * DAY;
          let total = 0;
          for (const [gap, length] of intervals) {
            t += gap;
            c = pause(c, t, calendar);
            expect(pausedMsAt(c, t + length)).toBe(total + length);
            t += length;
            c = resume(c, t, calendar);
            total += length;
          }
          expect(c.pausedMs).toBe(total);
          expect(effectiveDue(c)).toBe(due + total);
          expect(c.dueAt).toBe(due);
        },
      ),
    );
  });
});
