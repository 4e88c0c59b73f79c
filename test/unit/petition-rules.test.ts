/** The petition state machine without Temporal: which commands each status allows, and what they change. */
import { refusal } from '../support/refusal';
import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../domain/calendar';
import {
  accept,
  currentDueAt,
  decline,
  advanceClock,
  applyPanelVerdict,
  isOverdue,
  nextWakeUp,
  openPetition,
  reply,
  route,
  signForReceipt,
  type PetitionState,
} from '../../domain/petition';
import { getProfile } from '../../domain/statute';
import { calendar, ctxAt } from '../support/calendar';

const national = getProfile();
const actor = { id: 'registrar-1', role: 'REGISTRAR' };
const received = Date.parse('2026-11-02T09:00:00+08:00'); // a Monday
const day = 86_400_000;
const ctx = (now: number) => ctxAt(now, national);

function registered(profile = national): PetitionState {
  return openPetition(
    {
      petitionId: 'XF-1',
      petitioner: { name: '张三', idNumber: null, phone: null, address: null },
      channel: 'LETTER',
      category: 'CLAIM',
      summary: 's',
      content: 'c',
      receivedAt: received,
      respondentUnitId: null,
      registeredBy: actor,
    },
    ctxAt(received + 3_600_000, profile),
  );
}

describe('registration', () => {
  it('opens the 15-day clock from receipt, not from registration', () => {
    const state = registered();
    expect(state.deadlines).toEqual([
      expect.objectContaining({
        kind: 'REGISTRATION',
        startedAt: received,
        dueAt: periodEnd(received, 15, 'CALENDAR_DAYS', calendar),
      }),
    ]);
    expect(state.timeline).toEqual([expect.objectContaining({ seq: 1, type: 'REGISTERED', at: received + 3_600_000 })]);
  });

  it('under the Zhejiang profile, the bureau has 5 working days', () => {
    const state = registered(getProfile('zhejiang-2016'));
    // Monday 2 Nov + 5 working days = Monday 9 Nov, ending at 24:00.
    expect(state.deadlines[0]!.dueAt).toBe(Date.parse('2026-11-10T00:00:00+08:00'));
  });
});

describe('transitions', () => {
  it('route, 签收, then accept: notice clock met, handling clock of 60 days from acceptance', () => {
    const sent = route.apply(registered(), { unitId: 'U-1', mode: 'TRANSFER', note: null, actor }, ctx(received + day));
    expect(sent.status).toBe('TRANSFERRED');
    expect(sent.deadlines.map((d) => [d.kind, d.metAt])).toEqual([
      ['REGISTRATION', received + day],
      ['RECEIPT', null],
    ]);
    const routed = signForReceipt.apply(sent, { actor }, ctx(received + 2 * day));
    expect(routed.deadlines.map((d) => [d.kind, d.metAt])).toEqual([
      ['REGISTRATION', received + day],
      ['RECEIPT', received + 2 * day],
      ['NOTICE', null],
      ['OBJECTION_WINDOW', null],
    ]);
    const acceptedAt = received + 4 * day;
    const accepted = accept.apply(routed, { unitId: null, note: null, actor }, ctx(acceptedAt));
    expect(accepted).toMatchObject({ status: 'HANDLING', stage: 'HANDLING', unitId: 'U-1', acceptedAt });
    expect(accepted.deadlines.find((d) => d.kind === 'HANDLING')!.dueAt).toBe(
      periodEnd(acceptedAt, 60, 'CALENDAR_DAYS', calendar),
    );
    expect(accepted.deadlines.find((d) => d.kind === 'NOTICE')!.metAt).toBe(acceptedAt);
    expect(accepted.timeline.map((e) => [e.seq, e.type])).toEqual([
      [1, 'REGISTERED'],
      [2, 'TRANSFERRED'],
      [3, 'RECEIPT_SIGNED'],
      [4, 'ACCEPTED'],
    ]);
  });

  it.each([
    [
      'route twice',
      (s: PetitionState) =>
        route.apply(
          route.apply(s, { unitId: 'U-1', mode: 'ASSIGN', note: null, actor }, ctx(received)),
          { unitId: 'U-2', mode: 'ASSIGN', note: null, actor },
          ctx(received),
        ),
      'ASSIGNED',
    ],
    [
      'accept a declined petition',
      (s: PetitionState) =>
        accept.apply(
          decline.apply(s, { reason: 'OTHER', note: null, actor }, ctx(received)),
          { unitId: 'U-1', note: null, actor },
          ctx(received),
        ),
      'DECLINED',
    ],
    [
      'route an accepted petition',
      (s: PetitionState) =>
        route.apply(
          accept.apply(s, { unitId: 'U-1', note: null, actor }, ctx(received)),
          { unitId: 'U-2', mode: 'TRANSFER', note: null, actor },
          ctx(received),
        ),
      'HANDLING',
    ],
  ])('refuses to %s with INVALID_TRANSITION and the current status', (_, run, status) => {
    const err = refusal(() => run(registered()));
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.details).toEqual({ status });
  });

  it('accept needs a unit when the petition was never routed', () => {
    const err = refusal(() => accept.apply(registered(), { unitId: null, note: null, actor }, ctx(received)));
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'unitId' } });
  });
});

