/**
 * PostgreSQL's statistics_days triggers (drizzle-pg/0003_statistics_days_triggers.sql) keep the counters SQLite's
 * keep (drizzle/0016_statistics_days_triggers.sql): a seeded city's petitions projected into both, then the same
 * statements run on both — rows moved between days, units and states, ratings rewritten, rows deleted, a rebuild
 * that empties the tables and projects every petition again — leave the same table each time.
 */
import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadModel } from '../../db/connection';
import { pgOperations } from '../../db/pg/read-model';
import type { ReadModel } from '../../db/read-model';
import { seedPetitions, seedUnitIds } from '../../db/seed-petitions';
import type { PetitionState } from '../../domain/petition';
import { CATEGORIES, CHANNELS, PETITION_STATUSES } from '../../domain/petition/state';
import { FORWARDING_ORGANS, HANDLING_ROUTES } from '../../domain/petition/paths';
import { SATISFACTION_LEVELS } from '../../domain/satisfaction';
import { freshPgReadModel, type PgHarness } from '../support/postgres';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-30T18:00:00+08:00');
/** A few units only, so that moved rows land on counters other rows hold too. */
const UNITS = [...seedUnitIds().slice(0, 4), null];

/** A small deterministic generator, so that a failure can be run again. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

let pgHarness: PgHarness;
let sqlite: ReadModel;
let postgres: ReadModel;
let states: PetitionState[];

/** The seeded city's petitions, as its projection stored them (the timeline is not a column the counters read). */
function seededStates(): PetitionState[] {
  const seed = openReadModel(':memory:');
  try {
    seedPetitions(seed, { count: 400, now: NOW, seed: 7 });
    return seed.$client
      .prepare('SELECT state_json FROM petitions ORDER BY num')
      .all()
      .map((r) => ({ ...JSON.parse((r as { state_json: string }).state_json), timeline: [] }) as PetitionState);
  } finally {
    seed.$client.close();
  }
}

async function projectAll(): Promise<void> {
  for (const state of states) {
    for (const db of [sqlite, postgres]) {
      await db.projectPetition(`petition-${state.petitionId}`, state, state.timeline);
    }
  }
}

const counters = (db: ReadModel) => db.rows(sql`SELECT * FROM statistics_days ORDER BY day, unit_id`);

/** Runs one statement on both read models, which must change the same number of rows. */
async function onBoth(statement: SQL): Promise<void> {
  const changed = await Promise.all([sqlite.exec(statement), postgres.exec(statement)]);
  expect(changed[1]).toBe(changed[0]);
}

async function expectSameCounters(): Promise<Record<string, unknown>[]> {
  const expected = await counters(sqlite);
  expect(await counters(postgres)).toEqual(expected);
  return expected;
}

beforeAll(async () => {
  states = seededStates();
  sqlite = openReadModel(':memory:');
  pgHarness = await freshPgReadModel();
  postgres = pgOperations(pgHarness.db);
  await projectAll();
});
afterAll(async () => {
  await sqlite.close();
  await pgHarness.close();
});

describe('statistics_days on PostgreSQL', () => {
  let projected: Record<string, unknown>[];

  it('counts the projected petitions as SQLite does', async () => {
    projected = await expectSameCounters();
    expect(projected.length).toBeGreaterThan(300);
  });

  it('the backfill of the migration computes what the triggers kept', async () => {
    const migration = readFileSync(
      new URL('../../drizzle-pg/0003_statistics_days_triggers.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration
      .split('--> statement-breakpoint')
      .map((statement) => statement.replace(/^--.*$/gm, '').trim())
      .filter((statement) => statement.startsWith('SELECT statistics_'));
    expect(backfill).toHaveLength(2);
    await pgHarness.db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM statistics_days`);
      for (const statement of backfill) await tx.execute(sql.raw(statement));
    });
    expect(await counters(postgres)).toEqual(projected);
  });

  it('moves counts as SQLite does when rows are rewritten and deleted directly', async () => {
    const rnd = random(3);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
    const ids = states.map((s) => s.petitionId);
    const some = () => [pick(ids), ...ids.filter(() => rnd() < 0.1)];
    const shift = () => Math.floor((rnd() - 0.5) * 6 * DAY);
    const rewrites: (() => SQL)[] = [
      () => sql`UPDATE petitions SET unit_id = ${pick(UNITS)} WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET received_at = received_at + ${shift()} WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET registered_at = registered_at + ${shift()}, is_repeat = NOT is_repeat
        WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET delivered_at = coalesce(delivered_at, received_at) + ${Math.floor(rnd() * 9 * DAY)}
        WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET delivered_at = NULL WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET handling_due_at = ${rnd() < 0.3 ? null : NOW - Math.floor(rnd() * 300 * DAY)}
        WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET status = ${pick(PETITION_STATUSES)} WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET forwarded_to = ${rnd() < 0.5 ? null : pick(FORWARDING_ORGANS)}
        WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET handling_route = ${rnd() < 0.3 ? null : pick(HANDLING_ROUTES)}
        WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET channel = ${pick(CHANNELS)}, category = ${pick(CATEGORIES)}
        WHERE id = ${pick(ids)}`,
      () => sql`UPDATE petitions SET rated = NOT rated, is_first_time = NOT is_first_time WHERE id = ${pick(ids)}`,
      // Many rows at once, into one unit and a few days: counters that several rows add to.
      () => sql`UPDATE petitions SET unit_id = ${pick(UNITS)}, received_at = ${NOW - Math.floor(rnd() * 3) * DAY}
        WHERE id IN ${some()}`,
      // A column no counter reads: nothing moves.
      () => sql`UPDATE petitions SET summary = summary || '。' WHERE id IN ${some()}`,
      () => sql`UPDATE petition_ratings SET latest = NOT latest, at = at + ${shift()} WHERE petition_id = ${pick(ids)}`,
      () => sql`UPDATE petition_ratings SET level = ${pick(SATISFACTION_LEVELS)}, unit_id = ${pick(UNITS)}
        WHERE petition_id IN ${some()}`,
      () => sql`UPDATE petition_ratings SET target = CASE target WHEN 'UNIT' THEN 'BUREAU' ELSE 'UNIT' END
        WHERE petition_id = ${pick(ids)}`,
      () => sql`DELETE FROM petition_ratings WHERE petition_id = ${pick(ids)}`,
      () => sql`DELETE FROM petitions WHERE id = ${pick(ids)}`,
    ];
    for (let round = 0; round < 30; round += 1) {
      for (const rewrite of rewrites) await onBoth(rewrite());
      await expectSameCounters();
    }
  });

  it('a rebuild that empties the tables and projects every petition again comes to the same counters', async () => {
    await onBoth(sql`DELETE FROM petition_ratings`);
    await onBoth(sql`DELETE FROM petitions`);
    expect(await expectSameCounters()).toEqual([]);
    await projectAll();
    expect(await expectSameCounters()).toEqual(projected);
  });

  it('TRUNCATE, which SQLite lacks, takes out what DELETE takes out', async () => {
    await sqlite.exec(sql`DELETE FROM petitions`);
    await postgres.exec(sql`TRUNCATE petitions`);
    const ratingsOnly = await expectSameCounters();
    expect(ratingsOnly.length).toBeGreaterThan(0);
    await sqlite.exec(sql`DELETE FROM petition_ratings`);
    await postgres.exec(sql`TRUNCATE petition_ratings`);
    expect(await expectSameCounters()).toEqual([]);
    await projectAll();
    expect(await expectSameCounters()).toEqual(projected);
  });
});
