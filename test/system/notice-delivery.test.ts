/**
 * Notices leaving the system, on the time-skipping server with a real worker, against a local HTTP receiver that
 * plays both the 企业微信 group robot and the SMS gateway: a 督办 reaches the unit's robot once though the robot
 * fails twice first; the petitioner is texted the acceptance, with the number nowhere in Temporal in plain; a
 * worker restarted while a robot is down loses nothing; a scope with no channel is sent nothing; and a notice of
 * 23:00 Shanghai is held until 07:00 on a durable timer.
 */
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQuietHours } from '../../domain/quiet-hours';
import { httpSmsSender } from '../../activities/sms-senders';
import { deliveryOf, type DeliveryRecord } from '../../db/deliveries';
import { deliveryWorkflowId, PETITIONER } from '../../domain/petition/deliveries';
import { mutationsSelecting } from '../support/graphql';
import { eventually, useTimeSkippingSystem } from '../support/system';
import { ROBOT_OK, startReceiver, type Receiver } from '../support/webhook-receiver';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UNIT_ROBOT = '/robot/ft-01';
const PHONE = '13800001234';

let receiver: Receiver;
const ts = useTimeSkippingSystem(
  async (env) => {
    // Into the working day: the first tests must not meet the quiet hours.
    const now = await env.currentTimeMs();
    await env.sleep(untilShanghai(now, 9));
  },
  async () => {
    receiver = await startReceiver();
    receiver.answerByDefault('/sms', { status: 200, body: { messageId: 'gw-42' } });
    return {
      delivery: {
        webhooks: [{ name: '福田区', url: receiver.url(UNIT_ROBOT), recipients: ['UNIT:U-FT-01'], format: 'markdown' }],
        quietHours: parseQuietHours('22:00-07:00'),
        sms: httpSmsSender(receiver.url('/sms'), 'gateway-token'),
      },
    };
  },
);
afterAll(async () => receiver?.close());
const ok = mutationsSelecting('id', () => ts.system);

/** How long from `now` until the next `hour`:00 on the Shanghai clock. */
function untilShanghai(now: number, hour: number): number {
  const local = now + 8 * HOUR;
  const next = Math.floor(local / DAY) * DAY + hour * HOUR;
  return (next > local ? next : next + DAY) - local;
}

async function accepted(): Promise<string> {
  const { id } = await ok(
    ts.tokens.registrar,
    `registerPetition(input: { petitioner: { name: "外发测试", phone: "${PHONE}" }, channel: ONLINE, category: CLAIM, summary: "井盖缺失", content: "路口井盖缺失一周" })`,
  );
  await ok(ts.tokens.registrar, `acceptPetition(id: "${id}", unitId: "U-FT-01")`);
  return id as string;
}

async function seqOf(petitionId: string, kind: string): Promise<number> {
  const row = await ts.system.db.row<{ seq: number }>(
    sql`SELECT seq FROM notifications WHERE petition_id = ${petitionId} AND kind = ${kind} ORDER BY seq DESC`,
  );
  if (!row) throw new Error(`no ${kind} notice of ${petitionId}`);
  return row.seq;
}

/** The unit robot's record of the petition's newest 督办, once sent. */
async function sentUrge(petitionId: string): Promise<DeliveryRecord> {
  const seq = await seqOf(petitionId, 'URGED');
  const key = { petitionId, seq, recipient: 'UNIT:U-FT-01', channel: '福田区' };
  return eventually(async () => {
    const record = await deliveryOf(ts.system.db, key);
    return record?.sentAt ? record : null;
  }, 60_000);
}

const robotCalls = (petitionId: string) => receiver.about(petitionId).filter((r) => r.path === UNIT_ROBOT);

