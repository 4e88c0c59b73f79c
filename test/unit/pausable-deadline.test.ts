/** The pausable clock that hearings stop (Art. 36): exact to the millisecond, any number of times. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effectiveDue,
  pause,
  pausedMsAt,
  projectedDue,
  resume,
  type PausableClock,
} from '../../domain/pausable-deadline';

const due = Date.parse('2026-12-31T00:00:00+08:00');
const clock: PausableClock = { dueAt: due, pausedMs: 0, pausedSince: null };

describe('a pausable deadline', () => {
  it('does not run out while paused, and resumes exactly where it stopped', () => {
    const paused = pause(clock, due - 5_000);
    expect(effectiveDue(paused)).toBe(Number.POSITIVE_INFINITY);
    expect(projectedDue(paused, due - 1_000)).toBe(due + 4_000);
    const resumed = resume(paused, due + 10 * 86_400_000);
    expect(effectiveDue(resumed)).toBe(due + 10 * 86_400_000 + 5_000);
  });

  it('pausing a paused clock and resuming a running one change nothing', () => {
    const paused = pause(clock, 1_000);
    expect(pause(paused, 2_000)).toBe(paused);
    expect(resume(clock, 3_000)).toBe(clock);
  });

  it('property: the due moment moves by exactly the total of the pauses, however many', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 * 86_400_000 }), fc.integer({ min: 0, max: 15 * 86_400_000 })), {
          maxLength: 12,
        }),
        (intervals) => {
          let c = clock;
          let at = due - 40 * 86_400_000;
          let total = 0;
          for (const [gap, length] of intervals) {
            at += gap;
            c = pause(c, at);
            expect(pausedMsAt(c, at + length)).toBe(total + length);
            at += length;
            c = resume(c, at);
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
