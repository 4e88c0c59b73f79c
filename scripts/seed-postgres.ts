/**
 * `npm run seed:pg -- [--from .data/seed.db] [--database fengqiao_seed | --database-url URL] [--batch 2000]
 * [--replace]`: copies every read-model table of a seeded SQLite file (`npm run seed`) into a fresh PostgreSQL
 * database, migrated as the API migrates it, so that both dialects can be measured on the same petitions.
 *
 * A bulk load, not a projection: the secondary indexes are dropped and built again once the rows are in, the
 * statistics triggers are off during the load and the counters are filled afterwards by the migration's own
 * backfill, and the search rows are made from the copied petitions as the projection makes them. Then VACUUM
 * ANALYZE, so that the planner knows the tables and index-only scans see every page as visible, and each table's
 * count is compared with the file's.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  copyTable,
  insertRows,
  searchRows,
  secondaryIndexes,
  statisticsBackfill,
  tablePlan,
  type CopyProgress,
} from '../db/pg/bulk-copy';
import { openPgReadModel } from '../db/pg/connection';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    from: { type: 'string', default: fileURLToPath(new URL('../.data/seed.db', import.meta.url)) },
    database: { type: 'string', default: 'fengqiao_seed' },
    'database-url': { type: 'string' },
    batch: { type: 'string', default: '2000' },
    replace: { type: 'boolean', default: false },
  },
});
const batch = Number(values.batch);
if (!existsSync(values.from) || !Number.isInteger(batch) || batch < 1) {
  console.error(
    'usage: npm run seed:pg -- [--from FILE] [--database NAME | --database-url URL] [--batch N] [--replace]',
  );
  process.exit(2);
}
const log = (line: string) => console.error(`[seed:pg] ${line}`);
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

// The source is only read: it may be another engineer's seeded file.
const sqlite = new Database(values.from, { readonly: true, fileMustExist: true });
const petitionCount = (sqlite.prepare('SELECT count(*) AS n FROM petitions').get() as { n: number }).n;
if (petitionCount === 0) {
  console.error(`${values.from} has no petitions: run npm run seed first`);
  process.exit(2);
}

const script = (...args: string[]) =>
  execFileSync('bash', [`${ROOT}scripts/postgres.sh`, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
let url = values['database-url'];
if (!url) {
  script('ensure');
  if (values.replace) await dropDatabase(script('url'), values.database);
  url = script('database', values.database);
}

/** Drops a database this role owns, so that `--replace` starts from nothing. */
async function dropDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

const db = await openPgReadModel(url, { max: 3 });
const pool = db.$client;
const [main, side] = [await pool.connect(), await pool.connect()];
const already = Number((await main.query('SELECT count(*) AS n FROM petitions')).rows[0].n);
if (already > 0) {
  console.error(`${url.replace(/:[^:@/]*@/, ':…@')} already holds ${already} petitions: --replace to start anew`);
  process.exit(2);
}
for (const client of [main, side]) {
  // A crash means loading again: no need to wait for each batch to reach the disk.
  await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'");
}

// Every table both sides have, but the counters (filled from the rows below) and SQLite's full-text tables.
const pgTables = new Set(
  (await main.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map(
    (r) => r.t,
  ),
);
const sqliteTables = (
  sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]
)
  .map((r) => r.name)
  .filter((name) => !/^(sqlite_|__drizzle|petition_search)/.test(name));
const copied = sqliteTables.filter((name) => pgTables.has(name) && name !== 'statistics_days');
const skipped = sqliteTables.filter((name) => !pgTables.has(name));
if (skipped.length) log(`in the file only, not copied: ${skipped.join(', ')}`);
// One at a time: a client runs one query at once.
const plans = [];
for (const table of copied) plans.push(await tablePlan(sqlite, main, table));
for (const plan of plans) {
  if (plan.onlyInSqlite.length)
    log(`${plan.table}: columns in the file only, not copied: ${plan.onlyInSqlite.join(', ')}`);
  if (plan.onlyInPostgres.length)
    log(`${plan.table}: columns PostgreSQL fills by default: ${plan.onlyInPostgres.join(', ')}`);
}

const started = Date.now();
const indexes = await secondaryIndexes(main, [...copied, 'petition_search']);
log(`dropping ${indexes.length} secondary indexes for the load`);
for (const { name } of indexes) await main.query(`DROP INDEX "${name}"`);
await main.query('ALTER TABLE petitions DISABLE TRIGGER USER; ALTER TABLE petition_ratings DISABLE TRIGGER USER');
// A new database holds what its migrations seed (the holiday notices): the file's rows replace them.
for (const table of copied) await main.query(`DELETE FROM "${table}"`);
await main.query('DELETE FROM statistics_days; DELETE FROM petition_search');

