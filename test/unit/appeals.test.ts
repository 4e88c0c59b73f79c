/**
 * 复查 (Art. 35) and 复核 (Art. 36) requests carry the moment the petitioner made them: the window is judged on
 * `requestedAt` (a postmark, an online submission), the organ's own 30 days run from its receipt (when the
 * registrar enters it), and the case stays open for the profile's grace after the window so that a request made
 * in time and entered later is still accepted (docs/lifecycle.md, Appeals made in time).
 */
import { refusal } from '../support/refusal';
import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../domain/calendar';
import {
  accept,
  advanceClock,
  nextWakeUp,
  openPetition,
  reply,
  requestReview,
  type AppealCommand,
  type Deadline,
  type DeadlineKind,
  type PetitionState,
} from '../../domain/petition';
import { getProfile, type JurisdictionProfile } from '../../domain/statute';
import { calendar, ctxAt } from '../support/calendar';

const national = getProfile();
/** The profile as a run begun before the grace existed applies it (the workflow's `appeal-postal-grace`). */
const beforeGrace: JurisdictionProfile = { ...national, practice: { ...national.practice, appealGraceDays: 0 } };
const actor = { id: 'registrar-1', role: 'REGISTRAR' };
const day = 86_400_000;
/** Delivered on Monday 2 Nov 2026; its 30th day, Wednesday 2 Dec, is a working day. */
const delivered = Date.parse('2026-11-02T10:00:00+08:00');
const onDay = (n: number, hour = 10) => delivered + n * day + (hour - 10) * 3_600_000;
const windowDue = Date.parse('2026-12-03T00:00:00+08:00');

function deliveredCase(profile = national): PetitionState {
  const opened = openPetition(
    {
      petitionId: 'XF-A',
      petitioner: { name: '王五', idNumber: null, phone: null, address: null },
      channel: 'LETTER',
      category: 'CLAIM',
      summary: 's',
      content: 'c',
      receivedAt: delivered - 20 * day,
      respondentUnitId: null,
      registeredBy: actor,
    },
    ctxAt(delivered - 20 * day, profile),
  );
  const handling = accept.apply(opened, { unitId: 'U-1', note: null, actor }, ctxAt(delivered - 19 * day, profile));
  return reply.apply(
    handling,
    { outcome: 'EXPLAIN', text: '答复', basis: null, deliveredAt: null, actor },
    ctxAt(delivered, profile),
  );
}

function deadline(state: PetitionState, kind: DeadlineKind): Deadline {
  return state.deadlines.filter((d) => d.kind === kind).at(-1)!;
}

const appeal = (requestedAt: number | null, extra: Partial<AppealCommand> = {}): AppealCommand => ({
  reason: '不服处理意见',
  reviewUnitId: 'O-1',
  requestedAt,
  requestedVia: requestedAt === null ? null : 'POSTMARK',
  actor,
  ...extra,
});

describe('the window is judged on when the request was made', () => {
  it('the window runs 30 days from delivery; the case stays open 15 days (rolled to a working day) past it', () => {
    const window = deadline(deliveredCase(), 'REVIEW_WINDOW');
    expect(window).toMatchObject({ startedAt: delivered, dueAt: windowDue });
    expect(windowDue).toBe(periodEnd(delivered, 30, 'CALENDAR_DAYS', calendar));
    // Last day of the grace: Thursday 17 Dec.
    expect(windowDue + window.graceMs!).toBe(Date.parse('2026-12-18T00:00:00+08:00'));
  });

  it('posted on day 29, entered on day 31: accepted, and the organ’s 30 days run from day 31', () => {
    const state = deliveredCase();
    const ctx = ctxAt(onDay(31), national);
    expect(() => requestReview.check(state, appeal(onDay(29)), ctx)).not.toThrow();
    const next = requestReview.apply(state, appeal(onDay(29)), ctx);
    expect(next).toMatchObject({ status: 'UNDER_REVIEW', stage: 'REVIEW', reviewUnitId: 'O-1' });
    expect(next.appeals).toEqual([
      {
        level: 'REVIEW',
        requestedAt: onDay(29),
        requestedVia: 'POSTMARK',
        receivedAt: onDay(31),
        reason: '不服处理意见',
        unitId: 'O-1',
      },
    ]);
    // The petitioner used the window when they posted the request: met in time, on day 29.
    expect(deadline(next, 'REVIEW_WINDOW')).toMatchObject({ metAt: onDay(29), lapsedAt: null });
    expect(deadline(next, 'REVIEW')).toMatchObject({
      startedAt: onDay(31),
      dueAt: periodEnd(onDay(31), 30, 'CALENDAR_DAYS', calendar),
    });
    expect(next.timeline.at(-1)).toMatchObject({
      type: 'REVIEW_REQUESTED',
      at: onDay(31),
      data: { unitId: 'O-1', requestedAt: onDay(29), requestedVia: 'POSTMARK', receivedAt: onDay(31) },
    });
  });

  it('posted on day 31 (after the 30th day ended): WINDOW_CLOSED, though the case is still open', () => {
    const err = refusal(() => requestReview.check(deliveredCase(), appeal(onDay(31, 8)), ctxAt(onDay(32), national)));
    expect(err).toMatchObject({ code: 'WINDOW_CLOSED', details: { status: 'DELIVERED' } });
    // The last moment of the window still counts.
    expect(() => requestReview.check(deliveredCase(), appeal(windowDue), ctxAt(onDay(32), national))).not.toThrow();
  });

  it('a requestedAt in the future (on the case’s clock) is BAD_USER_INPUT, field requestedAt', () => {
    const now = onDay(10);
    const err = refusal(() => requestReview.check(deliveredCase(), appeal(now + 60_000), ctxAt(now, national)));
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'requestedAt' } });
    expect(() => requestReview.check(deliveredCase(), appeal(now), ctxAt(now, national))).not.toThrow();
  });

  it('a requestedAt before the opinion was delivered is BAD_USER_INPUT, field requestedAt', () => {
    const err = refusal(() =>
      requestReview.check(deliveredCase(), appeal(delivered - 60_000), ctxAt(onDay(3), national)),
    );
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'requestedAt' } });
    expect(err.message).toContain('before the opinion was delivered');
    expect(() => requestReview.check(deliveredCase(), appeal(delivered), ctxAt(onDay(3), national))).not.toThrow();
  });

  it('without requestedAt the request is made as it is entered, exactly as before', () => {
    const inTime = requestReview.apply(deliveredCase(), appeal(null), ctxAt(onDay(10), national));
    expect(inTime.appeals[0]).toMatchObject({ requestedAt: onDay(10), receivedAt: onDay(10), requestedVia: null });
    expect(deadline(inTime, 'REVIEW_WINDOW').metAt).toBe(onDay(10));
    expect(deadline(inTime, 'REVIEW').startedAt).toBe(onDay(10));
    // A command recorded before the field existed has no requestedAt at all.
    const { requestedAt: _, requestedVia: __, ...old } = appeal(null);
    expect(requestReview.apply(deliveredCase(), old, ctxAt(onDay(10), national)).appeals[0]).toMatchObject({
      requestedAt: onDay(10),
      receivedAt: onDay(10),
      requestedVia: null,
    });
    const late = refusal(() => requestReview.check(deliveredCase(), old, ctxAt(onDay(31), national)));
    expect(late).toMatchObject({ code: 'WINDOW_CLOSED', details: { status: 'DELIVERED' } });
  });
});

