/**
 * Notices (通知) on a real SQLite read model, written by the real projection activity from petitions moved by the
 * real state machine, and read through the real GraphQL API: who is told of what, once however often a change is
 * projected, each principal's own read marks, and never a word to an accusation's accused unit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectionActivities, type PetitionChange } from '../../activities/projection-activities';
import { errorCode, okData } from '../support/graphql';
import { openReadModelHarness, type PetitionFixture, type ReadModelHarness } from '../support/read-model';

const A = 'U-FT-01';
const B = 'U-FT-02';
const LIST = `query($unread: Boolean, $first: Int, $after: String) {
  notifications(unread: $unread, first: $first, after: $after) {
    edges { cursor node { id petitionId kind message at read } }
    pageInfo { hasNextPage endCursor }
    unreadCount
  }
}`;
const MARK = `mutation($ids: [ID!]!) {
  markNotificationsRead(ids: $ids) { notifications { id read } unreadCount }
}`;

let rm: ReadModelHarness;
/** The last sequence each petition projected, as the workflow keeps it. */
let projected: Map<string, number>;

beforeEach(() => {
  rm = openReadModelHarness();
  projected = new Map();
});
afterEach(() => rm.close());

/** Projects the petition's new events as the workflow's local activity does; answers the change it sent. */
async function project(p: PetitionFixture): Promise<PetitionChange> {
  const { timeline, ...state } = p.state;
  const change = {
    workflowId: `petition-${p.id}`,
    state,
    events: timeline.filter((e) => e.seq > (projected.get(p.id) ?? 0)),
  };
  await createProjectionActivities(rm.db).projectPetitionChange(change);
  projected.set(p.id, p.state.lastSeq);
  return change;
}

function recipients(petitionId: string) {
  return rm.db.$client
    .prepare('SELECT seq, kind, recipient FROM notifications WHERE petition_id = ? ORDER BY seq, recipient')
    .all(petitionId) as { seq: number; kind: string; recipient: string }[];
}

async function list(token: string, variables: Record<string, unknown> = {}) {
  return okData(await rm.gql(token, LIST, variables)).notifications;
}

const kindsOf = (connection: { edges: { node: { petitionId: string; kind: string } }[] }, petitionId: string) =>
  connection.edges.filter((e) => e.node.petitionId === petitionId).map((e) => e.node.kind);

