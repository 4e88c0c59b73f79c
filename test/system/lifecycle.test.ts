/**
 * Every path of the lifecycle (DOMAIN.md §3) through the GraphQL API, on a real worker and the Java
 * time-skipping test server, with the read model in a real SQLite file. Each test checks the dates.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { petitions } from '../../db/schema';
import { formatShanghai, isWorkingDay, periodEnd, shanghaiDayNumber } from '../../domain/calendar';
import type { Deadline, DeadlineKind, PetitionState, Registration } from '../../domain/petition';
import { petitionWorkflowId, TASK_QUEUE } from '../../workflows/definitions';
import type { petitionWorkflow } from '../../workflows/petition-workflow';
import { errorCode, type GraphQLAnswer, mutationsSelecting } from '../support/graphql';
import { newPetitioner } from '../support/petitioners';
import { eventually, type System, useTimeSkippingSystem } from '../support/system';
import { tokensPerRole } from '../support/tokens';

const DAY = 86_400_000;
const MINUTE = 60_000;

let env: TestWorkflowEnvironment;
let system: System;
let registrar: string;
let handler: string;
let head: string;
let reviewOrgan: string;
let reexamOrgan: string;

useTimeSkippingSystem(async (started, running) => {
  env = started;
  system = running;
  ({ registrar, handler, head, reviewOrgan, reexamOrgan } = tokensPerRole(system.db));
});

const FIELDS = `id status stage declineReason repeatOf isRepeat closedAt
  unit { id } reviewUnit { id }
  extension { daysGranted maxDays requests { days approved } }
  reply { level outcome }
  satisfaction { target level }
  deadlines { kind met overdue paused }
  timeline { type note }`;

const ok = mutationsSelecting(FIELDS, () => system);

function attempt(token: string, mutation: string): Promise<GraphQLAnswer> {
  return system.gql(token, `mutation { ${mutation} { id } }`);
}

async function register(petitioner = newPetitioner(), via: Pick<System, 'gql'> = system, extra = '') {
  const input = `{ petitioner: { name: "${petitioner.name}", idNumber: "${petitioner.idNumber}" }, channel: LETTER, category: CLAIM,
    summary: "征收补偿争议", content: "对房屋征收补偿标准有异议", respondentUnitId: "U-FT-01" ${extra} }`;
  return ok(registrar, `registerPetition(input: ${input})`, via);
}

/** The workflow's own state, to the millisecond (GraphQL dates are to the second). */
async function live(id: string): Promise<PetitionState> {
  const answer = await system.gql(registrar, `{ petition(id: "${id}") { live } }`);
  return answer.data.petition.live;
}

function deadline(state: PetitionState, kind: DeadlineKind): Deadline {
  const found = state.deadlines.filter((d) => d.kind === kind).at(-1);
  if (!found) throw new Error(`no ${kind} deadline`);
  return found;
}

async function sleepUntil(at: number) {
  const now = await env.currentTimeMs();
  if (at > now) await env.sleep(at - now);
}

function readModelRow(id: string) {
  return system.db.select().from(petitions).where(eq(petitions.id, id)).get();
}

/** Accept, first opinion, 复查, 复查 opinion, 复核: the petition stands before the 复核 organ. */
async function toReexamination(id: string) {
  await ok(registrar, `acceptPetition(id: "${id}", unitId: "U-FT-01")`);
  await ok(handler, `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "补偿标准符合规定", basis: "《国有土地上房屋征收与补偿条例》")`);
  const review = await ok(registrar, `requestReview(id: "${id}", reason: "不服处理意见")`);
  expect(review).toMatchObject({ status: 'UNDER_REVIEW', stage: 'REVIEW', reviewUnit: { id: 'O-FT-GOV' } });
  await ok(reviewOrgan, `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "维持原处理意见")`);
  const reexam = await ok(registrar, `requestReview(id: "${id}", reason: "不服复查意见")`);
  expect(reexam).toMatchObject({ status: 'UNDER_REEXAMINATION', stage: 'RE_REVIEW', reviewUnit: { id: 'O-SZ-GOV' } });
}

