/**
 * A unit's side of a 转送/交办 item through the GraphQL API on the time-skipping server: 签收 starts the 15-day
 * notice and the 5-working-day objection window (Art. 23 ¶3), an objection in time returns the item to the bureau
 * for routing again, a late one is WINDOW_CLOSED, and a 交办's 指定办理期限 is met by its report or goes overdue.
 */
import { describe, expect, it } from 'vitest';
import { errorCode } from '../support/graphql';
import { DAY, deadline, lifecycleSteps } from '../support/lifecycle';
import { useTimeSkippingSystem } from '../support/system';

const ts = useTimeSkippingSystem();
const { ok, attempt, register, live, sleepUntil } = lifecycleSteps(ts);
const SHANGHAI = 8 * 3_600_000;

/** 10:00 Shanghai on the next Thursday at least a day ahead. */
async function nextThursdayMorning(): Promise<number> {
  const now = await ts.env.currentTimeMs();
  const day = Math.floor((now + SHANGHAI) / DAY) + 1;
  const weekday = day % 7; // day 0, 1970-01-01, was a Thursday
  return (day + ((7 - weekday) % 7)) * DAY - SHANGHAI + 10 * 3_600_000;
}
/** 24:00 Shanghai of the day `days` after the day of `at`. */
const endOfDayAfter = (at: number, days: number) => (Math.floor((at + SHANGHAI) / DAY) + days + 1) * DAY - SHANGHAI;

describe('签收 and 异议', () => {
  it('a receipt on a Thursday: 5 working days end the next Thursday, the notice 15 days on; objection agreed, routed again', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `routePetition(id: "${p.id}", unitId: "U-FT-01", mode: TRANSFER)`);
    expect(deadline(await live(p.id), 'RECEIPT').metAt).toBeNull();
    const thursday = await nextThursdayMorning();
    await sleepUntil(thursday);
    await ok(ts.tokens.handler, `signForReceipt(id: "${p.id}")`);
    const signed = await live(p.id);
    // Fri, Mon, Tue, Wed, Thu: the weekend is not counted.
    expect(deadline(signed, 'OBJECTION_WINDOW').dueAt).toBe(endOfDayAfter(thursday, 7));
    // Thursday + 15 calendar days is a Friday, a working day.
    expect(deadline(signed, 'NOTICE').dueAt).toBe(endOfDayAfter(thursday, 15));
    expect(deadline(signed, 'RECEIPT').metAt).not.toBeNull();

    await sleepUntil(thursday + 6 * DAY); // the Wednesday after: the 4th working day
    await ok(ts.tokens.handler, `raiseObjection(id: "${p.id}", reason: "该事项属区住建局职权")`);
    const back = await ok(ts.tokens.registrar, `decideObjection(id: "${p.id}", agree: true, note: "同意")`);
    expect(back).toMatchObject({ status: 'REGISTERED', unit: null });
    const again = await ok(ts.tokens.registrar, `routePetition(id: "${p.id}", unitId: "U-FT-02", mode: TRANSFER)`);
    expect(again).toMatchObject({ status: 'TRANSFERRED', unit: { id: 'U-FT-02' } });
    const types = (await live(p.id)).timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['RECEIPT_SIGNED', 'OBJECTION_RAISED', 'OBJECTION_AGREED']));
  });

  it('an objection after the 5th working day is WINDOW_CLOSED; the item stays with the unit', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `routePetition(id: "${p.id}", unitId: "U-FT-01", mode: TRANSFER)`);
    const thursday = await nextThursdayMorning();
    await sleepUntil(thursday);
    await ok(ts.tokens.handler, `signForReceipt(id: "${p.id}")`);
    await sleepUntil(endOfDayAfter(thursday, 7) + 3_600_000); // the Friday after, 01:00
    const late = await attempt(ts.tokens.handler, `raiseObjection(id: "${p.id}", reason: "非本单位职权")`);
    expect(errorCode(late)).toBe('WINDOW_CLOSED');
    const state = await live(p.id);
    expect(state).toMatchObject({ status: 'TRANSFERRED', unitId: 'U-FT-01' });
    expect(deadline(state, 'OBJECTION_WINDOW').lapsedAt).not.toBeNull();
  });
});

describe('交办 with a 指定办理期限', () => {
  it('the report within the days the bureau set meets the assignment clock', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `routePetition(id: "${p.id}", unitId: "U-FT-01", mode: ASSIGN, dueDays: 20)`);
    const routed = await live(p.id);
    const assignment = deadline(routed, 'ASSIGNMENT');
    expect(assignment.dueAt).toBeGreaterThanOrEqual(endOfDayAfter(assignment.startedAt, 20));
    await ok(ts.tokens.handler, `signForReceipt(id: "${p.id}")`);
    await sleepUntil(assignment.startedAt + 10 * DAY);
    await ok(ts.tokens.handler, `submitAssignmentReport(id: "${p.id}", text: "已调查核实并答复信访人")`);
    const met = deadline(await live(p.id), 'ASSIGNMENT');
    expect(met.metAt).not.toBeNull();
    expect(met.overdueAt).toBeNull();
  });

  it('an assignment unreported by its day goes overdue, with its 督办', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `routePetition(id: "${p.id}", unitId: "U-FT-01", mode: ASSIGN, dueDays: 3)`);
    await ok(ts.tokens.handler, `signForReceipt(id: "${p.id}")`);
    const due = deadline(await live(p.id), 'ASSIGNMENT').dueAt;
    await sleepUntil(due + 3_600_000);
    const state = await live(p.id);
    expect(deadline(state, 'ASSIGNMENT').overdueAt).not.toBeNull();
    expect(state.urges.some((u) => u.kind === 'SUPERVISION' && u.message.includes('ASSIGNMENT'))).toBe(true);
    const bad = await attempt(
      ts.tokens.registrar,
      `routePetition(id: "${p.id}", unitId: "U-FT-01", mode: TRANSFER, dueDays: 3)`,
    );
    expect(errorCode(bad)).toBe('INVALID_TRANSITION');
  });
});
