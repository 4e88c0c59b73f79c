/**
 * The statistics of a period summed from statistics_days (whole Shanghai days) and scans of its partial days equal
 * the straightforward scan of the whole period, on a seeded city (db/seed-petitions.ts) whose rows are then
 * rewritten and deleted directly, as the statistics tests and the projection do: every trigger path runs. And the
 * counters the triggers kept equal the migration's backfill of the same rows, which is what a rebuild comes to.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStatistics, statisticsQueries, type StatisticsQuery } from '../../api/statistics';
import { openReadModel, type SqliteReadModel as ReadModel } from '../../db/connection';
import { seedPetitions, seedUnitIds } from '../../db/seed-petitions';
import { seedUnits } from '../../db/seed-units';
import { wholeDays } from '../../db/statistics-days';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-30T18:00:00+08:00');
const units = seedUnitIds();
/** Three of the city's units made courts and a procuratorate: 参评率's unit-kind rule applies to their rows. */
const organs = units.slice(0, 3);

/** A small deterministic generator, so that a failure names periods that can be run again. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

let db: ReadModel;
beforeAll(async () => {
  db = openReadModel(':memory:');
  await seedUnits(db);
  seedPetitions(db, { count: 3000, now: NOW, seed: 11 });
  const run = (text: string, ...params: unknown[]) => db.$client.prepare(text).run(...params);
  run(`UPDATE units SET kind = 'COURT' WHERE id IN (?, ?)`, organs[0], organs[1]);
  run(`UPDATE units SET kind = 'PROCURATORATE' WHERE id = ?`, organs[2]);
  // Columns the seed leaves alone, set directly on some rows, and rows moved between units, days and states.
  const rnd = random(5);
  const nums = (db.$client.prepare('SELECT num FROM petitions ORDER BY num').all() as { num: number }[]).map(
    (r) => r.num,
  );
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  for (let i = 0; i < 400; i += 1) {
    const num = pick(nums);
    switch (i % 8) {
      case 0:
        run(`UPDATE petitions SET handling_route = 'ARBITRATION' WHERE num = ?`, num);
        break;
      case 1:
        run(`UPDATE petitions SET forwarded_to = 'DISCIPLINE_INSPECTION' WHERE num = ?`, num);
        break;
      case 2:
        run(`UPDATE petitions SET category = 'ACCUSATION', channel = 'ONLINE' WHERE num = ?`, num);
        break;
      case 3:
        run(`UPDATE petitions SET unit_id = ?, rated = NOT rated WHERE num = ?`, pick([...units, null]), num);
        break;
      case 4:
        run(
          `UPDATE petitions SET delivered_at = coalesce(delivered_at, received_at) + ? WHERE num = ?`,
          Math.floor(rnd() * 9 * DAY),
          num,
        );
        break;
      case 5:
        run(
          `UPDATE petitions SET status = 'REGISTERED', handling_due_at = NULL, is_repeat = NOT is_repeat WHERE num = ?`,
          num,
        );
        break;
      case 6:
        run(
          `UPDATE petition_ratings SET latest = NOT latest, at = at + ? WHERE petition_id = (SELECT id FROM petitions WHERE num = ?)`,
          Math.floor(rnd() * 3 * DAY),
          num,
        );
        break;
      default:
        run('DELETE FROM petition_ratings WHERE petition_id = (SELECT id FROM petitions WHERE num = ?)', num);
        run('DELETE FROM petitions WHERE num = ?', num);
    }
  }
});
afterAll(() => db.$client.close());

const query = (from: number, to: number, unitId: string | null): StatisticsQuery => ({
  from,
  to,
  unitId,
  repeatWindowDays: 30,
  rounding: 'TRUNCATE',
});

describe('statistics from statistics_days', () => {
  it('the counters the triggers kept are those the backfill computes from the rows', () => {
    const table = () => db.$client.prepare('SELECT * FROM statistics_days ORDER BY day, unit_id').all();
    const kept = table();
    const migration = readFileSync(new URL('../../drizzle/0016_statistics_days_triggers.sql', import.meta.url), 'utf8');
    const backfill = migration
      .split('--> statement-breakpoint')
      .map((statement) => statement.replace(/^--.*$/gm, '').trim())
      .filter((statement) => statement.startsWith('INSERT INTO'));
    expect(backfill).toHaveLength(2);
    db.transaction(() => {
      db.$client.exec('DELETE FROM statistics_days');
      for (const statement of backfill) db.$client.exec(statement);
    });
    expect(kept.length).toBeGreaterThan(1000);
    expect(table()).toEqual(kept);
  });

  it('equal the scan of the whole period, for random periods with partial days, the city and a unit', async () => {
    const rnd = random(2026);
    const start = NOW - 400 * DAY;
    let summed = 0;
    for (let i = 0; i < 60; i += 1) {
      // Half the periods start and end on a Shanghai midnight, the others anywhere (a partial day at each end).
      const midnight = (t: number) => Math.floor((t + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
      let from = start + rnd() * 420 * DAY;
      let to = from + (i % 10 === 0 ? rnd() * DAY : rnd() * 120 * DAY);
      if (i % 2 === 0) [from, to] = [midnight(from), midnight(to) + DAY];
      [from, to] = [Math.floor(from), Math.floor(to)];
      const unitId = i % 3 === 0 ? null : i % 3 === 1 ? units[i % units.length]! : organs[i % organs.length]!;
      const q = query(from, to, unitId);
      if (wholeDays(from, to)) {
        summed += 1;
        expect(statisticsQueries(q).delivered.some((part) => JSON.stringify(part).includes('statistics_days'))).toBe(
          true,
        );
      }
      const period = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), unitId };
      expect({ period, ...(await computeStatistics(db, q)) }).toEqual({
        period,
        ...(await computeStatistics(db, q, { scan: true })),
      });
    }
    expect(summed).toBeGreaterThan(40);
  });

  it('the seeded city gives every figure something to count', async () => {
    const year = await computeStatistics(db, query(NOW - 366 * DAY, NOW, null));
    expect(year.delivered).toBeGreaterThan(1000);
    expect(year.ratingExclusions.every((rule) => rule.excluded > 0)).toBe(true);
    expect(year.unitSatisfactionRate.denominator).toBeGreaterThan(100);
    expect(year.receivedCompletionRate.numerator).toBeGreaterThan(100);
    expect(year.firstTimeResolutionRate.numerator).toBeGreaterThan(100);
  });
});
