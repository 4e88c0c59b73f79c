/**
 * The read model's operations on PostgreSQL (db/pg/read-model.ts) answer what SQLite's answer: statements written
 * once over db/schema.ts, numbers where node-postgres would give strings, notifications written once, an older panel
 * ignored, holiday notices stored with the same revisions and the same answers — and, where SQLite cannot race,
 * two publications of one year at once still number their revisions one after the other.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadModel } from '../../db/connection';
import { recordFanOut } from '../../db/holiday-calendars';
import { openConfiguredReadModel } from '../../db/open-read-model';
import { pgOperations } from '../../db/pg/read-model';
import { flag, type ReadModel } from '../../db/read-model';
import { notifications } from '../../db/schema';
import type { CalendarYear } from '../../domain/calendar';
import { closePanel, recordVote, type PanelState } from '../../domain/evaluation';
import type { TimelineEvent } from '../../domain/petition';
import { noticesOf } from '../../domain/petition/notices';
import { SEED_NOTICES } from '../../domain/seed-notices';
import { freshPgReadModel, type PgHarness } from '../support/postgres';

const NOW = Date.parse('2026-06-01T10:00:00+08:00');
let pgHarness: PgHarness;
let sqlite: ReadModel;
let postgres: ReadModel;

beforeAll(async () => {
  sqlite = openReadModel(':memory:');
  pgHarness = await freshPgReadModel();
  postgres = pgOperations(pgHarness.db);
});
afterAll(async () => {
  await sqlite.close();
  await pgHarness.close();
});

const event = (seq: number, type: string, data: TimelineEvent['data'] = {}): TimelineEvent => ({
  seq,
  type,
  at: NOW + seq * 60_000,
  actor: null,
  note: null,
  data,
});

describe('statements on PostgreSQL', () => {
  it('renders drizzle sql over the SQLite schema with numbered placeholders', () => {
    const statement = postgres.compile(
      sql`SELECT seq FROM ${notifications} WHERE ${notifications.petitionId} = ${'P-1'} AND seq > ${2}`,
    );
    expect(statement).toEqual({
      text: 'SELECT seq FROM "notifications" WHERE "notifications"."petition_id" = $1 AND seq > $2',
      params: ['P-1', 2],
    });
    expect(sqlite.compile(sql`SELECT seq FROM ${notifications} WHERE seq > ${2}`).text).toBe(
      'SELECT seq FROM "notifications" WHERE seq > ?',
    );
  });

  it('writes notices once, and answers counts, sums and instants as numbers, as SQLite does', async () => {
    const facts = { petitionId: 'P-OUTBOX', actingUnitId: null, accusedUnitId: null };
    const notices = noticesOf(facts, [event(3, 'URGED', { kind: 'REMINDER', unitId: 'U-1' }), event(4, 'OVERDUE')]);
    for (const db of [sqlite, postgres]) {
      await db.writeNotifications(notices);
      await db.writeNotifications(notices);
    }
    const listed = sql`SELECT seq, recipient, kind, message, created_at, count(*) OVER () AS n FROM ${notifications}
      WHERE ${notifications.petitionId} = ${'P-OUTBOX'} ORDER BY seq, recipient`;
    const rows = await postgres.rows(listed);
    const row = (seq: number, recipient: string, kind: string, message: string) => ({
      seq,
      recipient,
      kind,
      message: `信访事项 P-OUTBOX ${message}`,
      created_at: NOW + seq * 60_000,
      n: 4,
    });
    expect(rows).toEqual([
      row(3, 'ROLE:SUPERVISOR', 'URGED', '期限将至，已自动催办'),
      row(3, 'UNIT:U-1', 'URGED', '期限将至，已自动催办'),
      row(4, 'ROLE:REGISTRAR', 'OVERDUE', '已超期'),
      row(4, 'ROLE:SUPERVISOR', 'OVERDUE', '已超期'),
    ]);
    expect(rows).toEqual(await sqlite.rows(listed));

    // sum() of a bigint is a numeric on PostgreSQL, count() an int8: both strings as node-postgres answers them.
    const totals = sql`SELECT sum(created_at) AS total, count(*) AS n, max(created_at) AS latest FROM ${notifications}`;
    const expected = { total: 4 * NOW + 840_000, n: 4, latest: NOW + 240_000 };
    expect(await postgres.row(totals)).toEqual(expected);
    expect(await postgres.row(postgres.compile(totals))).toEqual(expected);
    expect(await sqlite.row(totals)).toEqual(expected);
    expect(await postgres.row(sql`SELECT 1 AS one WHERE false`)).toBeUndefined();

    const rename = sql`UPDATE ${notifications} SET message = ${'x'} WHERE message <> ${'x'} AND seq = ${3}`;
    expect([await postgres.exec(rename), await sqlite.exec(rename)]).toEqual([2, 2]);
    expect([await postgres.exec(rename), await sqlite.exec(rename)]).toEqual([0, 0]);
  });
});

describe('panels on PostgreSQL', () => {
  const opened: PanelState = {
    panelId: 'PANEL-1',
    title: '2026年第二季度评议',
    members: [
      { memberId: 'M-1', name: '张委员', kind: 'NPC_DEPUTY' },
      { memberId: 'M-2', name: '李律师', kind: 'LAWYER' },
    ],
    petitionIds: ['P-1', 'P-2'],
    quorum: 1,
    convenedAt: NOW,
    convenedBy: 'supervisor-1',
    deadlineAt: NOW + 7 * 86_400_000,
    status: 'OPEN',
    votes: [],
    present: ['M-2'],
    results: [],
    closedAt: null,
    version: 1,
  };
  const voted = recordVote(opened, { memberId: 'M-1', petitionId: 'P-1', verdict: 'SATISFIED', comment: '好' }, NOW);
  const closed = closePanel(voted, NOW + 3_600_000);

  /** Every row of the panel's tables, flags read the same on both. */
  async function panelRows(db: ReadModel) {
    const all = async (query: SQL) =>
      (await db.rows(query)).map((row): Record<string, unknown> => ({
        ...row,
        ...('attended' in row ? { attended: flag(row.attended), present: flag(row.present) } : {}),
      }));
    return {
      panels: await all(sql`SELECT * FROM panels ORDER BY id`),
      members: await all(sql`SELECT * FROM panel_members ORDER BY panel_id, member_id`),
      cases: await all(sql`SELECT * FROM panel_cases ORDER BY panel_id, petition_id`),
      evaluations: await all(sql`SELECT * FROM evaluations ORDER BY panel_id, member_id, petition_id`),
    };
  }

  it('keeps the newest version, and an older one arriving late changes nothing', async () => {
    for (const db of [sqlite, postgres]) {
      await db.projectPanel(opened);
      await db.projectPanel(closed);
      await db.projectPanel(voted);
      await db.projectPanel(opened);
    }
    const rows = await panelRows(postgres);
    expect(rows.panels).toEqual([
      expect.objectContaining({ status: 'CLOSED', version: 3, closed_at: NOW + 3_600_000 }),
    ]);
    expect(rows.members.map((m) => [m.member_id, m.attended, m.present])).toEqual([
      ['M-1', true, true],
      ['M-2', false, true],
    ]);
    expect(rows.cases.map((c) => [c.petition_id, c.verdict, c.votes])).toEqual([
      ['P-1', 'SATISFIED', 1],
      ['P-2', null, 0],
    ]);
    expect(rows.evaluations).toHaveLength(1);
    expect(rows).toEqual(await panelRows(sqlite));
  });
});

