/**
 * The lifecycle (DOMAIN.md §3) past the first reply, through the GraphQL API on a real worker and the Java
 * time-skipping test server, with the read model in a real SQLite file: 复查 and 复核, hearings that stop the
 * clock, 终结 (repeats after it: repeats.test.ts), a request posted in time and entered late, a window that closed and an organ gone
 * overdue. Each test checks the dates.
 */
import { describe, expect, it } from 'vitest';
import { formatShanghai, isWorkingDay, periodEnd, shanghaiDayNumber } from '../../domain/calendar';
import { errorCode } from '../support/graphql';
import { DAY, deadline, lifecycleSteps, MINUTE } from '../support/lifecycle';
import { newPetitioner } from '../support/petitioners';
import { eventually, useTimeSkippingSystem } from '../support/system';
import { calendar } from '../support/calendar';

const ts = useTimeSkippingSystem();
const { ok, attempt, register, live, sleepUntil, readModelRow, toReexamination } = lifecycleSteps(ts);

describe('复查 and 复核', () => {
  it('a 10-day hearing during 复核 moves its deadline by the 11 days it sat on, to 24:00 of a working day; overdue after that', async () => {
    const p = await register();
    await toReexamination(p.id);
    const before = deadline(await live(p.id), 'REEXAMINATION');
    expect(before.dueAt).toBe(periodEnd(before.startedAt, 30, 'CALENDAR_DAYS', calendar));
    expect(before.article).toBe('《信访工作条例》第三十六条第一、二款');

    const started = await ok(ts.tokens.reexamOrgan, `startHearing(id: "${p.id}", note: "公开听证")`);
    expect(started.deadlines.find((d: any) => d.kind === 'REEXAMINATION')).toMatchObject({ paused: true });
    await ts.env.sleep(10 * DAY);
    await ok(ts.tokens.reexamOrgan, `endHearing(id: "${p.id}", note: "听证结束")`);

    const after = await live(p.id);
    const hearing = after.hearings[0]!;
    const reexam = deadline(after, 'REEXAMINATION');
    expect(reexam.pausedMs).toBe(hearing.endedAt! - hearing.startedAt);
    expect(reexam.pausedMs).toBeGreaterThanOrEqual(10 * DAY);
    expect(reexam.pausedMs).toBeLessThan(10 * DAY + MINUTE);
    // Every calendar day the hearing sat on, first and last included, is not counted (Art. 36 ¶2).
    const sat = shanghaiDayNumber(hearing.endedAt!) - shanghaiDayNumber(hearing.startedAt) + 1;
    expect(sat).toBe(11);
    const movedDue = periodEnd(before.startedAt, 30 + sat, 'CALENDAR_DAYS', calendar);
    expect(reexam.dueAt).toBe(movedDue);
    expect(isWorkingDay(calendar, shanghaiDayNumber(movedDue - 1))).toBe(true);
    expect(formatShanghai(movedDue).slice(11)).toBe('00:00:00+08:00');
    const shown = await ts.system.gql(
      ts.tokens.registrar,
      `{ petition(id: "${p.id}") { deadlines { kind dueAt pausedMs } } }`,
    );
    expect(shown.data.petition.deadlines.find((d: any) => d.kind === 'REEXAMINATION')).toEqual({
      kind: 'REEXAMINATION',
      dueAt: formatShanghai(movedDue),
      pausedMs: reexam.pausedMs,
    });

    await sleepUntil(movedDue - MINUTE);
    expect(deadline(await live(p.id), 'REEXAMINATION').overdueAt).toBeNull();
    await sleepUntil(movedDue + MINUTE);
    const late = await eventually(async () => {
      const s = await live(p.id);
      return deadline(s, 'REEXAMINATION').overdueAt !== null && s;
    });
    expect(deadline(late, 'REEXAMINATION').overdueAt! - movedDue).toBeLessThan(1_000);
  });

  it('a hearing during first handling stops nothing under the national profile, and stops the clock where a profile says so', async () => {
    const national = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${national.id}", unitId: "U-FT-01")`);
    await ok(ts.tokens.handler, `startHearing(id: "${national.id}")`);
    await ts.env.sleep(5 * DAY);
    await ok(ts.tokens.handler, `endHearing(id: "${national.id}")`);
    const nationalHandling = deadline(await live(national.id), 'HANDLING');
    expect(nationalHandling.pausedMs).toBe(0);

    const local = ts.system.withProfile('national-2022-handling-hearing-pause');
    const p = await register(newPetitioner(), local);
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`, local);
    await ok(ts.tokens.handler, `startHearing(id: "${p.id}")`);
    await ts.env.sleep(5 * DAY);
    await ok(ts.tokens.handler, `endHearing(id: "${p.id}")`);
    const state = await live(p.id);
    const handling = deadline(state, 'HANDLING');
    expect(state.profileId).toBe('national-2022-handling-hearing-pause');
    expect(handling.pausedMs).toBe(state.hearings[0]!.endedAt! - state.hearings[0]!.startedAt);
    expect(handling.pausedMs).toBeGreaterThanOrEqual(5 * DAY);
  });

  it('复查, then 复核, then 终结', async () => {
    const p = await register();
    await toReexamination(p.id);
    const concluded = await ok(
      ts.tokens.reexamOrgan,
      `replyPetition(id: "${p.id}", outcome: NOT_SUPPORT, text: "复核维持")`,
    );
    expect(concluded).toMatchObject({ status: 'CONCLUDED', stage: 'CLOSED', reply: { level: 'REEXAMINATION' } });
    expect(concluded.timeline.at(-1).type).toBe('CONCLUDED');
    await eventually(() => readModelRow(p.id)?.status === 'CONCLUDED');
  });

  /** Accepted, and the first opinion delivered on a day whose 30th day is a working day: day 31 lies past it. */
  async function deliveredBeforeDay30IsWorking() {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    await ts.env.sleep(5 * DAY);
    const now = await ts.env.currentTimeMs();
    let deliveredAt = now;
    while (!isWorkingDay(calendar, shanghaiDayNumber(deliveredAt) + 30)) deliveredAt -= DAY;
    await ok(
      ts.tokens.handler,
      `replyPetition(id: "${p.id}", outcome: EXPLAIN, text: "解释说明", deliveredAt: "${formatShanghai(deliveredAt)}")`,
    );
    const window = deadline(await live(p.id), 'REVIEW_WINDOW');
    const delivered = Math.floor(deliveredAt / 1000) * 1000;
    expect(window.dueAt).toBe(periodEnd(delivered, 30, 'CALENDAR_DAYS', calendar));
    return { id: p.id as string, delivered, window, closesAt: window.dueAt + window.graceMs! };
  }

  it('a posted 复查 request entered late: made on day 29, entered on day 31, accepted; the organ’s 30 days run from day 31', async () => {
    const { id, delivered, window, closesAt } = await deliveredBeforeDay30IsWorking();
    // Day 31, at least an hour into it.
    const entered = Math.max(delivered + 31 * DAY, window.dueAt + 60 * MINUTE);
    await sleepUntil(entered);
    // Past the window, inside its grace: the case waits for requests made in time.
    expect(closesAt).toBeGreaterThan(await ts.env.currentTimeMs());
    expect((await live(id)).status).toBe('DELIVERED');
    const posted = delivered + 29 * DAY;
    const review = (extra: string) =>
      attempt(ts.tokens.registrar, `requestReview(id: "${id}", reason: "不服处理意见（邮寄）", ${extra})`);

    // Judged on the case's clock (ahead of the API's on this server): a moment still to come there is refused…
    const ahead = await review(`requestedAt: "${formatShanghai((await ts.env.currentTimeMs()) + 2 * 3_600_000)}"`);
    expect(errorCode(ahead)).toBe('BAD_USER_INPUT');
    expect(ahead.errors![0]!.extensions!.field).toBe('requestedAt');
    // …and so is one before the opinion was delivered.
    const early = await review(`requestedAt: "${formatShanghai(delivered - DAY)}"`);
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0]!.extensions!.field).toBe('requestedAt');
    // A request made after the window is late whenever it is entered.
    const late = await review(`requestedAt: "${formatShanghai(window.dueAt + MINUTE)}"`);
    expect(errorCode(late)).toBe('WINDOW_CLOSED');
    expect(late.errors![0]!.extensions!.status).toBe('DELIVERED');

    const accepted = await ts.system.gql(
      ts.tokens.registrar,
      `mutation { requestReview(id: "${id}", reason: "不服处理意见（邮寄）", requestedAt: "${formatShanghai(posted)}", requestedVia: POSTMARK) {
        status appeals { level requestedAt requestedVia receivedAt }
        deadlines { kind startedAt dueAt met overdue closesAt }
        timeline { type at data } } }`,
    );
    expect(accepted.errors).toBeUndefined();
    const answer = accepted.data.requestReview;
    expect(answer.status).toBe('UNDER_REVIEW');
    const state = await live(id);
    const appeal = state.appeals[0]!;
    expect(appeal).toMatchObject({ level: 'REVIEW', requestedAt: posted, requestedVia: 'POSTMARK' });
    expect(appeal.receivedAt! - entered).toBeGreaterThanOrEqual(0);
    expect(appeal.receivedAt! - entered).toBeLessThan(MINUTE);
    expect(answer.appeals).toEqual([
      {
        level: 'REVIEW',
        requestedAt: formatShanghai(posted),
        requestedVia: 'POSTMARK',
        receivedAt: formatShanghai(appeal.receivedAt!),
      },
    ]);
    // The organ's clock runs from its receipt on day 31, not from the postmark.
    const organ = deadline(state, 'REVIEW');
    expect(organ.startedAt).toBe(appeal.receivedAt);
    expect(organ.dueAt).toBe(periodEnd(appeal.receivedAt!, 30, 'CALENDAR_DAYS', calendar));
    // The petitioner used the window in time: met on day 29, not overdue.
    expect(deadline(state, 'REVIEW_WINDOW')).toMatchObject({ metAt: posted, lapsedAt: null });
    expect(answer.deadlines.find((d: any) => d.kind === 'REVIEW_WINDOW')).toMatchObject({
      dueAt: formatShanghai(window.dueAt),
      closesAt: formatShanghai(closesAt),
      met: true,
      overdue: false,
    });
    expect(answer.timeline.at(-1)).toMatchObject({
      type: 'REVIEW_REQUESTED',
      at: formatShanghai(appeal.receivedAt!),
      data: { unitId: 'O-FT-GOV', requestedAt: posted, requestedVia: 'POSTMARK', receivedAt: appeal.receivedAt },
    });
    await eventually(() => readModelRow(id)?.status === 'UNDER_REVIEW');
  });

  it('a 复查 request made on day 31 is WINDOW_CLOSED; the case closes on its own once the grace has run out', async () => {
    const { id, delivered, closesAt } = await deliveredBeforeDay30IsWorking();
    await sleepUntil(delivered + 31 * DAY);
    const late = await attempt(ts.tokens.registrar, `requestReview(id: "${id}", reason: "逾期请求")`);
    expect(errorCode(late)).toBe('WINDOW_CLOSED');
    expect(late.errors![0]!.extensions!.status).toBe('DELIVERED');

    await sleepUntil(closesAt + MINUTE);
    await eventually(() => readModelRow(id)?.status === 'CLOSED');
    const closed = JSON.parse(readModelRow(id)!.stateJson);
    expect(deadline(closed, 'REVIEW_WINDOW').lapsedAt! - closesAt).toBeLessThan(1_000);
    // Made in time but entered after the grace: the workflow has ended, the case stays closed.
    const tooLate = await attempt(
      ts.tokens.registrar,
      `requestReview(id: "${id}", reason: "邮寄", requestedAt: "${formatShanghai(delivered + 29 * DAY)}", requestedVia: POSTMARK)`,
    );
    expect(errorCode(tooLate)).toBe('WINDOW_CLOSED');
    expect(tooLate.errors![0]!.extensions!.status).toBe('CLOSED');
  });

  it('overdue at the 复查 level: the organ missed its 30 days', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    await ok(ts.tokens.handler, `replyPetition(id: "${p.id}", outcome: EXPLAIN, text: "解释说明")`);
    await ok(ts.tokens.registrar, `requestReview(id: "${p.id}")`);
    const review = deadline(await live(p.id), 'REVIEW');
    expect(review.dueAt).toBe(periodEnd(review.startedAt, 30, 'CALENDAR_DAYS', calendar));
    await sleepUntil(review.dueAt + MINUTE);
    const state = await eventually(async () => {
      const s = await live(p.id);
      return deadline(s, 'REVIEW').overdueAt !== null && s;
    });
    expect(deadline(state, 'REVIEW').overdueAt! - review.dueAt).toBeLessThan(1_000);
    expect(state.status).toBe('UNDER_REVIEW');
    // The responsible unit no longer acts: the 复查 organ does.
    expect(
      errorCode(await attempt(ts.tokens.handler, `replyPetition(id: "${p.id}", outcome: EXPLAIN, text: "x")`)),
    ).toBe('FORBIDDEN');
  });
});
