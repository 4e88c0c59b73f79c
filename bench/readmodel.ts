/**
 * `npm run bench:readmodel [-- --db FILE | --pg | --database-url URL | --both] [--iterations N --warmup W]`: the
 * read model at scale, on SQLite (the seeded file, `npm run seed -- --petitions 1000000`) or PostgreSQL (the
 * database `npm run seed:pg` fills from that file), or both one after the other (`--both`). Each case runs through
 * GraphQL (in-process `yoga.fetch` on the dialect's read model) and as the same SQL alone on the same driver, and
 * reports p50/p99 of both and their ratio. Targets, so that a page or a search feels instant at a large city's
 * volume and the API layer never costs more than the SQL it runs: page and search p99 < 10 ms through GraphQL,
 * statistics < 100 ms, GraphQL ≤ 2 × raw SQL.
 * A benchmark, not a test: it prints a table per dialect and writes bench/results/readmodel.json, keyed by dialect
 * (a run on one dialect keeps the other's last figures, and prints both side by side).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchCases } from './readmodel/cases';
import { postgresTarget, seededDatabaseUrl } from './readmodel/postgres';
import { caseLine, storeRun, summary, type CaseResult, type DialectRun } from './readmodel/report';
import { sqliteTarget } from './readmodel/sqlite';
import type { BenchTarget } from './readmodel/target';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    pg: { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    both: { type: 'boolean', default: false },
    iterations: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
  },
});
const file = values.db ?? fileURLToPath(new URL('../.data/seed.db', import.meta.url));
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);
const onPostgres = values.pg || values['database-url'] !== undefined;
const dialects: BenchTarget['dialect'][] = values.both ? ['sqlite', 'postgres'] : [onPostgres ? 'postgres' : 'sqlite'];
const runId = randomUUID();
const out = fileURLToPath(new URL('./results/readmodel.json', import.meta.url));

async function timeIt(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function open(dialect: BenchTarget['dialect']): Promise<BenchTarget> {
  if (dialect === 'sqlite') return sqliteTarget(file);
  try {
    return await postgresTarget(values['database-url'] ?? seededDatabaseUrl());
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
    console.error('no such database: fill it with npm run seed:pg (from the seeded SQLite file) first');
    process.exit(2);
  }
}

let failed = false;
for (const dialect of dialects) {
  const target = await open(dialect);
  try {
    const { total, cases } = await benchCases(target);
    if (!cases.length) {
      console.error(
        `${target.location} has no petitions: npm run seed -- --petitions 1000000${dialect === 'postgres' ? ', then npm run seed:pg' : ''}`,
      );
      failed = true;
      continue;
    }
    const loadAtStart = os.loadavg();
    console.log(
      `\n${dialect} read model: ${target.location}, ${total.toLocaleString('en')} petitions; ${iterations} runs per case after ${warmup} warm-up runs; load ${loadAtStart[0]!.toFixed(2)}`,
    );
    const results: CaseResult[] = [];
    for (const c of cases) {
      let g: number[];
      let r: number[];
      try {
        g = await timeIt(c.graphql);
        r = await timeIt(c.raw);
      } catch (err) {
        // One case failing on a dialect (its SQL not yet ported) should not hide the others' figures.
        console.log(`${c.name.padEnd(34)} FAILED: ${(err as Error).message.slice(0, 300)}`);
        failed = true;
        continue;
      }
      const row: CaseResult = {
        case: c.name,
        graphqlP50: quantile(g, 0.5),
        graphqlP99: quantile(g, 0.99),
        sqlP50: quantile(r, 0.5),
        sqlP99: quantile(r, 0.99),
        ratioP50: quantile(g, 0.5) / quantile(r, 0.5),
        targetMs: c.target,
        meetsTarget: quantile(g, 0.99) < c.target,
        load1m: os.loadavg()[0]!,
      };
      results.push(row);
      console.log(caseLine(row));
    }
    const run: DialectRun = {
      location: target.location,
      petitions: total,
      iterations,
      warmup,
      node: process.version,
      cpus: os.cpus().length,
      at: new Date().toISOString(),
      runId,
      loadAtStart,
      loadAtEnd: os.loadavg(),
      storage: await target.storage(),
      results,
    };
    const stored = storeRun(out, dialect, run);
    if (dialect === dialects.at(-1)) for (const line of summary(stored)) console.log(line);
  } finally {
    await target.close();
  }
}
console.log(`written ${out}`);
if (failed) process.exitCode = 1;
