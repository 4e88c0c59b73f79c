/**
 * The record of notices leaving the system (db/deliveries.ts) on both dialects, with the same statements: an
 * attempt is counted before its send and never counts down, a failure says why, the first success stands, and
 * nothing written after it — a retry that lost the race, a late failure — changes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadModel } from '../../db/connection';
import { deliveryOf, recordAttempt, recordFailure, recordSent } from '../../db/deliveries';
import { pgOperations } from '../../db/pg/read-model';
import type { ReadModel } from '../../db/read-model';
import { freshPgReadModel, type PgHarness } from '../support/postgres';

let pg: PgHarness;
const dialects: Record<string, ReadModel> = {};
beforeAll(async () => {
  pg = await freshPgReadModel();
  dialects.postgres = pgOperations(pg.db);
  dialects.sqlite = openReadModel(':memory:');
});
afterAll(async () => {
  await dialects.sqlite?.close();
  await pg?.close();
});

const T = Date.parse('2026-03-11T07:00:00+08:00');

describe.each(['sqlite', 'postgres'])('notification deliveries on %s', (dialect) => {
  it('counts attempts, keeps the last error, and sets sentAt once', async () => {
    const db = dialects[dialect]!;
    const key = { petitionId: 'XF-1', seq: 7, recipient: 'UNIT:U-FT-01', channel: '福田区' };
    expect(await deliveryOf(db, key)).toBeUndefined();

    await recordAttempt(db, key, { kind: 'URGED', attempt: 1, heldUntil: T, now: T + 1 });
    await recordFailure(db, key, { error: 'robot answered HTTP 500', now: T + 2 });
    await recordAttempt(db, key, { kind: 'URGED', attempt: 2, heldUntil: T, now: T + 1_000 });
    // An attempt heard of late (attempts finishing out of order) does not count down.
    await recordAttempt(db, key, { kind: 'URGED', attempt: 1, heldUntil: T, now: T + 1_001 });
    expect(await deliveryOf(db, key)).toEqual({
      ...key,
      kind: 'URGED',
      attempts: 2,
      lastError: 'robot answered HTTP 500',
      heldUntil: T,
      sentAt: null,
      messageId: null,
    });

    await recordSent(db, key, { now: T + 2_000, messageId: 'gw-1' });
    // After the channel took it, nothing changes the record: not a late failure, a later attempt or send.
    await recordFailure(db, key, { error: 'send failed: AbortError', now: T + 3_000 });
    await recordAttempt(db, key, { kind: 'URGED', attempt: 3, heldUntil: null, now: T + 3_000 });
    await recordSent(db, key, { now: T + 4_000, messageId: 'gw-2' });
    expect(await deliveryOf(db, key)).toEqual({
      ...key,
      kind: 'URGED',
      attempts: 2,
      lastError: null,
      heldUntil: T,
      sentAt: T + 2_000,
      messageId: 'gw-1',
    });
  });

  it('keeps each channel of a notice apart', async () => {
    const db = dialects[dialect]!;
    const robot = { petitionId: 'XF-2', seq: 3, recipient: 'ROLE:SUPERVISOR', channel: '督办群' };
    const other = { ...robot, channel: '市局群' };
    await recordAttempt(db, robot, { kind: 'OVERDUE', attempt: 1, heldUntil: null, now: T });
    await recordAttempt(db, other, { kind: 'OVERDUE', attempt: 1, heldUntil: null, now: T });
    await recordSent(db, robot, { now: T + 10, messageId: null });
    expect((await deliveryOf(db, robot))?.sentAt).toBe(T + 10);
    expect((await deliveryOf(db, other))?.sentAt).toBeNull();
  });
});
