/**
 * The lifecycle (DOMAIN.md §3) at the handling level, through the GraphQL API on a real worker and the Java
 * time-skipping test server, with the read model in a real SQLite file: the reply and the 复查 window that
 * closes the case, extensions, and a case gone overdue. Each test checks the dates.
 */
import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../domain/calendar';
import type { PetitionState } from '../../domain/petition';
import { petitionWorkflowId } from '../../workflows/definitions';
import { errorCode } from '../support/graphql';
import { DAY, deadline, lifecycleSteps, MINUTE } from '../support/lifecycle';
import { eventually, useTimeSkippingSystem } from '../support/system';
import { calendar } from '../support/calendar';

const ts = useTimeSkippingSystem();
const { ok, attempt, register, live, sleepUntil, readModelRow } = lifecycleSteps(ts);

describe('handling and its reply', () => {
  it('happy path: reply on day 40, delivered, satisfied; the 复查 window and its grace run out and the case closes', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    const acceptedAt = (await live(p.id)).acceptedAt!;
    await sleepUntil(acceptedAt + 40 * DAY);

    const replied = await ok(
      ts.tokens.handler,
      `replyPetition(id: "${p.id}", outcome: SUPPORT, text: "支持补偿诉求，重新核定", basis: "征收补偿方案")`,
    );
    expect(replied).toMatchObject({
      status: 'DELIVERED',
      stage: 'HANDLING',
      reply: { level: 'HANDLING', outcome: 'SUPPORT' },
    });
    const state = await live(p.id);
    const deliveredAt = state.opinions[0]!.deliveredAt;
    expect(deliveredAt - acceptedAt).toBeGreaterThanOrEqual(40 * DAY);
    expect(deliveredAt - acceptedAt).toBeLessThan(40 * DAY + MINUTE);
    expect(deadline(state, 'HANDLING')).toMatchObject({
      metAt: deliveredAt,
      dueAt: periodEnd(acceptedAt, 60, 'CALENDAR_DAYS', calendar),
    });
    const window = deadline(state, 'REVIEW_WINDOW');
    expect(window).toMatchObject({
      startedAt: deliveredAt,
      dueAt: periodEnd(deliveredAt, 30, 'CALENDAR_DAYS', calendar),
      article: '《信访工作条例》第三十五条',
    });

    const rated = await ok(ts.tokens.registrar, `recordSatisfaction(id: "${p.id}", level: SATISFIED)`);
    expect(rated.satisfaction).toEqual([{ target: 'UNIT', level: 'SATISFIED' }]);

    // The case stays open past the window for the grace a request made in time may take to be entered
    // (appealGraceDays: 15 days, rolled to a working day), and closes the moment that runs out.
    const closesAt = window.dueAt + window.graceMs!;
    expect(closesAt).toBe(periodEnd(window.dueAt - 1, 15, 'CALENDAR_DAYS', calendar));
    await sleepUntil(window.dueAt + MINUTE);
    expect((await live(p.id)).status).toBe('DELIVERED');
    await sleepUntil(closesAt - MINUTE);
    expect((await live(p.id)).status).toBe('DELIVERED');
    await sleepUntil(closesAt + MINUTE);
    const row = await eventually(() => {
      const r = readModelRow(p.id);
      return r?.status === 'CLOSED' && r;
    });
    expect(row.closedAt!.getTime() - closesAt).toBeGreaterThanOrEqual(0);
    expect(row.closedAt!.getTime() - closesAt).toBeLessThan(1_000);
    expect(row.deliveredAt!.getTime()).toBe(deliveredAt);
    const closed = JSON.parse(row.stateJson) as PetitionState;
    expect(deadline(closed, 'REVIEW_WINDOW').lapsedAt).toBe(row.closedAt!.getTime());
    expect((await ts.env.client.workflow.getHandle(petitionWorkflowId(p.id)).describe()).status.name).toBe('COMPLETED');
  });

  it('extension approved moves the deadline to 受理 + 60 + its days and notifies; refused leaves it', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    const { dueAt: originalDue, startedAt: acceptedAt } = deadline(await live(p.id), 'HANDLING');

    const asked = await ok(ts.tokens.handler, `requestExtension(id: "${p.id}", days: 20, reason: "需委托第三方评估")`);
    expect(asked.extension).toEqual({ daysGranted: 0, maxDays: 30, requests: [{ days: 20, approved: null }] });
    expect(errorCode(await attempt(ts.tokens.handler, `decideExtension(id: "${p.id}", approve: true)`))).toBe(
      'FORBIDDEN',
    );

    const approved = await ok(ts.tokens.head, `decideExtension(id: "${p.id}", approve: true, note: "同意延期")`);
    expect(approved.extension.daysGranted).toBe(20);
    expect(approved.timeline.slice(-2)).toEqual([
      { type: 'EXTENSION_APPROVED', note: '同意延期' },
      { type: 'EXTENSION_NOTICE', note: '需委托第三方评估' },
    ]);
    const extendedDue = deadline(await live(p.id), 'HANDLING').dueAt;
    // The days are added to the statutory 60, not to a last day rolled off a holiday (docs/statute.md).
    expect(extendedDue).toBe(periodEnd(acceptedAt, 80, 'CALENDAR_DAYS', calendar));
    expect(extendedDue - originalDue).toBeGreaterThan(13 * DAY);

    const over = await attempt(ts.tokens.handler, `requestExtension(id: "${p.id}", days: 15, reason: "再延")`);
    expect(errorCode(over)).toBe('LIMIT_EXCEEDED');
    expect(over.errors![0]!.extensions).toMatchObject({ maxDays: 30, usedDays: 20 });

    await ok(ts.tokens.handler, `requestExtension(id: "${p.id}", days: 10, reason: "再延十日")`);
    const refused = await ok(ts.tokens.head, `decideExtension(id: "${p.id}", approve: false, note: "不予批准")`);
    expect(refused.extension.daysGranted).toBe(20);
    expect(refused.timeline.at(-1)).toEqual({ type: 'EXTENSION_REFUSED', note: '不予批准' });
    expect(deadline(await live(p.id), 'HANDLING').dueAt).toBe(extendedDue);
  });

  it('an extension over 30 days in one request is LIMIT_EXCEEDED; another unit may not ask', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    expect(
      errorCode(await attempt(ts.tokens.handler, `requestExtension(id: "${p.id}", days: 31, reason: "太复杂")`)),
    ).toBe('LIMIT_EXCEEDED');
    const otherUnit = ts.system.token('UNIT_HANDLER', { unitId: 'U-FT-02' });
    expect(errorCode(await attempt(otherUnit, `requestExtension(id: "${p.id}", days: 5, reason: "x")`))).toBe(
      'NOT_FOUND',
    );
  });

  it('overdue at the handling level: 预警 and 催办 3 days before, overdue and 督办 at the end of day 60; lists filter both', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    const due = deadline(await live(p.id), 'HANDLING').dueAt;

    await sleepUntil(due - 2 * DAY);
    const warned = await eventually(async () => {
      const s = await live(p.id);
      return s.timeline.some((e) => e.type === 'WARNING') && s;
    });
    expect(warned.timeline.slice(-2).map((e) => e.type)).toEqual(['WARNING', 'URGED']);
    // 催办: automatic, addressed to the unit, needing no answer.
    expect(warned.urges).toEqual([
      expect.objectContaining({ kind: 'REMINDER', unitId: 'U-FT-01', dueAt: null, issuedBy: null }),
    ]);
    await eventually(() => readModelRow(p.id)?.lastSeq === warned.lastSeq);
    const soon = await ts.system.gql(
      ts.tokens.registrar,
      `{ petitions(filter: { dueSoon: true }, first: 100) { edges { node { id } } } }`,
    );
    expect(soon.data.petitions.edges.map((e: any) => e.node.id)).toContain(p.id);

    await sleepUntil(due + MINUTE);
    const state = await eventually(async () => {
      const s = await live(p.id);
      return s.timeline.some((e) => e.type === 'OVERDUE') && s;
    });
    const handling = deadline(state, 'HANDLING');
    expect(handling.warnedAt! - (due - 3 * DAY)).toBeLessThan(1_000);
    expect(handling.overdueAt! - due).toBeLessThan(1_000);
    expect(handling.overdueAt! - due).toBeGreaterThanOrEqual(0);
    // 督办 at overdue: the unit owes an answer within 5 days (the profile's urgeAnswerDays).
    const supervision = state.urges.find((u) => u.kind === 'SUPERVISION')!;
    expect(supervision).toMatchObject({ unitId: 'U-FT-01', issuedAt: handling.overdueAt });
    expect(supervision.dueAt).toBe(periodEnd(handling.overdueAt!, 5, 'CALENDAR_DAYS', calendar));
    await eventually(() => readModelRow(p.id)?.overdue === true);
    const overdue = await ts.system.gql(
      ts.tokens.handler,
      `{ petitions(filter: { overdue: true }, first: 100) { edges { node { id overdue } } } }`,
    );
    expect(overdue.data.petitions.edges).toContainEqual({ node: { id: p.id, overdue: true } });
    // The supervisors are told, once per event, through their notifications.
    const notices = await eventually(() => {
      const rows = ts.system.db.$client
        .prepare("SELECT kind FROM notifications WHERE petition_id = ? AND recipient = 'ROLE:SUPERVISOR' ORDER BY seq")
        .all(p.id) as { kind: string }[];
      return rows.length === 3 && rows;
    });
    expect(notices.map((n) => n.kind)).toEqual(['URGED', 'OVERDUE', 'URGED']);
  });
});
