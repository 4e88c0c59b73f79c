/**
 * Projection idempotence on PostgreSQL, table for table against SQLite: the same petitions projected into both
 * through `ReadModel.projectPetition` — each state twice, an older one arriving late, a change carrying only its
 * new events, repeats linking back to earlier petitions — leave the same rows in every table, row numbers
 * included (the keyset's tiebreak), and projecting it all once more changes nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../../db/read-model';
import type { PetitionState } from '../../domain/petition';
import { dayAfter, UNITS } from '../support/parity-city';
import { openParity, type Parity, type TwinPetition } from '../support/parity';

let parity: Parity;
beforeAll(async () => {
  parity = await openParity();
});
afterAll(() => parity.close());

/** A flag as SQLite stores it, so that both dialects' rows compare. */
const plain = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v]));

/** Every table a petition's projection writes, in a stable order, without the write's own clock (`updated_at`). */
async function tables(db: ReadModel) {
  const all = async (query: ReturnType<typeof sql>) => (await db.rows<Record<string, unknown>>(query)).map(plain);
  return {
    petitions: (await all(sql`SELECT * FROM petitions ORDER BY num`)).map(({ updated_at: _, ...row }) => row),
    events: await all(sql`SELECT * FROM petition_events ORDER BY petition_id, seq`),
    deadlines: await all(sql`SELECT * FROM petition_deadlines ORDER BY petition_id, ordinal`),
    ratings: await all(sql`SELECT * FROM petition_ratings ORDER BY petition_id, ordinal`),
    appeals: await all(sql`SELECT * FROM petition_appeals ORDER BY petition_id, level`),
    urges: await all(sql`SELECT * FROM petition_urges ORDER BY petition_id, id`),
    statisticsDays: await all(sql`SELECT * FROM statistics_days ORDER BY day, unit_id`),
    // SQLite's index is contentless: compare which rows are indexed.
    search: await all(
      db.engine === 'postgres'
        ? sql`SELECT num FROM petition_search ORDER BY num`
        : sql`SELECT rowid AS num FROM petition_search ORDER BY rowid`,
    ),
  };
}

/** Projects a state into both, as the given events (the whole timeline unless said). */
async function project(p: TwinPetition, state: PetitionState, events = state.timeline) {
  for (const { db } of [parity.sqlite, parity.pg]) await db.projectPetition(`petition-${p.id}`, state, events);
}

describe('the projection, table for table', () => {
  it('each state twice, older states late and changes with their new events only leave the same rows', async () => {
    const petitions: TwinPetition[] = [];
    for (let i = 0; i < 18; i += 1) {
      const received = dayAfter('2026-02-01', i * 5, 9 + (i % 8));
      const unit = UNITS[i % UNITS.length]!;
      const p = parity.petition({
        received,
        petitioner: `信访人${i % 6}`,
        respondentUnitId: UNITS[i % 2],
        summary: ['小区加装电梯', '拖欠工资', '噪音扰民'][i % 3],
      });
      petitions.push(p);
      const registered = p.state;
      await project(p, registered);
      p.accept(dayAfter(received.slice(0, 10), 1), unit);
      const accepted = p.state;
      if (i % 3 === 0) p.urge(dayAfter(received.slice(0, 10), 5));
      if (i % 2) p.reply(dayAfter(received.slice(0, 10), 10)).rate(dayAfter(received.slice(0, 10), 11), 'SATISFIED');
      if (i % 4 === 1) p.appeal(dayAfter(received.slice(0, 10), 12));
      // The local activity's way: the new events only; then the regular one's, with the whole timeline, twice.
      await project(p, p.state, p.state.timeline.slice(registered.lastSeq));
      await project(p, p.state);
      await project(p, p.state);
      // An older snapshot's retry arriving late.
      await project(p, accepted);
      await project(p, registered);
    }
    const once = await tables(parity.sqlite.db);
    expect(once.petitions).toHaveLength(18);
    expect(once.petitions.map((row) => row.num)).toEqual(once.petitions.map((_, i) => i + 1));
    expect(once.petitions.filter((row) => row.repeated_at !== null).length).toBeGreaterThan(5);
    expect(once.urges.length).toBeGreaterThan(3);
    expect(await tables(parity.pg.db)).toEqual(once);

    // Projecting every petition again, newest states and then older ones, changes no row on either.
    for (const p of petitions) await project(p, p.state);
    expect(await tables(parity.pg.db)).toEqual(once);
    expect(await tables(parity.sqlite.db)).toEqual(once);

    // A petition arriving after all that is numbered next on both.
    const next = await parity.petition({ received: '2026-12-01' }).project();
    const numbers = await Promise.all(
      [parity.sqlite, parity.pg].map(({ db }) => db.row(sql`SELECT num FROM petitions WHERE id = ${next.id}`)),
    );
    expect(numbers).toEqual([{ num: 19 }, { num: 19 }]);
  });
});
