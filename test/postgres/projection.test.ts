/**
 * The PostgreSQL projection writes what SQLite's does: the same petitions projected into both read models give
 * the same rows, a repeated or older projection changes nothing, and search finds the same petitions.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchExpression } from '../../db/search-tokens';
import { projectPetitionStatePg } from '../../db/pg/projection';
import { searchCondition } from '../../db/pg/search';
import { openReadModelHarness, type ReadModelHarness } from '../support/read-model';
import { freshPgReadModel, type PgHarness } from '../support/postgres';

let sqlite: ReadModelHarness;
let pg: PgHarness;
const NOW = Date.parse('2026-06-01T10:00:00+08:00');

beforeAll(async () => {
  sqlite = openReadModelHarness();
  pg = await freshPgReadModel();
});
afterAll(async () => {
  sqlite.close();
  await pg.close();
});

const petitionsOf = async () =>
  (
    await pg.db.$client.query(
      'SELECT id, status, unit_id, last_seq, repeated_at, overdue, is_repeat FROM petitions ORDER BY id',
    )
  ).rows.map((r) => ({ ...r, repeated_at: r.repeated_at === null ? null : Number(r.repeated_at) }));

describe('the projection on PostgreSQL', () => {
  it('writes the rows SQLite writes, once, and ignores an older snapshot', async () => {
    const first = sqlite.petition({
      received: '2026-03-02',
      summary: '小区加装电梯',
      content: '幼儿园 乱收费',
      respondentUnitId: 'U-FT-01',
    });
    const older = structuredClone(first.state);
    first.route('2026-03-03', 'U-FT-01').accept('2026-03-04').reply('2026-03-20');
    const repeat = sqlite.petition({
      received: '2026-04-01',
      summary: '电梯',
      petitioner: first.state.petitioner.name,
      respondentUnitId: 'U-FT-01',
      repeatOf: first,
    });
    for (const f of [first, repeat]) {
      f.project(NOW);
      await projectPetitionStatePg(pg.db, `petition-${f.id}`, f.state, f.state.timeline, NOW);
      await projectPetitionStatePg(pg.db, `petition-${f.id}`, f.state, f.state.timeline, NOW);
    }
    await projectPetitionStatePg(pg.db, `petition-${first.id}`, older, older.timeline, NOW);
    const expected = sqlite.db.$client
      .prepare('SELECT id, status, unit_id, last_seq, repeated_at, overdue, is_repeat FROM petitions ORDER BY id')
      .all()
      .map((r: any) => ({ ...r, overdue: r.overdue === 1, is_repeat: r.is_repeat === 1 }));
    expect(await petitionsOf()).toEqual(expected);
    const count = async (table: string) =>
      Number((await pg.db.$client.query(`SELECT count(*) n FROM ${table}`)).rows[0].n);
    const sqliteCount = (table: string) =>
      (sqlite.db.$client.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
    for (const table of ['petition_events', 'petition_deadlines', 'petition_search']) {
      expect(await count(table)).toBe(sqliteCount(table));
    }
  });

  it('finds by search what FTS5 finds', async () => {
    for (const words of ['加装电梯', '电梯', '梯', '乱收费 幼儿园', '加装 电梯', '装电梯小区']) {
      const fts = sqlite.db.$client
        .prepare(
          'SELECT p.id FROM petition_search s JOIN petitions p ON p.num = s.rowid WHERE petition_search MATCH ? ORDER BY p.id',
        )
        .all(matchExpression(words)!)
        .map((r: any) => r.id);
      const found = await pg.db.execute(
        sql`SELECT p.id FROM petition_search JOIN petitions p ON p.num = petition_search.num
            WHERE ${searchCondition(words)!} ORDER BY p.id`,
      );
      expect(
        found.rows.map((r: any) => r.id),
        words,
      ).toEqual(fts);
    }
  });
});