const totalRows = copied.reduce(
  (sum, table) => sum + (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
  0,
);
let rowsBefore = 0;
const copyStarted = Date.now();
const progress = ({ table, done, total }: CopyProgress) => {
  const elapsed = (Date.now() - copyStarted) / 1000;
  const rate = (rowsBefore + done) / Math.max(elapsed, 0.001);
  process.stderr.write(
    `\r[seed:pg] ${table} ${done.toLocaleString('en')}/${total.toLocaleString('en')}  all ${(rowsBefore + done).toLocaleString('en')}/${totalRows.toLocaleString('en')} rows  ${rate.toFixed(0)} rows/s  eta ${((totalRows - rowsBefore - done) / rate).toFixed(0)} s   `,
  );
};
const copiedRows: Record<string, number> = {};
for (const plan of plans) {
  const tableStarted = Date.now();
  const alongside =
    plan.table === 'petitions'
      ? (rows: Record<string, unknown>[]) =>
          insertRows(side, 'petition_search', ['num', 'bigrams', 'unigrams'], searchRows(rows))
      : undefined;
  copiedRows[plan.table] = await copyTable(sqlite, main, plan, { batch, onProgress: progress, alongside });
  rowsBefore += copiedRows[plan.table]!;
  if (copiedRows[plan.table]! > 50_000) {
    process.stderr.write('\n');
    log(`${plan.table}: ${copiedRows[plan.table]!.toLocaleString('en')} rows in ${seconds(tableStarted)} s`);
  }
}
process.stderr.write('\n');
log(`${rowsBefore.toLocaleString('en')} rows copied in ${seconds(copyStarted)} s`);

// Two at a time, one per connection: an index build is one backend's work, and this machine has two cores.
const indexStarted = Date.now();
const queue = [...indexes];
let built = 0;
await Promise.all(
  [main, side].map(async (client) => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await client.query(next.definition);
      built += 1;
      process.stderr.write(`\r[seed:pg] indexes ${built}/${indexes.length} (${next.name})${' '.repeat(20)}`);
    }
  }),
);
process.stderr.write('\n');
log(`${indexes.length} indexes built in ${seconds(indexStarted)} s`);

const countersStarted = Date.now();
await main.query('ALTER TABLE petitions ENABLE TRIGGER USER; ALTER TABLE petition_ratings ENABLE TRIGGER USER');
for (const statement of statisticsBackfill()) await main.query(statement);
// The backfill adds a petition at a time, so each counters row was rewritten some fifty times: its dead versions
// would be most of the table's size.
await main.query('VACUUM (FULL) statistics_days');
log(`statistics_days filled by the migration's backfill in ${seconds(countersStarted)} s`);

const vacuumStarted = Date.now();
await main.query('VACUUM (ANALYZE)');
log(`VACUUM (ANALYZE) in ${seconds(vacuumStarted)} s; the whole load ${seconds(started)} s`);

// ── Verification: every table's rows, the search rows one per petition, the counters as SQLite keeps them ──
const pgCount = async (table: string) => Number((await main.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
const sqliteCount = (table: string) =>
  (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
const checks: [string, number, number][] = [];
for (const table of copied) checks.push([table, sqliteCount(table), await pgCount(table)]);
checks.push(['petition_search (one per petition)', petitionCount, await pgCount('petition_search')]);
const counterColumns = (
  await main.query<{ c: string }>(
    `SELECT column_name AS c FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'statistics_days' AND data_type = 'integer' AND column_name <> 'day'`,
  )
).rows.map((r) => r.c);
const sums = `count(*) AS n, ${counterColumns.map((c) => `sum("${c}") AS "${c}"`).join(', ')}`;
const sqliteSums = sqlite.prepare(`SELECT ${sums} FROM statistics_days`).get() as Record<string, number>;
const pgSums = (await main.query(`SELECT ${sums} FROM statistics_days`)).rows[0] as Record<string, string>;
for (const key of ['n', ...counterColumns]) {
  checks.push([
    `statistics_days ${key === 'n' ? 'rows' : `sum(${key})`}`,
    Number(sqliteSums[key] ?? 0),
    Number(pgSums[key] ?? 0),
  ]);
}
const width = Math.max(...checks.map(([name]) => name.length));
console.log(`${'table'.padEnd(width)} ${'SQLite'.padStart(12)} ${'PostgreSQL'.padStart(12)}`);
for (const [name, a, b] of checks) {
  console.log(
    `${name.padEnd(width)} ${a.toLocaleString('en').padStart(12)} ${b.toLocaleString('en').padStart(12)}${a === b ? '' : '  DIFFERENT'}`,
  );
}
const size = (await main.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b as string;
console.log(`database ${url.replace(/:[^:@/]*@/, ':…@')}: ${(Number(size) / 2 ** 30).toFixed(2)} GiB`);
const differing = checks.filter(([, a, b]) => a !== b).length;
if (differing) console.error(`[seed:pg] ${differing} counts differ`);
main.release();
side.release();
await pool.end();
sqlite.close();
process.exitCode = differing ? 1 : 0;
