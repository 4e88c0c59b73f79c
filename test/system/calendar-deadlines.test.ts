/**
 * Deadlines by the day rule, through the GraphQL API on a real worker and the Java time-skipping test server:
 * a 复查 window that runs into a year without a notice, the notice published while a petition waits on it,
 * hearings counted by the days they sat on, split extensions, and a late extension decision. Dates to the day.
 *
 * The server's clock only moves forward, so the cases are set in the next year they can be: a reply delivered
 * on the next 2 December (2026 if the test runs before it), a 复核 clock around the 国庆 after it.
 */
import { describe, expect, it } from 'vitest';
import { formatShanghai, periodEnd, shanghaiDayNumber } from '../../domain/calendar';
import { statutoryHolidays } from '../../domain/statutory-holidays';
import { sendNoticesStoredSince } from '../../api/calendar-publication';
import { calendarForNewPetition, storeNotice } from '../../db/holiday-calendars';
import { petitionWorkflowId, TASK_QUEUE } from '../../workflows/definitions';
import { errorCode } from '../support/graphql';
import { DAY, deadline, lifecycleSteps } from '../support/lifecycle';
import { eventually, useTimeSkippingSystem } from '../support/system';
import { calendar } from '../support/calendar';

const ts = useTimeSkippingSystem();
const { ok, attempt, register, live, sleepUntil, toReexamination } = lifecycleSteps(ts);
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const shanghai = (date: string, time = '10:00:00') => at(`${date}T${time}+08:00`);
const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
/** The first day from `date` on that is neither a weekend nor in `off` — worked out without the calendar module. */
function firstWorkingDay(date: string, off: readonly string[]): string {
  let t = at(`${date}T00:00:00Z`);
  while (weekend(new Date(t).toISOString().slice(0, 10)) || off.includes(new Date(t).toISOString().slice(0, 10))) {
    t += DAY;
  }
  return new Date(t).toISOString().slice(0, 10);
}
/** GraphQL's due moment of a clock whose last day is `date`: 24:00 that day. */
const endOf = (date: string) => formatShanghai(shanghai(date, '00:00:00') + DAY);