describe('holiday notices on PostgreSQL', () => {
  const seeded = SEED_NOTICES.find((n) => n.year === 2026)!;
  const corrected: CalendarYear = {
    ...seeded,
    source: `${seeded.source}（更正）`,
    holidays: [...seeded.holidays].slice(1),
  };

  it('stores what SQLite stores: unchanged keeps the revision, changed bumps it and names the fan-out it replaces', async () => {
    const answers = async (db: ReadModel) => [
      await db.storeNotice(seeded, 'bureau-1', NOW),
      await db.storeNotice(corrected, 'bureau-1', NOW + 1),
      await recordFanOut(db, 2026, 2, 'fan-out-2'),
      await db.storeNotice(corrected, 'bureau-2', NOW + 2),
      await db.storeNotice(seeded, 'bureau-2', NOW + 3),
      await db.storeNotice({ ...seeded, year: 2027 }, 'bureau-3', NOW + 4),
    ];
    const [unchanged, changed, , again, back, fresh] = await answers(postgres);
    expect(unchanged).toMatchObject({ changed: false, supersededFanOutId: null });
    expect(unchanged!.row).toMatchObject({ revision: 1, publishedAt: null, publishedBy: null });
    expect(changed).toMatchObject({ changed: true, supersededFanOutId: null });
    expect(changed!.row).toMatchObject({ revision: 2, publishedAt: NOW + 1, publishedBy: 'bureau-1', fanOutId: null });
    expect(again).toMatchObject({ changed: false, row: { revision: 2, publishedAt: NOW + 1, fanOutId: 'fan-out-2' } });
    expect(back).toMatchObject({ changed: true, supersededFanOutId: 'fan-out-2', row: { revision: 3 } });
    expect(fresh).toMatchObject({ changed: true, supersededFanOutId: null, row: { year: 2027, revision: 1 } });
    expect(await answers(sqlite)).toEqual([unchanged, changed, undefined, again, back, fresh]);
  });

  it('numbers the revisions of one year published from several connections at once one after the other', async () => {
    // A year without a row (the advisory lock), then with one (the row's lock).
    for (const round of [0, 1]) {
      const notices = [1, 2, 3, 4, 5, 6].map((n) => ({ ...seeded, year: 2030, source: `第${round * 6 + n}版` }));
      // Connections opened beforehand, so that the transactions run side by side rather than one per new connection.
      await Promise.all(notices.map(() => postgres.exec(sql`SELECT pg_sleep(0.05)`)));
      const stored = await Promise.all(notices.map((notice) => postgres.storeNotice(notice, 'bureau-1', NOW)));
      const revisions = [1, 2, 3, 4, 5, 6].map((n) => round * 6 + n);
      expect(stored.map((s) => s.row.revision).sort((a, b) => a - b)).toEqual(revisions);
      expect(stored.every((s) => s.changed)).toBe(true);
      const last = stored.find((s) => s.row.revision === revisions.at(-1))!;
      expect(await postgres.row(sql`SELECT source, revision FROM holiday_calendars WHERE year = 2030`)).toEqual({
        source: last.row.source,
        revision: revisions.at(-1),
      });
    }
  });
});

describe('openConfiguredReadModel', () => {
  it('opens PostgreSQL for a postgres:// DATABASE_URL, the SQLite file otherwise, and refuses any other URL', async () => {
    const onPg = await openConfiguredReadModel({ DATABASE_URL: pgHarness.url });
    expect(onPg.engine).toBe('postgres');
    expect(await onPg.row(sql`SELECT count(*) AS n FROM holiday_calendars WHERE year = 2030`)).toEqual({ n: 1 });
    await onPg.close();

    const dir = mkdtempSync(join(tmpdir(), 'fengqiao-open-'));
    try {
      const file = join(dir, 'read-model.db');
      const onFile = await openConfiguredReadModel({ FENGQIAO_DB: file });
      expect(onFile.engine).toBe('sqlite');
      await onFile.close();
      expect(existsSync(file)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await expect(openConfiguredReadModel({ DATABASE_URL: 'mysql://localhost/fengqiao' })).rejects.toThrow(
      /postgres:\/\//,
    );
  });
});