describe('the case closes once the grace has passed', () => {
  it('stays DELIVERED through the grace and closes at its end; the clock wakes then, not at the window’s end', () => {
    const state = deliveredCase();
    const closesAt = Date.parse('2026-12-18T00:00:00+08:00');
    expect(nextWakeUp(state, national)).toBe(closesAt);
    expect(advanceClock(state, ctxAt(windowDue + 1, national))).toBe(state);
    const closed = advanceClock(state, ctxAt(closesAt, national));
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: closesAt });
    expect(deadline(closed, 'REVIEW_WINDOW')).toMatchObject({ lapsedAt: closesAt, metAt: null });
    expect(closed.timeline.at(-1)).toMatchObject({
      type: 'CLOSED',
      data: { deadline: 'REVIEW_WINDOW', dueAt: windowDue },
    });
  });

  it('a request made in time but entered after the grace ran out (before the clock closed the case) is WINDOW_CLOSED', () => {
    const closesAt = Date.parse('2026-12-18T00:00:00+08:00');
    const err = refusal(() => requestReview.check(deliveredCase(), appeal(onDay(29)), ctxAt(closesAt + 1, national)));
    expect(err).toMatchObject({ code: 'WINDOW_CLOSED', details: { status: 'DELIVERED' } });
    expect(err.message).toContain('made in time');
  });

  it('a run begun before the grace existed closes the window at its last moment, as it always did', () => {
    const state = deliveredCase(beforeGrace);
    expect(deadline(state, 'REVIEW_WINDOW').graceMs).toBeUndefined();
    expect(nextWakeUp(state, beforeGrace)).toBe(windowDue);
    expect(advanceClock(state, ctxAt(windowDue, beforeGrace)).status).toBe('CLOSED');
    // A window opened without grace keeps it so under any profile (a continued run): it is fixed on the window.
    expect(nextWakeUp(state, national)).toBe(windowDue);
  });
});

describe('复核 (Art. 36)', () => {
  it('is judged on its own window, from the 复查 opinion’s delivery', () => {
    const underReview = requestReview.apply(deliveredCase(), appeal(null), ctxAt(onDay(5), national));
    const reviewDeliveredAt = onDay(20);
    const reviewDelivered = reply.apply(
      underReview,
      { outcome: 'NOT_SUPPORT', text: '维持', basis: null, deliveredAt: null, actor },
      ctxAt(reviewDeliveredAt, national),
    );
    const reexam = { ...appeal(null), reviewUnitId: 'O-2' };
    const before = refusal(() =>
      requestReview.check(reviewDelivered, { ...reexam, requestedAt: onDay(19) }, ctxAt(onDay(25), national)),
    );
    expect(before).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'requestedAt' } });

    const due = periodEnd(reviewDeliveredAt, 30, 'CALENDAR_DAYS', calendar);
    const posted = due - 3_600_000;
    const entered = due + 2 * day;
    const next = requestReview.apply(
      reviewDelivered,
      { ...reexam, requestedAt: posted, requestedVia: 'ONLINE' },
      ctxAt(entered, national),
    );
    expect(next.status).toBe('UNDER_REEXAMINATION');
    expect(next.appeals.at(-1)).toMatchObject({
      level: 'REEXAMINATION',
      requestedAt: posted,
      requestedVia: 'ONLINE',
      receivedAt: entered,
    });
    expect(deadline(next, 'REEXAMINATION')).toMatchObject({
      startedAt: entered,
      dueAt: periodEnd(entered, 30, 'CALENDAR_DAYS', calendar),
    });
  });
});