async function deadlinesShown(id: string) {
  const answer = await ts.system.gql(
    ts.tokens.registrar,
    `{ petition(id: "${id}") { status deadlines { kind dueAt met overdue provisional } } }`,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.petition as { status: string; deadlines: { kind: string; dueAt: string; provisional: boolean }[] };
}
const shown = (d: Awaited<ReturnType<typeof deadlinesShown>>, kind: string) =>
  d.deadlines.filter((x) => x.kind === kind).at(-1)!;

async function publish(year: number, holidays: readonly string[]) {
  const published = await ts.system.gql(
    ts.tokens.admin,
    `mutation($input: PublishHolidayCalendarInput!) { publishHolidayCalendar(input: $input) { calendar { year provisional } replanRequested } }`,
    { input: { year, holidays, workingWeekends: [], source: '测试用通知' } },
  );
  expect(published.errors).toBeUndefined();
  return published.data.publishHolidayCalendar;
}

describe('deadlines on the calendar in the petition’s history', () => {
  let year = 0;

  it('a reply delivered on 2 Dec: the 复查 window skips 元旦 of a year without a notice, a request on 2 Jan is accepted, and the notice re-plans a waiting petition', async () => {
    const now = await ts.env.currentTimeMs();
    year = new Date(now).getUTCFullYear();
    if (now > shanghai(`${year}-12-01`)) year += 1;
    const next = year + 1;
    // December's own year has its notice (as 2026 has): only the next year is without one.
    if (year > 2026) await publish(year, statutoryHolidays(year));
    await sleepUntil(shanghai(`${year}-12-01`));
    const asked = await register();
    const waiting = await register();
    for (const p of [asked, waiting]) await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    await sleepUntil(shanghai(`${year}-12-02`));
    for (const p of [asked, waiting])
      await ok(ts.tokens.handler, `replyPetition(id: "${p.id}", outcome: EXPLAIN, text: "解释说明")`);

    // The 30th day is 1 Jan, 元旦 in every year: the window ends on the first working day after it, provisionally.
    const lastDay = firstWorkingDay(`${next}-01-01`, [`${next}-01-01`]);
    for (const p of [asked, waiting]) {
      expect(shown(await deadlinesShown(p.id), 'REVIEW_WINDOW')).toMatchObject({
        dueAt: endOf(lastDay),
        provisional: true,
      });
    }
    if (year === 2026) expect(lastDay).toBe('2027-01-04');

    await sleepUntil(shanghai(`${next}-01-02`));
    const review = await ok(ts.tokens.registrar, `requestReview(id: "${asked.id}", reason: "不服处理意见")`);
    expect(review.status).toBe('UNDER_REVIEW');

    // The notice for the next year, as a bureau would publish it (invented for the test: 1–4 Jan off).
    const extra = [iso(next, 1, 2), iso(next, 1, 3), iso(next, 1, 4)];
    const holidays = [...new Set([...statutoryHolidays(next), ...extra])].sort();
    expect(await publish(next, holidays)).toMatchObject({
      calendar: { year: next, provisional: false },
      replanRequested: true,
    });

    const movedTo = firstWorkingDay(`${next}-01-04`, holidays);
    const replanned = await eventually(async () => {
      const d = shown(await deadlinesShown(waiting.id), 'REVIEW_WINDOW');
      return d.dueAt === endOf(movedTo) && d;
    });
    expect(replanned.provisional).toBe(false);
    // A correction of the notice (revision 2: 5 Jan off too) moves it again, and reaches a petition registered
    // after the first notice, which holds revision 1 (its registration clock's last day made a holiday too).
    const late = await register();
    const lateDue = Date.parse(shown(await deadlinesShown(late.id), 'REGISTRATION').dueAt);
    const lateLastDay = formatShanghai(lateDue - 1).slice(0, 10);
    const corrected = [...new Set([...holidays, iso(next, 1, 5), lateLastDay])].sort();
    expect(await publish(next, corrected)).toMatchObject({ replanRequested: true });
    const movedAgain = firstWorkingDay(`${next}-01-04`, corrected);
    expect(movedAgain).not.toBe(movedTo);
    await eventually(async () => shown(await deadlinesShown(waiting.id), 'REVIEW_WINDOW').dueAt === endOf(movedAgain));
    const lateMoved = endOf(firstWorkingDay(lateLastDay, corrected));
    expect(lateMoved).not.toBe(formatShanghai(lateDue));
    await eventually(async () => shown(await deadlinesShown(late.id), 'REGISTRATION').dueAt === lateMoved);
    const state = await live(waiting.id);
    expect(state.timeline.filter((e) => e.type === 'DEADLINE_REPLANNED').map((e) => e.data.deadline)).toEqual([
      'REVIEW_WINDOW',
      'REVIEW_WINDOW',
    ]);
    expect(state.status).toBe('DELIVERED');
    // The organ's 复查 clock on the other petition counts on the notice now too.
    await eventually(async () => shown(await deadlinesShown(asked.id), 'REVIEW').provisional === false);
  });

  it('a 2-hour hearing during 复核 takes one day: the clock ends at 24:00 a day later', async () => {
    const p = await register();
    await toReexamination(p.id);
    const before = deadline(await live(p.id), 'REEXAMINATION');
    await ok(ts.tokens.reexamOrgan, `startHearing(id: "${p.id}", note: "听证")`);
    await ts.env.sleep(2 * HOUR);
    await ok(ts.tokens.reexamOrgan, `endHearing(id: "${p.id}")`);
    const state = await live(p.id);
    const after = deadline(state, 'REEXAMINATION');
    const hearing = state.hearings[0]!;
    expect(shanghaiDayNumber(hearing.endedAt!)).toBe(shanghaiDayNumber(hearing.startedAt));
    expect(after.dueAt).toBe(periodEnd(before.startedAt, 31, 'CALENDAR_DAYS', calendar));
    expect(formatShanghai(after.dueAt).slice(11)).toBe('00:00:00+08:00');
    expect(after.dueAt).toBeGreaterThan(before.dueAt);
  });

  it('extensions of 10 and 20 days approved apart end on the day one of 30 days ends: 90 days from 受理', async () => {
    const [split, once] = [await register(), await register()];
    for (const p of [split, once]) await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    const extend = async (id: string, days: number) => {
      await ok(ts.tokens.handler, `requestExtension(id: "${id}", days: ${days}, reason: "需进一步调查")`);
      await ok(ts.tokens.head, `decideExtension(id: "${id}", approve: true, note: "同意")`);
    };
    await extend(split.id, 10);
    await ts.env.sleep(3 * DAY);
    await extend(split.id, 20);
    await extend(once.id, 30);
    const [a, b] = [deadline(await live(split.id), 'HANDLING'), deadline(await live(once.id), 'HANDLING')];
    expect(formatShanghai(a.dueAt).slice(0, 10)).toBe(formatShanghai(b.dueAt).slice(0, 10));
    expect(b.dueAt).toBe(periodEnd(b.startedAt, 90, 'CALENDAR_DAYS', calendar));
  });

  it('an extension approved after the handling deadline ran out is refused, typed, and the petition answers the next command', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    const handling = deadline(await live(p.id), 'HANDLING');
    await sleepUntil(handling.dueAt - 5 * DAY);
    await ok(ts.tokens.handler, `requestExtension(id: "${p.id}", days: 20, reason: "需鉴定")`);
    await sleepUntil(handling.dueAt + HOUR);
    await eventually(async () => deadline(await live(p.id), 'HANDLING').overdueAt !== null);
    const late = await attempt(ts.tokens.head, `decideExtension(id: "${p.id}", approve: true, note: "同意")`);
    expect(errorCode(late)).toBe('WINDOW_CLOSED');
    await ok(ts.tokens.head, `decideExtension(id: "${p.id}", approve: false, note: "已逾期")`);
    const replied = await ok(ts.tokens.handler, `replyPetition(id: "${p.id}", outcome: SUPPORT, text: "支持")`);
    expect(replied.status).toBe('DELIVERED');
  });

  it('a hearing across 国庆 does not end a 复核 clock on a holiday: it rolls to the first working day after', async () => {
    const next = year + 1;
    await sleepUntil(shanghai(`${next}-08-30`));
    const p = await register();
    await toReexamination(p.id);
    const before = deadline(await live(p.id), 'REEXAMINATION');
    // 30 days from 30 Aug: Wed 29 Sep; a hearing from 29 Sep to 2 Oct adds its 4 days: 3 Oct, inside 国庆.
    await sleepUntil(shanghai(`${next}-09-29`, '15:00:00'));
    await ok(ts.tokens.reexamOrgan, `startHearing(id: "${p.id}", note: "听证")`);
    await sleepUntil(shanghai(`${next}-10-02`, '11:00:00'));
    await ok(ts.tokens.reexamOrgan, `endHearing(id: "${p.id}")`);
    const after = deadline(await live(p.id), 'REEXAMINATION');
    expect(formatShanghai(before.dueAt)).toBe(endOf(firstWorkingDay(`${next}-09-29`, statutoryHolidays(next))));
    expect(formatShanghai(after.dueAt)).toBe(endOf(firstWorkingDay(`${next}-10-03`, statutoryHolidays(next))));
    expect(after.dueAt).toBeGreaterThan(shanghai(`${next}-10-04`, '00:00:00'));
  });

  it('a notice stored while a petition was starting reaches it: the registration sends the years that changed', async () => {
    const p = await register();
    const { db } = ts.system;
    const before = await calendarForNewPetition(db, Date.now());
    const later = year + 3;
    await storeNotice(
      db,
      {
        year: later,
        holidays: statutoryHolidays(later),
        workingWeekends: [],
        source: '测试用通知',
        provisional: false,
      },
      'test',
      Date.now(),
    );
    const deps = { db, temporal: ts.env.client, taskQueue: TASK_QUEUE, profileId: 'national-2022' };
    await sendNoticesStoredSince(deps, petitionWorkflowId(p.id), before);
    await sendNoticesStoredSince(deps, petitionWorkflowId(p.id), await calendarForNewPetition(db, Date.now()));
    // A signal that arrives while a workflow task is in flight joins the history when the task completes.
    const handle = ts.env.client.workflow.getHandle(petitionWorkflowId(p.id));
    const signalled = async () =>
      (await handle.fetchHistory()).events!.flatMap(
        (e) => e.workflowExecutionSignaledEventAttributes?.signalName ?? [],
      );
    await eventually(async () => (await signalled()).length > 0);
    expect(await signalled()).toEqual(['holidayCalendarPublished']);
  });
});