describe('handling and its reply', () => {
  it('happy path: reply on day 40, delivered, satisfied; the 复查 window closes and the case closes', async () => {
    const p = await register();
    await ok(registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    const acceptedAt = (await live(p.id)).acceptedAt!;
    await sleepUntil(acceptedAt + 40 * DAY);

    const replied = await ok(handler, `replyPetition(id: "${p.id}", outcome: SUPPORT, text: "支持补偿诉求，重新核定", basis: "征收补偿方案")`);
    expect(replied).toMatchObject({ status: 'DELIVERED', stage: 'HANDLING', reply: { level: 'HANDLING', outcome: 'SUPPORT' } });
    const state = await live(p.id);
    const deliveredAt = state.opinions[0]!.deliveredAt;
    expect(deliveredAt - acceptedAt).toBeGreaterThanOrEqual(40 * DAY);
    expect(deliveredAt - acceptedAt).toBeLessThan(40 * DAY + MINUTE);
    expect(deadline(state, 'HANDLING')).toMatchObject({ metAt: deliveredAt, dueAt: periodEnd(acceptedAt, 60, 'CALENDAR_DAYS') });
    const window = deadline(state, 'REVIEW_WINDOW');
    expect(window).toMatchObject({ startedAt: deliveredAt, dueAt: periodEnd(deliveredAt, 30, 'CALENDAR_DAYS'), article: '《信访工作条例》第三十五条' });

    const rated = await ok(registrar, `recordSatisfaction(id: "${p.id}", level: SATISFIED)`);
    expect(rated.satisfaction).toEqual([{ target: 'UNIT', level: 'SATISFIED' }]);

    await sleepUntil(window.dueAt - MINUTE);
    expect((await live(p.id)).status).toBe('DELIVERED');
    await sleepUntil(window.dueAt + MINUTE);
    const row = await eventually(() => {
      const r = readModelRow(p.id);
      return r?.status === 'CLOSED' && r;
    });
    expect(row.closedAt!.getTime() - window.dueAt).toBeGreaterThanOrEqual(0);
    expect(row.closedAt!.getTime() - window.dueAt).toBeLessThan(1_000);
    expect(row.deliveredAt!.getTime()).toBe(deliveredAt);
    const closed = JSON.parse(row.stateJson) as PetitionState;
    expect(deadline(closed, 'REVIEW_WINDOW').lapsedAt).toBe(row.closedAt!.getTime());
    expect((await env.client.workflow.getHandle(petitionWorkflowId(p.id)).describe()).status.name).toBe('COMPLETED');
  });

  it('extension approved moves the deadline from the original due date and notifies; refused leaves it', async () => {
    const p = await register();
    await ok(registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    const originalDue = deadline(await live(p.id), 'HANDLING').dueAt;

    const asked = await ok(handler, `requestExtension(id: "${p.id}", days: 20, reason: "需委托第三方评估")`);
    expect(asked.extension).toEqual({ daysGranted: 0, maxDays: 30, requests: [{ days: 20, approved: null }] });
    expect(errorCode(await attempt(handler, `decideExtension(id: "${p.id}", approve: true)`))).toBe('FORBIDDEN');

    const approved = await ok(head, `decideExtension(id: "${p.id}", approve: true, note: "同意延期")`);
    expect(approved.extension.daysGranted).toBe(20);
    expect(approved.timeline.slice(-2)).toEqual([
      { type: 'EXTENSION_APPROVED', note: '同意延期' },
      { type: 'EXTENSION_NOTICE', note: '需委托第三方评估' },
    ]);
    const extendedDue = deadline(await live(p.id), 'HANDLING').dueAt;
    expect(extendedDue).toBe(periodEnd(originalDue - 1, 20, 'CALENDAR_DAYS'));
    expect(extendedDue - originalDue).toBeGreaterThanOrEqual(20 * DAY);

    const over = await attempt(handler, `requestExtension(id: "${p.id}", days: 15, reason: "再延")`);
    expect(errorCode(over)).toBe('LIMIT_EXCEEDED');
    expect(over.errors![0]!.extensions).toMatchObject({ maxDays: 30, usedDays: 20 });

    await ok(handler, `requestExtension(id: "${p.id}", days: 10, reason: "再延十日")`);
    const refused = await ok(head, `decideExtension(id: "${p.id}", approve: false, note: "不予批准")`);
    expect(refused.extension.daysGranted).toBe(20);
    expect(refused.timeline.at(-1)).toEqual({ type: 'EXTENSION_REFUSED', note: '不予批准' });
    expect(deadline(await live(p.id), 'HANDLING').dueAt).toBe(extendedDue);
  });

  it('an extension over 30 days in one request is LIMIT_EXCEEDED; another unit may not ask', async () => {
    const p = await register();
    await ok(registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    expect(errorCode(await attempt(handler, `requestExtension(id: "${p.id}", days: 31, reason: "太复杂")`))).toBe('LIMIT_EXCEEDED');
    const otherUnit = system.token('UNIT_HANDLER', { unitId: 'U-FT-02' });
    expect(errorCode(await attempt(otherUnit, `requestExtension(id: "${p.id}", days: 5, reason: "x")`))).toBe('NOT_FOUND');
  });

  it('overdue at the handling level: 预警 and 催办 3 days before, overdue and 督办 at the end of day 60; lists filter both', async () => {
    const p = await register();
    await ok(registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    const due = deadline(await live(p.id), 'HANDLING').dueAt;

    await sleepUntil(due - 2 * DAY);
    const warned = await eventually(async () => {
      const s = await live(p.id);
      return s.timeline.some((e) => e.type === 'WARNING') && s;
    });
    expect(warned.timeline.slice(-2).map((e) => e.type)).toEqual(['WARNING', 'URGED']);
    // 催办: automatic, addressed to the unit, needing no answer.
    expect(warned.urges).toEqual([expect.objectContaining({ kind: 'REMINDER', unitId: 'U-FT-01', dueAt: null, issuedBy: null })]);
    await eventually(() => readModelRow(p.id)?.lastSeq === warned.lastSeq);
    const soon = await system.gql(registrar, `{ petitions(filter: { dueSoon: true }, first: 100) { edges { node { id } } } }`);
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
    expect(supervision.dueAt).toBe(periodEnd(handling.overdueAt!, 5, 'CALENDAR_DAYS'));
    await eventually(() => readModelRow(p.id)?.overdue === true);
    const overdue = await system.gql(handler, `{ petitions(filter: { overdue: true }, first: 100) { edges { node { id overdue } } } }`);
    expect(overdue.data.petitions.edges).toContainEqual({ node: { id: p.id, overdue: true } });
    // The supervisors are told, once per event, through the outbox.
    const notices = await eventually(() => {
      const rows = system.db.$client.prepare('SELECT kind FROM outbox WHERE petition_id = ? ORDER BY seq').all(p.id) as { kind: string }[];
      return rows.length === 3 && rows;
    });
    expect(notices.map((n) => n.kind)).toEqual(['URGED', 'OVERDUE', 'URGED']);
  });
});

describe('复查 and 复核', () => {
  it('a 10-day hearing during 复核 moves its deadline by exactly the hearing time; overdue after that', async () => {
    const p = await register();
    await toReexamination(p.id);
    const before = deadline(await live(p.id), 'REEXAMINATION');
    expect(before.dueAt).toBe(periodEnd(before.startedAt, 30, 'CALENDAR_DAYS'));
    expect(before.article).toBe('《信访工作条例》第三十六条第一、二款');

    const started = await ok(reexamOrgan, `startHearing(id: "${p.id}", note: "公开听证")`);
    expect(started.deadlines.find((d: any) => d.kind === 'REEXAMINATION')).toMatchObject({ paused: true });
    await env.sleep(10 * DAY);
    await ok(reexamOrgan, `endHearing(id: "${p.id}", note: "听证结束")`);

    const after = await live(p.id);
    const hearing = after.hearings[0]!;
    const reexam = deadline(after, 'REEXAMINATION');
    expect(reexam.pausedMs).toBe(hearing.endedAt! - hearing.startedAt);
    expect(reexam.pausedMs).toBeGreaterThanOrEqual(10 * DAY);
    expect(reexam.pausedMs).toBeLessThan(10 * DAY + MINUTE);
    expect(reexam.dueAt).toBe(before.dueAt); // the statutory date stays; the pause is added to it
    const movedDue = reexam.dueAt + reexam.pausedMs;
    const shown = await system.gql(registrar, `{ petition(id: "${p.id}") { deadlines { kind dueAt pausedMs } } }`);
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
    await ok(registrar, `acceptPetition(id: "${national.id}", unitId: "U-FT-01")`);
    await ok(handler, `startHearing(id: "${national.id}")`);
    await env.sleep(5 * DAY);
    await ok(handler, `endHearing(id: "${national.id}")`);
    const nationalHandling = deadline(await live(national.id), 'HANDLING');
    expect(nationalHandling.pausedMs).toBe(0);

    const local = system.withProfile('national-2022-handling-hearing-pause');
    const p = await register(newPetitioner(), local);
    await ok(registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`, local);
    await ok(handler, `startHearing(id: "${p.id}")`);
    await env.sleep(5 * DAY);
    await ok(handler, `endHearing(id: "${p.id}")`);
    const state = await live(p.id);
    const handling = deadline(state, 'HANDLING');
    expect(state.profileId).toBe('national-2022-handling-hearing-pause');
    expect(handling.pausedMs).toBe(state.hearings[0]!.endedAt! - state.hearings[0]!.startedAt);
    expect(handling.pausedMs).toBeGreaterThanOrEqual(5 * DAY);
  });

  it('复查, then 复核, then 终结: the same petitioner on the same matter is not accepted again', async () => {
    const petitioner = newPetitioner();
    const p = await register(petitioner);
    await toReexamination(p.id);
    const concluded = await ok(reexamOrgan, `replyPetition(id: "${p.id}", outcome: NOT_SUPPORT, text: "复核维持")`);
    expect(concluded).toMatchObject({ status: 'CONCLUDED', stage: 'CLOSED', reply: { level: 'REEXAMINATION' } });
    expect(concluded.timeline.at(-1).type).toBe('CONCLUDED');
    await eventually(() => readModelRow(p.id)?.status === 'CONCLUDED');

    const repeat = await register(petitioner);
    expect(repeat).toMatchObject({ status: 'DECLINED', declineReason: 'ALREADY_REEXAMINED', repeatOf: p.id, isRepeat: true });
    expect(repeat.timeline.map((e: any) => e.type)).toEqual(['REGISTERED', 'DECLINED']);
    expect(repeat.timeline[1].note).toContain('第三十六条');
    const again = await attempt(registrar, `acceptPetition(id: "${repeat.id}", unitId: "U-FT-01")`);
    expect(errorCode(again)).toBe('INVALID_TRANSITION');
  });

  it('a repeat of a case still in progress is linked to it, not opened again (Art. 19)', async () => {
    const petitioner = newPetitioner();
    const first = await register(petitioner);
    await ok(registrar, `acceptPetition(id: "${first.id}", unitId: "U-FT-01")`);
    await eventually(() => readModelRow(first.id)?.status === 'HANDLING');
    const repeat = await register(petitioner);
    expect(repeat).toMatchObject({ status: 'DECLINED', declineReason: 'DUPLICATE_IN_PROGRESS', repeatOf: first.id });
  });

  it('a 复查 request on day 31 after delivery is WINDOW_CLOSED, and the case had closed on its own', async () => {
    const p = await register();
    await ok(registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    await env.sleep(5 * DAY);
    // Deliver on a day whose 30th day is a working day, so that day 31 lies past the window.
    const now = await env.currentTimeMs();
    let deliveredAt = now;
    while (!isWorkingDay(shanghaiDayNumber(deliveredAt) + 30)) deliveredAt -= DAY;
    await ok(handler, `replyPetition(id: "${p.id}", outcome: EXPLAIN, text: "解释说明", deliveredAt: "${formatShanghai(deliveredAt)}")`);
    const window = deadline(await live(p.id), 'REVIEW_WINDOW');
    const deliveredSecond = Math.floor(deliveredAt / 1000) * 1000;
    expect(window.dueAt).toBe(periodEnd(deliveredSecond, 30, 'CALENDAR_DAYS'));

    await sleepUntil(deliveredSecond + 31 * DAY);
    await eventually(() => readModelRow(p.id)?.status === 'CLOSED');
    const late = await attempt(registrar, `requestReview(id: "${p.id}", reason: "逾期请求")`);
    expect(errorCode(late)).toBe('WINDOW_CLOSED');
    expect(late.errors![0]!.extensions!.status).toBe('CLOSED');
  });

  it('overdue at the 复查 level: the organ missed its 30 days', async () => {
    const p = await register();
    await ok(registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    await ok(handler, `replyPetition(id: "${p.id}", outcome: EXPLAIN, text: "解释说明")`);
    await ok(registrar, `requestReview(id: "${p.id}")`);
    const review = deadline(await live(p.id), 'REVIEW');
    expect(review.dueAt).toBe(periodEnd(review.startedAt, 30, 'CALENDAR_DAYS'));
    await sleepUntil(review.dueAt + MINUTE);
    const state = await eventually(async () => {
      const s = await live(p.id);
      return deadline(s, 'REVIEW').overdueAt !== null && s;
    });
    expect(deadline(state, 'REVIEW').overdueAt! - review.dueAt).toBeLessThan(1_000);
    expect(state.status).toBe('UNDER_REVIEW');
    // The responsible unit no longer acts: the 复查 organ does.
    expect(errorCode(await attempt(handler, `replyPetition(id: "${p.id}", outcome: EXPLAIN, text: "x")`))).toBe('FORBIDDEN');
  });
});

describe('long lives', () => {
  it('continue-as-new in mid-case loses nothing: state, timeline, read model and running clocks carry over', async () => {
    const petitionId = `XF-CAN-${Date.now()}`;
    const registration: Registration = {
      petitionId,
      petitioner: { name: '续跑测试', idNumber: '440304199001019999', phone: null, address: null },
      channel: 'ONLINE',
      category: 'CLAIM',
      summary: '长期事项',
      content: '需要多次听证的复杂事项',
      receivedAt: null,
      respondentUnitId: null,
      registeredBy: { id: 'registrar-can', role: 'REGISTRAR' },
    };
    const handle = await env.client.workflow.start<typeof petitionWorkflow>('petitionWorkflow', {
      workflowId: petitionWorkflowId(petitionId),
      taskQueue: TASK_QUEUE,
      // A tiny history budget, so that a handful of steps forces a new run.
      args: [{ registration, profileId: 'national-2022', historyLimit: 40 }],
    });
    const firstRunId = handle.firstExecutionRunId;
    await eventually(() => readModelRow(petitionId));
    await ok(registrar, `acceptPetition(id: "${petitionId}", unitId: "U-FT-01")`);
    for (let i = 0; i < 3; i += 1) {
      await ok(handler, `startHearing(id: "${petitionId}", note: "第${i + 1}次听证")`);
      await ok(handler, `endHearing(id: "${petitionId}")`);
    }
    await ok(handler, `requestExtension(id: "${petitionId}", days: 10, reason: "多次听证")`);
    await ok(head, `decideExtension(id: "${petitionId}", approve: true)`);

    const description = await eventually(async () => {
      const d = await env.client.workflow.getHandle(petitionWorkflowId(petitionId)).describe();
      return d.runId !== firstRunId && d;
    });
    expect(description.status.name).toBe('RUNNING');
    const firstRun = await env.client.workflow.getHandle(petitionWorkflowId(petitionId), firstRunId).describe();
    expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');

    const state = await live(petitionId);
    expect(state.timeline.map((e) => e.seq)).toEqual(state.timeline.map((_, i) => i + 1));
    expect(state.timeline.filter((e) => e.type === 'HEARING_STARTED')).toHaveLength(3);
    expect(state.extensions).toEqual([expect.objectContaining({ days: 10, decision: expect.objectContaining({ approved: true }) })]);
    const handling = deadline(state, 'HANDLING');
    expect(handling.dueAt).toBe(periodEnd(periodEnd(handling.startedAt, 60, 'CALENDAR_DAYS') - 1, 10, 'CALENDAR_DAYS'));
    await eventually(() => readModelRow(petitionId)?.lastSeq === state.lastSeq);

    // The clock keeps running in the new run: overdue right at the extended deadline.
    await sleepUntil(handling.dueAt + MINUTE);
    const late = await eventually(async () => {
      const s = await live(petitionId);
      return deadline(s, 'HANDLING').overdueAt !== null && s;
    });
    expect(deadline(late, 'HANDLING').overdueAt! - handling.dueAt).toBeLessThan(1_000);
    await eventually(() => readModelRow(petitionId)?.overdue === true);
  });
});
