/**
 * Notices on PostgreSQL, as on SQLite (test/unit/notifications.test.ts): the projection activity writes them once
 * per recipient, the API's reads answer each principal its own with its own read marks, the accused unit hears
 * nothing of an accusation — and, where writers really run at once, a reader following ids misses none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectionActivities } from '../../activities/projection-activities';
import { noticesOf } from '../../domain/petition/notices';
import { okData } from '../support/graphql';
import { openPgReadModelHarness, type PgReadModelHarness, type ProjectedPetition } from '../support/pg-read-model';

const A = 'U-FT-01';
const B = 'U-FT-02';
const LIST = '{ notifications(first: 100) { edges { node { id petitionId kind read } } unreadCount } }';
const MARK = 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { notifications { id read } unreadCount } }';

let h: PgReadModelHarness;
beforeAll(async () => {
  h = await openPgReadModelHarness();
});
afterAll(async () => h.close());

const projected = new Map<string, number>();
async function project(p: ProjectedPetition) {
  const { timeline, ...state } = p.state;
  const events = timeline.filter((e) => e.seq > (projected.get(p.id) ?? 0));
  const change = { workflowId: `petition-${p.id}`, state, events };
  await createProjectionActivities(h.db).projectPetitionChange(change);
  await createProjectionActivities(h.db).projectPetitionChange(change);
  projected.set(p.id, p.state.lastSeq);
}

const recipients = async (petitionId: string) =>
  (
    await h.pg.db.$client.query(
      'SELECT kind, recipient FROM notifications WHERE petition_id = $1 ORDER BY seq, recipient',
      [petitionId],
    )
  ).rows;

describe('notifications on PostgreSQL', () => {
  it('addresses, lists and marks as SQLite does, once per recipient', async () => {
    const p = h.petition({ received: '2026-03-02' }).accept('2026-03-03', A);
    await project(p);
    p.urge('2026-03-10').escalate('2026-03-11', 'leader-pg');
    await project(p);
    expect(await recipients(p.id)).toEqual([
      { kind: 'URGED', recipient: `UNIT:${A}` },
      { kind: 'ESCALATED', recipient: 'PRINCIPAL:leader-pg' },
      { kind: 'ESCALATED', recipient: `UNIT:${A}` },
    ]);
    const first = await h.token('UNIT_HANDLER', A);
    const second = await h.token('UNIT_HEAD', A);
    const leader = await h.token('LEADER', undefined, { principalId: 'leader-pg' });
    const mine = okData(await h.gql(first, LIST)).notifications;
    expect(mine.edges.map((e: any) => e.node.kind)).toEqual(['ESCALATED', 'URGED']);
    expect(mine.unreadCount).toBe(2);
    const marked = okData(await h.gql(first, MARK, { ids: [mine.edges[1].node.id] })).markNotificationsRead;
    expect(marked).toEqual({ notifications: [{ id: mine.edges[1].node.id, read: true }], unreadCount: 1 });
    expect(okData(await h.gql(first, LIST)).notifications.edges.map((e: any) => e.node.read)).toEqual([false, true]);
    expect(okData(await h.gql(second, LIST)).notifications.unreadCount).toBe(2);
    expect(okData(await h.gql(leader, LIST)).notifications.edges.map((e: any) => e.node.kind)).toEqual(['ESCALATED']);
    // The leader may not mark the unit's notice.
    expect(okData(await h.gql(leader, MARK, { ids: [mine.edges[1].node.id] })).markNotificationsRead).toEqual({
      notifications: [],
      unreadCount: 1,
    });
  });

  it('tells the accused unit nothing of an accusation it holds', async () => {
    const p = h
      .petition({ received: '2026-03-02', category: 'ACCUSATION', respondentUnitId: B })
      .accept('2026-03-03', B);
    await project(p);
    p.urge('2026-03-10').escalate('2026-03-11', 'leader-pg');
    await project(p);
    expect((await recipients(p.id)).filter((r) => r.recipient === `UNIT:${B}`)).toEqual([]);
    const accused = await h.token('UNIT_HANDLER', B);
    expect(JSON.stringify(okData(await h.gql(accused, LIST)))).not.toContain(p.id);
  });

  it('commits ids in their order while writers race, so a reader following ids misses none', async () => {
    const facts = (i: number) => ({ petitionId: `P-RACE-${i}`, actingUnitId: A, accusedUnitId: null });
    const urged = (i: number) => ({ seq: 1, type: 'URGED', at: i, actor: null, note: null, data: { kind: 'MANUAL' } });
    const seen = new Set<number>();
    let cursor = 0;
    let writing = true;
    const reader = (async () => {
      while (
        writing ||
        cursor < Number((await h.pg.db.$client.query('SELECT max(id) AS m FROM notifications')).rows[0].m)
      ) {
        const { rows } = await h.pg.db.$client.query('SELECT id FROM notifications WHERE id > $1 ORDER BY id', [
          cursor,
        ]);
        for (const row of rows) {
          seen.add(Number(row.id));
          cursor = Number(row.id);
        }
      }
    })();
    await Promise.all(Array.from({ length: 60 }, (_, i) => h.db.writeNotifications(noticesOf(facts(i), [urged(i)]))));
    writing = false;
    await reader;
    const all = (await h.pg.db.$client.query("SELECT id FROM notifications WHERE petition_id LIKE 'P-RACE-%'")).rows;
    expect(all).toHaveLength(60);
    for (const row of all) expect(seen.has(Number(row.id))).toBe(true);
  });
});