describe('deadlines', () => {
  it('overdue marks the open deadline once, and meeting it later clears the overdue flag', () => {
    const state = registered();
    const due = state.deadlines[0]!;
    const overdue = advanceClock(state, ctx(due.dueAt));
    expect(isOverdue(overdue)).toBe(true);
    expect(overdue.timeline.at(-1)).toMatchObject({
      type: 'OVERDUE',
      at: due.dueAt,
      data: { deadline: 'REGISTRATION', dueAt: due.dueAt },
    });
    // Nothing left to wait for but the 提级包案 proposal, 15 days after the deadline.
    expect(nextWakeUp(overdue, national)).toBe(due.dueAt + 15 * day + 1);
    expect(advanceClock(overdue, ctx(due.dueAt + 1))).toBe(overdue);
    const late = accept.apply(overdue, { unitId: 'U-1', note: null, actor }, ctx(due.dueAt + day));
    expect(isOverdue(late)).toBe(false);
    expect(late.deadlines[0]).toMatchObject({ overdueAt: due.dueAt, metAt: due.dueAt + day });
    expect(currentDueAt(late, due.dueAt + day)).toBe(periodEnd(due.dueAt + day, 60, 'CALENDAR_DAYS', calendar));
  });
});

describe('a case reopened by a panel', () => {
  it('refuses an opinion delivered before the reopening: the 重新办理 clock cannot be met before it started', () => {
    const accepted = accept.apply(registered(), { unitId: 'U-1', note: null, actor }, ctx(received + day));
    const delivered = reply.apply(
      accepted,
      { outcome: 'EXPLAIN', text: '答复', basis: null, deliveredAt: null, actor },
      ctx(received + 10 * day),
    );
    const reopenedAt = received + 20 * day;
    const reopened = applyPanelVerdict(
      delivered,
      { panelId: 'PY-1', verdict: 'DISSATISFIED', votes: 3 },
      ctx(reopenedAt),
    );
    expect(reopened.status).toBe('HANDLING');
    const early = { outcome: 'SUPPORT' as const, text: '重新答复', basis: null, deliveredAt: reopenedAt - day, actor };
    const err = refusal(() => reply.check(reopened, early, ctx(reopenedAt + 5 * day)));
    expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'deliveredAt' } });
    const onTime = reply.apply(reopened, { ...early, deliveredAt: reopenedAt + day }, ctx(reopenedAt + 5 * day));
    expect(onTime.deadlines.find((d) => d.kind === 'REHANDLING')).toMatchObject({ metAt: reopenedAt + day });
  });
});
