/**
 * Notices delivered live over SSE on the time-skipping server: the worker's projection writes them, the API (over
 * real HTTP) follows the table, and the unit's handler hears of a supervisor's 督办 without asking. A reader that
 * reconnects to a restarted API — a new server on its own connection to the read model — with the last id it saw
 * gets exactly what it missed, once, and then the new ones live.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { openReadModel, type SqliteReadModel } from '../../db/connection';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';
import { TASK_QUEUE } from '../../workflows/definitions';
import { mutationsSelecting } from '../support/graphql';
import { subscribe } from '../support/sse';
import { useTimeSkippingSystem } from '../support/system';

const ts = useTimeSkippingSystem();
const ok = mutationsSelecting('id', () => ts.system);

const ADDED = `subscription($after: ID) { notificationAdded(after: $after) { id petitionId kind message read } }`;

interface Added {
  notificationAdded: { id: string; petitionId: string; kind: string; message: string; read: boolean };
}

/** An API process of its own: a yoga on its own connection to the read model file, served over HTTP. */
async function apiServer(db: SqliteReadModel) {
  const yoga = createFengqiaoYoga({
    db,
    temporal: ts.env.client,
    taskQueue: TASK_QUEUE,
    profileId: DEFAULT_PROFILE_ID,
  });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => db.close()),
  };
}

let first: Awaited<ReturnType<typeof apiServer>>;
beforeAll(async () => {
  first = await apiServer(openReadModel(ts.system.dbFile));
});
afterAll(async () => first?.stop());

async function accepted(unitId = 'U-FT-01') {
  const { id } = await ok(
    ts.tokens.registrar,
    `registerPetition(input: { petitioner: { name: "通知测试" }, channel: ONLINE, category: CLAIM, summary: "路灯不亮", content: "小区路灯坏了一个月" })`,
  );
  await ok(ts.tokens.registrar, `acceptPetition(id: "${id}", unitId: "${unitId}")`);
  return id as string;
}

describe('notificationAdded over SSE', () => {
  it('the unit hears of a 督办 live; after a restart, a reader with its last id gets what it missed, once', async () => {
    const id = await accepted();
    const handler = await subscribe<Added>(first.url, ts.tokens.handler, ADDED);
    const otherUnit = await subscribe<Added>(first.url, ts.system.token('UNIT_HANDLER', { unitId: 'U-FT-02' }), ADDED);

    await ok(ts.tokens.supervisor, `urge(id: "${id}", message: "请三日内报告", respondWithinDays: 3)`);
    const live = (await handler.next()).notificationAdded;
    expect(live).toMatchObject({ petitionId: id, kind: 'URGED', read: false });
    expect(live.message).toContain(id);
    expect(live.message).not.toContain('通知测试');
    // Another unit's handler is told nothing of it.
    expect(await otherUnit.nothingWithin(1_500)).toBe(true);
    otherUnit.close();

    // The reader goes away, and so does the API it read from; meanwhile the case is urged again and escalated.
    handler.close();
    await first.stop();
    await ok(ts.tokens.supervisor, `urge(id: "${id}", message: "再次督办")`);
    await ok(ts.tokens.supervisor, `escalate(id: "${id}", leaderId: "leader-notice", reason: "久拖未决")`);

    first = await apiServer(openReadModel(ts.system.dbFile));
    const again = await subscribe<Added>(first.url, ts.tokens.handler, ADDED, { after: live.id });
    const missed = [(await again.next()).notificationAdded, (await again.next()).notificationAdded];
    expect(missed.map((n) => [n.petitionId, n.kind])).toEqual([
      [id, 'URGED'],
      [id, 'ESCALATED'],
    ]);
    expect(Number(missed[0]!.id)).toBeGreaterThan(Number(live.id));
    expect(await again.nothingWithin(1_500)).toBe(true);

    // Still live after catching up, and the leader hears of the escalation through the list.
    await ok(ts.tokens.supervisor, `urge(id: "${id}", message: "第三次督办")`);
    expect((await again.next()).notificationAdded).toMatchObject({ petitionId: id, kind: 'URGED' });
    expect(await again.nothingWithin(1_500)).toBe(true);
    again.close();

    const leader = ts.system.token('LEADER', { principalId: 'leader-notice' });
    const list = await ts.system.gql(leader, '{ notifications { edges { node { petitionId kind } } unreadCount } }');
    expect(list.data.notifications).toEqual({
      edges: [{ node: { petitionId: id, kind: 'ESCALATED' } }],
      unreadCount: 1,
    });
  });

  it('a subscription needs a token', async () => {
    const response = await fetch(first.url, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ query: ADDED }),
    });
    const text = await response.text();
    expect(text).toContain('UNAUTHENTICATED');
  });
});