describe('who is told', () => {
  it('a 督办 reaches the unit, an escalation its leader and the unit, an overdue case the supervisors and the unit', async () => {
    const p = rm.petition({ received: '2026-03-02', petitioner: '王某某', summary: '王某某家门口积水' });
    p.accept('2026-03-03', A);
    await project(p);
    p.urge('2026-03-10', '王某某反映的问题请尽快处理');
    await project(p);
    p.escalate('2026-03-11', 'leader-zhang');
    await project(p);
    p.tick('2026-06-20');
    await project(p);
    const rows = recipients(p.id);
    const urged = rows.filter((r) => r.kind === 'URGED');
    // The supervisor's own 督办 goes to the unit; the automatic one at overdue to the supervisors as well.
    expect(urged[0]).toMatchObject({ recipient: `UNIT:${A}` });
    expect(rows.filter((r) => r.seq === urged[0]!.seq)).toHaveLength(1);
    expect(rows.filter((r) => r.kind === 'ESCALATED').map((r) => r.recipient)).toEqual([
      'PRINCIPAL:leader-zhang',
      `UNIT:${A}`,
    ]);
    expect(rows.filter((r) => r.kind === 'OVERDUE').map((r) => r.recipient)).toEqual(['ROLE:SUPERVISOR', `UNIT:${A}`]);
    expect(rows.filter((r) => r.kind === 'URGE_OVERDUE').map((r) => r.recipient)).toEqual([
      'ROLE:SUPERVISOR',
      `UNIT:${A}`,
    ]);

    const handler = rm.token('UNIT_HANDLER', A);
    const head = rm.token('UNIT_HEAD', A);
    const otherUnit = rm.token('UNIT_HANDLER', B);
    const supervisor = rm.token('SUPERVISOR');
    const leader = rm.token('LEADER', undefined, { principalId: 'leader-zhang' });
    const otherLeader = rm.token('LEADER', undefined, { principalId: 'leader-li' });
    const registrar = rm.token('REGISTRAR');
    expect(kindsOf(await list(handler), p.id)).toContain('URGED');
    expect(kindsOf(await list(head), p.id)).toEqual(kindsOf(await list(handler), p.id));
    expect(kindsOf(await list(otherUnit), p.id)).toEqual([]);
    expect(kindsOf(await list(leader), p.id)).toEqual(['ESCALATED']);
    expect(kindsOf(await list(otherLeader), p.id)).toEqual([]);
    expect(kindsOf(await list(supervisor), p.id)).not.toContain('ESCALATED');
    expect(kindsOf(await list(supervisor), p.id)).toContain('OVERDUE');
    expect(kindsOf(await list(registrar), p.id)).toEqual([]);

    // Neither the petitioner's name nor the summary, nor the supervisor's own words, are in any notice.
    for (const token of [handler, supervisor, leader]) {
      for (const { node } of (await list(token)).edges) {
        expect(node.message).toContain(p.id);
        expect(node.message).not.toMatch(/王某某|积水/);
      }
    }
  });

  it('an objection reaches the registrars, and their decision the unit that raised it', async () => {
    const registrar = rm.token('REGISTRAR');
    const handler = rm.token('UNIT_HANDLER', A);
    const p = rm.petition({ received: '2026-03-02' }).route('2026-03-03', A);
    await project(p);
    p.object('2026-03-04');
    await project(p);
    p.decideObjection('2026-03-05', false);
    await project(p);
    const rows = recipients(p.id).filter((r) => r.kind.startsWith('OBJECTION'));
    expect(rows.map((r) => [r.kind, r.recipient])).toEqual([
      ['OBJECTION_RAISED', 'ROLE:REGISTRAR'],
      ['OBJECTION_REFUSED', `UNIT:${A}`],
    ]);
    expect(kindsOf(await list(registrar), p.id)).toEqual(['OBJECTION_RAISED']);
    expect(kindsOf(await list(handler), p.id)).toEqual(['OBJECTION_REFUSED']);
  });
});

describe('delivered once', () => {
  it('a change projected again, or by a rebuild, writes no second notice', async () => {
    const p = rm.petition({ received: '2026-03-02' }).accept('2026-03-03', A);
    await project(p);
    p.urge('2026-03-10').escalate('2026-03-11', 'leader-zhang');
    const change = await project(p);
    const once = recipients(p.id);
    expect(once.length).toBe(3);
    const activities = createProjectionActivities(rm.db);
    await activities.projectPetitionChange(change);
    await activities.projectPetitionChange(change);
    expect(recipients(p.id)).toEqual(once);
    const ids = rm.db.$client.prepare('SELECT id FROM notifications ORDER BY id').all();
    expect(ids).toHaveLength(3);
  });
});

