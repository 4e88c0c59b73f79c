/**
 * A holiday notice reaching a petition (`replanClocks`): its open clocks end on the new last working day, a
 * duty marked overdue that has not in fact run out is overdue no more, and the same notice twice changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { formatShanghai, withYear, type CalendarYear } from '../../domain/calendar';
import {
  accept,
  advanceClock,
  replanClocks,
  reply,
  type Deadline,
  type DeadlineKind,
  type PetitionState,
} from '../../domain/petition';
import { calendar, ctxAt, openedPetition } from '../support/calendar';

const actor = { id: 'registrar-1', role: 'REGISTRAR' };
const at = (iso: string) => Date.parse(iso);
/** A notice for 2027 that, unlike the statute alone, gives 1–3 Jan and 4 Jan off (an invented test notice). */
const notice2027: CalendarYear = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'],
  workingWeekends: [],
  source: 'test notice',
  provisional: false,
};

const opened = (receivedAt: number): PetitionState => openedPetition('XF-R', receivedAt);

const deadline = (state: PetitionState, kind: DeadlineKind): Deadline =>
  state.deadlines.filter((d) => d.kind === kind).at(-1)!;

describe('a published notice re-plans a petition', () => {
  it('moves an open 复查 window to the new last working day, with its grace, and says so', () => {
    const received = at('2026-10-20T09:00:00+08:00');
    const handling = accept.apply(opened(received), { unitId: 'U-1', note: null, actor }, ctxAt(received));
    const delivered = reply.apply(
      handling,
      { outcome: 'EXPLAIN', text: '答复', basis: null, deliveredAt: null, actor },
      ctxAt(at('2026-12-02T10:00:00+08:00')),
    );
    const window = deadline(delivered, 'REVIEW_WINDOW');
    expect(formatShanghai(window.dueAt)).toBe('2027-01-05T00:00:00+08:00');
    expect(window.provisional).toBe(true);

    const ctx = { ...ctxAt(at('2026-12-10T10:00:00+08:00')), calendar: withYear(calendar, notice2027) };
    const replanned = replanClocks(delivered, ctx);
    const moved = deadline(replanned, 'REVIEW_WINDOW');
    expect(formatShanghai(moved.dueAt)).toBe('2027-01-06T00:00:00+08:00');
    expect(moved.provisional).toBe(false);
    expect(formatShanghai(moved.dueAt + moved.graceMs!)).toBe('2027-01-21T00:00:00+08:00');
    expect(replanned.timeline.at(-1)).toMatchObject({
      type: 'DEADLINE_REPLANNED',
      data: { deadline: 'REVIEW_WINDOW', dueAt: moved.dueAt, previousDueAt: window.dueAt, provisional: false },
    });
    expect(replanClocks(replanned, ctx)).toBe(replanned);
  });

  it('clears overdue from a duty whose last day the notice makes a holiday', () => {
    // Received Fri 18 Dec 2026: the 15 days of Art. 22 end on Sat 2 Jan, rolled to Mon 4 Jan 2027.
    const received = at('2026-12-18T09:00:00+08:00');
    const state = opened(received);
    expect(formatShanghai(deadline(state, 'REGISTRATION').dueAt)).toBe('2027-01-05T00:00:00+08:00');
    const lateAt = at('2027-01-05T08:00:00+08:00');
    const overdue = advanceClock(state, ctxAt(lateAt));
    expect(deadline(overdue, 'REGISTRATION').overdueAt).toBe(lateAt);

    const replanned = replanClocks(overdue, { ...ctxAt(lateAt + 3_600_000), calendar: withYear(calendar, notice2027) });
    const registration = deadline(replanned, 'REGISTRATION');
    expect(formatShanghai(registration.dueAt)).toBe('2027-01-06T00:00:00+08:00');
    expect(registration.overdueAt).toBeNull();
    expect(replanned.timeline.at(-1)?.data).toMatchObject({ overdueCleared: true });
  });

  it('leaves met clocks and clocks opened before clocks were counted by the day as they are', () => {
    const received = at('2026-12-18T09:00:00+08:00');
    const legacyRun = openedPetition('XF-L', received, { ...ctxAt(received), dayCounted: false });
    expect(replanClocks(legacyRun, { ...ctxAt(received), calendar: withYear(calendar, notice2027) })).toBe(legacyRun);
    const accepted = accept.apply(opened(received), { unitId: 'U-1', note: null, actor }, ctxAt(received + 3_600_000));
    const replanned = replanClocks(accepted, {
      ...ctxAt(received + 7_200_000),
      calendar: withYear(calendar, notice2027),
    });
    expect(deadline(replanned, 'REGISTRATION')).toEqual(deadline(accepted, 'REGISTRATION'));
  });

  it('keeps the newest revision of a year, whatever order the notices arrive in', () => {
    const corrected = withYear(calendar, { ...notice2027, revision: 2, holidays: ['2027-01-01'] });
    const late = withYear(corrected, { ...notice2027, revision: 1 });
    expect(late).toBe(corrected);
    expect(withYear(corrected, { ...notice2027, revision: 3 }).years.find((y) => y.year === 2027)?.revision).toBe(3);
  });
});
