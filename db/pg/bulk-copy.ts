/**
 * Copying a SQLite read model's tables into a PostgreSQL one (scripts/seed-postgres.ts): what the two dialects
 * store differently is converted row by row, and the rows go in a few thousand per statement. Each batch is one
 * JSON parameter spread into rows by `json_populate_recordset`: a single bind value whatever the row count, where
 * a multi-row VALUES list would stop at PostgreSQL's 65 535 parameters (~1 500 petitions of 43 columns).
 */
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { searchTokens } from '../projection-rows';

/** How a PostgreSQL column takes a SQLite value. */
interface Column {
  name: string;
  convert: ((value: unknown) => unknown) | null;
}

export interface TablePlan {
  table: string;
  columns: Column[];
  /** An identity column, whose values are copied (OVERRIDING SYSTEM VALUE) and whose sequence is moved past them. */
  identity: string | null;
  /** Columns on one side only: reported, never silently dropped. */
  onlyInSqlite: string[];
  onlyInPostgres: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** SQLite has no boolean: a flag is 0 or 1. */
const toBoolean = (value: unknown) => (value === null ? null : value === 1 || value === true);
/** SQLite keeps JSON as its text; a jsonb column given that text inside a JSON document would hold a string. */
const toJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

export async function tablePlan(sqlite: Database.Database, client: pg.ClientBase, table: string): Promise<TablePlan> {
  const sqliteNames = new Set(
    (sqlite.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name),
  );
  const { rows } = await client.query<{ column_name: string; data_type: string; is_identity: string }>(
    `SELECT column_name, data_type, is_identity FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  const columns: Column[] = rows
    .filter((c) => sqliteNames.has(c.column_name))
    .map((c) => ({
      name: c.column_name,
      convert: c.data_type === 'boolean' ? toBoolean : c.data_type.startsWith('json') ? toJson : null,
    }));
  const pgNames = new Set(rows.map((c) => c.column_name));
  return {
    table,
    columns,
    identity: rows.find((c) => c.is_identity === 'YES')?.column_name ?? null,
    onlyInSqlite: [...sqliteNames].filter((n) => !pgNames.has(n)),
    onlyInPostgres: [...pgNames].filter((n) => !sqliteNames.has(n)),
  };
}

/** Inserts rows given as objects keyed by column name, in one statement. */
export function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: object[],
  identity = false,
) {
  const list = columns.map(quote).join(', ');
  return client.query(
    `INSERT INTO ${quote(table)} (${list})${identity ? ' OVERRIDING SYSTEM VALUE' : ''}
      SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1)`,
    [JSON.stringify(rows)],
  );
}

export interface CopyProgress {
  table: string;
  done: number;
  total: number;
}

/**
 * Copies one table in rowid order, `batch` rows per statement. The next batch is read and converted while the
 * previous one is being inserted, so that the script's thread and PostgreSQL's backend work at the same time.
 * `alongside` receives each converted batch too (the petitions' search rows are made from them).
 */
export async function copyTable(
  sqlite: Database.Database,
  client: pg.ClientBase,
  plan: TablePlan,
  options: {
    batch: number;
    onProgress: (progress: CopyProgress) => void;
    alongside?: (rows: Record<string, unknown>[]) => Promise<unknown>;
  },
): Promise<number> {
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(plan.table)}`).get() as { n: number }).n;
  const names = plan.columns.map((c) => c.name);
  const read = sqlite.prepare(
    `SELECT rowid AS "__rowid", ${names.map(quote).join(', ')} FROM ${quote(plan.table)}
      WHERE rowid > ? ORDER BY rowid LIMIT ?`,
  );
  const converting = plan.columns.filter((c) => c.convert);
  let after = -Infinity;
  let done = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  for (;;) {
    const raw = read.all(after, options.batch) as Record<string, unknown>[];
    if (!raw.length) break;
    after = raw.at(-1)!.__rowid as number;
    for (const row of raw) {
      delete row.__rowid;
      for (const c of converting) row[c.name] = c.convert!(row[c.name]);
    }
    await inFlight;
    inFlight = Promise.all([
      insertRows(client, plan.table, names, raw, plan.identity !== null),
      options.alongside?.(raw),
    ]).then(() => {
      done += raw.length;
      options.onProgress({ table: plan.table, done, total });
    });
  }
  await inFlight;
  if (plan.identity) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(plan.identity)}) FROM ${quote(plan.table)}), 0) + 1, false)`,
      [plan.table, plan.identity],
    );
  }
  return done;
}

/** The PostgreSQL search rows of copied petitions: the token strings the projection writes (../projection-rows.ts). */
export function searchRows(petitions: readonly Record<string, unknown>[]) {
  return petitions.map((p) => ({
    num: p.num,
    ...searchTokens({ summary: String(p.summary), content: String(p.content) }),
  }));
}

/**
 * The indexes that back no constraint, with their definitions: dropped for a bulk load (building an index once
 * over all the rows is cheaper than keeping it up to date row by row) and made again after it.
 */
export async function secondaryIndexes(client: pg.ClientBase, tables: readonly string[]) {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  return rows;
}

/**
 * The statistics counters' backfill, as the migration that made their triggers states it (drizzle-pg/, the one
 * creating `statistics_petition_move`): a load with the triggers off moves every row in once afterwards.
 */
export function statisticsBackfill(): string[] {
  const folder = fileURLToPath(new URL('../../drizzle-pg/', import.meta.url));
  const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  for (const { tag } of journal.entries) {
    const text = readFileSync(join(folder, `${tag}.sql`), 'utf8');
    if (!text.includes('CREATE FUNCTION statistics_petition_move')) continue;
    const backfill = text
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .filter((s) => /^SELECT statistics_\w+_move\(1,/.test(s));
    if (backfill.length) return backfill;
  }
  throw new Error('no statistics_days backfill found in drizzle-pg/: the loader cannot fill the counters');
}