describe('read marks', () => {
  it('are each principal’s own: one handler reading leaves the other’s unread', async () => {
    const p = rm.petition({ received: '2026-03-02' }).accept('2026-03-03', A);
    await project(p);
    p.urge('2026-03-10');
    await project(p);
    p.urge('2026-03-12', '再次督办');
    await project(p);
    const first = rm.token('UNIT_HANDLER', A);
    const second = rm.token('UNIT_HANDLER', A);
    const supervisor = rm.token('SUPERVISOR');
    const before = await list(first);
    expect(before.unreadCount).toBe(2);
    const [newest, oldest] = before.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(Number(newest)).toBeGreaterThan(Number(oldest));

    // Someone else's notice cannot be marked: the supervisor is not told of a manual 督办.
    const foreign = okData(await rm.gql(supervisor, MARK, { ids: [oldest] })).markNotificationsRead;
    expect(foreign).toEqual({ notifications: [], unreadCount: 0 });
    expect((await list(first)).unreadCount).toBe(2);

    const marked = okData(await rm.gql(first, MARK, { ids: [oldest, oldest] })).markNotificationsRead;
    expect(marked).toEqual({ notifications: [{ id: oldest, read: true }], unreadCount: 1 });
    const unread = await list(first, { unread: true });
    expect(unread.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([newest]);
    expect((await list(first)).edges.map((e: { node: { read: boolean } }) => e.node.read)).toEqual([false, true]);
    expect((await list(second)).unreadCount).toBe(2);

    // A page after the first: newest first, by cursor.
    const page = await list(second, { first: 1 });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await list(second, { first: 1, after: page.pageInfo.endCursor });
    expect(next.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([oldest]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses what is not a notification id, and a caller without a token', async () => {
    const handler = rm.token('UNIT_HANDLER', A);
    const bad = await rm.gql(handler, MARK, { ids: ['1; DROP TABLE notifications'] });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.field).toBe('ids');
    expect(errorCode(await rm.gql(handler, LIST, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    const anonymous = await (await rm.gqlRaw(null, JSON.stringify({ query: LIST }))).json();
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });
});

describe('an accusation (Art. 30 ¶3)', () => {
  it('is never told to the unit it accuses, even one that holds it', async () => {
    // Accepted at the accused unit itself, as the API allowed before it refused that.
    const p = rm.petition({ received: '2026-03-02', category: 'ACCUSATION', respondentUnitId: B });
    p.accept('2026-03-03', B);
    await project(p);
    p.urge('2026-03-10').escalate('2026-03-11', 'leader-zhang').tick('2026-06-20');
    await project(p);
    const rows = recipients(p.id);
    // The 督办 is the unit's alone, so nobody hears of it; its going overdue, and the escalation, others do.
    expect(p.state.timeline.map((e) => e.type)).toContain('URGED');
    expect(rows.map((r) => [r.kind, r.recipient])).toEqual([
      ['ESCALATED', 'PRINCIPAL:leader-zhang'],
      ['URGE_OVERDUE', 'ROLE:SUPERVISOR'],
    ]);
    expect(rows.filter((r) => r.recipient === `UNIT:${B}`)).toEqual([]);
    // Its own claim reaches it, so the unit's list is not merely empty.
    const claim = rm.petition({ received: '2026-03-02' }).accept('2026-03-03', B);
    await project(claim);
    claim.urge('2026-03-10');
    await project(claim);
    for (const role of ['UNIT_HANDLER', 'UNIT_HEAD'] as const) {
      const seen = await list(rm.token(role, B));
      expect(kindsOf(seen, claim.id)).toEqual(['URGED']);
      expect(JSON.stringify(seen)).not.toContain(p.id);
    }
    expect(kindsOf(await list(rm.token('SUPERVISOR')), p.id)).toEqual(['URGE_OVERDUE']);
    expect(kindsOf(await list(rm.token('LEADER', undefined, { principalId: 'leader-zhang' })), p.id)).toEqual([
      'ESCALATED',
    ]);
  });

  it('is left out of the accused unit’s list even where a row was addressed to it', async () => {
    const p = rm.petition({ received: '2026-03-02', category: 'ACCUSATION', respondentUnitId: B });
    p.accept('2026-03-03', A);
    await project(p);
    rm.db.$client
      .prepare(
        `INSERT INTO notifications (petition_id, seq, recipient, kind, message, created_at) VALUES (?, 1, ?, 'URGED', 'x', 0)`,
      )
      .run(p.id, `UNIT:${B}`);
    const handler = rm.token('UNIT_HANDLER', B);
    expect((await list(handler)).edges).toEqual([]);
    const [row] = rm.db.$client.prepare('SELECT id FROM notifications').all() as { id: number }[];
    expect(okData(await rm.gql(handler, MARK, { ids: [String(row!.id)] })).markNotificationsRead.notifications).toEqual(
      [],
    );
  });
});