describe('notices leaving the system', () => {
  it("delivers a 督办 to the unit's robot once, through a 500 and a rate limit", async () => {
    const id = await accepted();
    receiver.script(UNIT_ROBOT, { status: 500, body: {} }, { status: 200, body: { errcode: 45009, errmsg: 'freq' } });
    await ok(ts.tokens.supervisor, `urge(id: "${id}", message: "请三日内报告", respondWithinDays: 3)`);

    const record = await sentUrge(id);
    expect(record).toMatchObject({ kind: 'URGED', attempts: 3, lastError: null, heldUntil: null });
    // Three requests, of which only the last was answered errcode 0: delivered once.
    const calls = robotCalls(id);
    expect(calls).toHaveLength(3);
    expect(calls[2]!.body).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining(`**信访事项 ${id} 收到督办，请按期答复**`) },
    });
    expect(JSON.stringify(calls[2]!.body)).not.toContain('外发测试');
  });

  it('texts the petitioner the acceptance through the gateway; the number is encrypted in Temporal', async () => {
    const id = await accepted();
    const texted = await eventually(() => receiver.about(id).find((r) => r.path === '/sms'), 60_000);
    expect(texted.headers.authorization).toBe('Bearer gateway-token');
    expect(texted.body).toEqual({ phone: PHONE, text: `您的信访事项 ${id} 已受理，办理结果将依法告知。` });

    const acceptance = await ts.system.db.row<{ seq: number }>(
      sql`SELECT seq FROM petition_events WHERE petition_id = ${id} AND type = 'ACCEPTED'`,
    );
    const key = { petitionId: id, seq: acceptance!.seq, recipient: PETITIONER, channel: 'sms' };
    const record = await eventually(async () => {
      const r = await deliveryOf(ts.system.db, key);
      return r?.sentAt ? r : null;
    });
    expect(record).toMatchObject({ kind: 'ACCEPTED', attempts: 1, messageId: 'gw-42' });

    const history = await ts.env.client.workflow.getHandle(deliveryWorkflowId(id, key.seq, PETITIONER)).fetchHistory();
    const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    expect(Buffer.from(input.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(input.data!).toString('latin1')).not.toContain(PHONE);
  });

  it('loses nothing when the worker restarts while the robot is down', async () => {
    // A real server moves a stopped worker's tasks off its sticky queue at once; the Java test server waits for the
    // sticky timeout, a timer that cannot run while its clock is held. So from here on the worker keeps no cache.
    const NO_CACHE = { maxCachedWorkflows: 0 };
    await ts.system.restartWorker(async () => undefined, NO_CACHE);
    const id = await accepted();
    receiver.answerByDefault(UNIT_ROBOT, { status: 503, body: {} });
    await ok(ts.tokens.supervisor, `urge(id: "${id}", message: "请报告进展")`);
    await eventually(() => robotCalls(id).length > 0, 60_000);
    await ts.system.restartWorker(async () => receiver.answerByDefault(UNIT_ROBOT, ROBOT_OK), NO_CACHE);

    const record = await sentUrge(id);
    expect(record.attempts).toBeGreaterThanOrEqual(2);
    // One request per attempt, and none after the one the robot took.
    expect(robotCalls(id)).toHaveLength(record.attempts);
  });

  it('sends nothing, and records nothing, for a scope no channel is configured for', async () => {
    const id = await accepted();
    await ok(ts.tokens.supervisor, `escalate(id: "${id}", leaderId: "leader-out", reason: "久拖未决")`);
    const seq = await seqOf(id, 'ESCALATED');
    // The unit's robot hears of it; the leader, who has no channel, is told only inside the system.
    const unit = { petitionId: id, seq, recipient: 'UNIT:U-FT-01', channel: '福田区' };
    await eventually(async () => (await deliveryOf(ts.system.db, unit))?.sentAt, 60_000);
    const leaderRows = await ts.system.db.rows(
      sql`SELECT * FROM notification_deliveries WHERE petition_id = ${id} AND recipient = 'PRINCIPAL:leader-out'`,
    );
    expect(leaderRows).toEqual([]);
    await expect(
      ts.env.client.workflow.getHandle(deliveryWorkflowId(id, seq, 'PRINCIPAL:leader-out')).describe(),
    ).rejects.toThrow(/not found/i);
  });

  it('holds a 督办 of 23:00 until 07:00 Shanghai, then delivers it', async () => {
    await ts.env.sleep(untilShanghai(await ts.env.currentTimeMs(), 23));
    const id = await accepted();
    await ok(ts.tokens.supervisor, `urge(id: "${id}", message: "夜间督办")`);
    const seq = await seqOf(id, 'URGED');
    const handle = ts.env.client.workflow.getHandle(deliveryWorkflowId(id, seq, 'UNIT:U-FT-01'));
    expect((await eventually(() => handle.describe().catch(() => null))).status.name).toBe('RUNNING');

    const now = await ts.env.currentTimeMs();
    const morning = now + untilShanghai(now, 7);
    await ts.env.sleep(morning - 60_000 - now);
    // 06:59: still held, nothing sent to the robot or the petitioner, nothing attempted.
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect(receiver.about(id)).toEqual([]);
    expect(await deliveryOf(ts.system.db, { petitionId: id, seq, recipient: 'UNIT:U-FT-01', channel: '福田区' })).toBe(
      undefined,
    );

    await ts.env.sleep(2 * 60_000);
    const record = await sentUrge(id);
    expect(record).toMatchObject({ heldUntil: morning, attempts: 1 });
    // The acceptance's text message waited for the morning too.
    await eventually(() => receiver.about(id).find((r) => r.path === '/sms'), 60_000);
  });
});
