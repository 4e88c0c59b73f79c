/**
 * `npm run bench:readmodel [-- --db FILE --iterations N]`: the read model at scale (seed it first with
 * `npm run seed -- --petitions 1000000`). Each case runs through GraphQL (in-process `yoga.fetch`) and as the
 * same SQL alone on the same connection, and reports p50/p99 of both and their ratio. Targets, so that a page or
 * a search feels instant at a large city's volume and the API layer never costs more than the SQL it runs: page
 * and search p99 < 10 ms through GraphQL, statistics < 100 ms, GraphQL ≤ 2 × raw SQL.
 * A benchmark, not a test: it prints a table and writes bench/results/readmodel.json.
 */
import { Client, Connection } from '@temporalio/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { issueToken } from '../api/auth';
import { createFengqiaoYoga } from '../api/create-yoga';
import type { ReadScope } from '../api/access';
import { pageStatements, rowsByNumber } from '../api/petition-pages';
import { encodeCursor, type PetitionFilter } from '../api/petition-reads';
import type { Statement } from '../db/read-model';
import { statisticsQueries } from '../api/statistics';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { openReadModel } from '../db/connection';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    iterations: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
  },
});
const file = values.db ?? fileURLToPath(new URL('../.data/seed.db', import.meta.url));
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);

const db = openReadModel(file);
const sqlite = db.$client;
const total = (sqlite.prepare('SELECT count(*) AS n FROM petitions').get() as { n: number }).n;
if (total === 0) {
  console.error(`${file} has no petitions: run npm run seed -- --petitions 1000000 first`);
  process.exit(2);
}
const yoga = createFengqiaoYoga({
  db,
  temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
  taskQueue: 'unused',
  profileId: 'national-2022',
});
const city = await issueToken(db, { role: 'SUPERVISOR', principalId: 'bench-supervisor' });
const busiestUnit = (
  sqlite
    .prepare('SELECT unit_id AS u FROM petitions WHERE overdue GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1')
    .get() as { u: string }
).u;
const unit = await issueToken(db, { role: 'UNIT_HANDLER', principalId: 'bench-unit', unitId: busiestUnit });

async function graphql(token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { errors?: unknown[] };
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer;
}

async function timeIt(run: () => unknown): Promise<number[]> {
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

// ── The cases ────────────────────────────────────────────────────────────────────────────────────────────────
const PAGE = 'edges { cursor highlight node { id status dueAt summary } } pageInfo { hasNextPage endCursor }';
const deep = sqlite
  .prepare('SELECT num, received_at AS at FROM petitions ORDER BY received_at DESC, num DESC LIMIT 1 OFFSET ?')
  .get(Math.floor(total / 2)) as {
  num: number;
  at: number;
};
const deepCursor = encodeCursor({ k: 'key', v: deep.at, n: deep.num });
const monthFrom = Date.parse('2026-10-01T00:00:00+08:00');
const monthTo = Date.parse('2026-11-01T00:00:00+08:00');
const STATS = `query($unitId: String) { statistics(filter: { from: "2026-10-01T00:00:00+08:00", to: "2026-11-01T00:00:00+08:00", unitId: $unitId }) {
  registered delivered overdueNow completionRate { percent } onTimeCompletionRate { percent } unitSatisfactionRate { percent }
  bureauSatisfactionRate { percent } ratingParticipationRate { percent } firstTimeResolutionRate { percent } repeatRate { percent } timelyNoticeRate { percent } } }`;

/** A compiled statement prepared on the bare connection, and run with its own parameters. */
const bare = ({ text, params }: Statement) => {
  const statement = sqlite.prepare(text);
  return () => statement.all(...params) as { num: number }[];
};
/**
 * The very statements a page sends (api/petition-pages.ts): each arm of the scope for a list; for a search its
 * candidates, then the page's lean rows by number (the ranking between them is not SQL).
 */
const pageSql = (scope: ReadScope, filter: PetitionFilter, after?: string) => {
  const statements = pageStatements(db, scope, filter, 'RECEIVED_DESC', 20, after);
  if (statements.kind === 'list') {
    const arms = statements.arms.map(bare);
    return () => arms.map((arm) => arm());
  }
  if (statements.kind !== 'search') throw new Error('the bench reads with a scope');
  const candidates = bare(statements.candidates);
  const page = sqlite.prepare(
    rowsByNumber(
      db,
      candidates()
        .slice(0, 20)
        .map((r) => r.num),
    ).text,
  );
  return () =>
    page.all(
      ...candidates()
        .slice(0, 20)
        .map((r) => r.num),
    );
};
const cityScope: ReadScope = { kind: 'all' };
const unitScope: ReadScope = { kind: 'unit', unitId: busiestUnit };
/**
 * The very statements `statistics` runs (api/statistics.ts): for a period of whole days, the counters' sums and the
 * scans of what they cannot hold; compiled once and run on the bare connection.
 */
const statsSql = (unitId: string | null) => {
  const dialect = new SQLiteSyncDialect();
  const queries = statisticsQueries({
    from: monthFrom,
    to: monthTo,
    unitId,
    repeatWindowDays: 90,
    rounding: 'HALF_UP',
  });
  const prepared = Object.values(queries)
    .flat()
    .map((query) => {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return [sqlite.prepare(text), params] as const;
    });
  return () => prepared.forEach(([statement, params]) => statement.get(...params));
};

const SEARCH_COMMON = '加装电梯';
const SEARCH_NARROW = '幼儿园 乱收费';

const cases: { name: string; target: number; graphql: () => Promise<unknown>; raw: () => unknown }[] = [
  {
    name: 'first page',
    target: 10,
    graphql: () => graphql(city, `{ petitions(first: 20) { ${PAGE} } }`),
    raw: pageSql(cityScope, {}),
  },
  {
    name: 'deep cursor page (row 500k)',
    target: 10,
    graphql: () =>
      graphql(city, `query($after: String) { petitions(first: 20, after: $after) { ${PAGE} } }`, { after: deepCursor }),
    raw: pageSql(cityScope, {}, deepCursor),
  },
  {
    name: 'unit + overdue page',
    target: 10,
    graphql: () => graphql(unit, `{ petitions(first: 20, filter: { overdue: true }) { ${PAGE} } }`),
    raw: pageSql(unitScope, { overdue: true }),
  },
  {
    name: `search "${SEARCH_NARROW}"`,
    target: 10,
    graphql: () =>
      graphql(city, `query($t: String) { petitions(first: 20, filter: { text: $t }) { ${PAGE} } }`, {
        t: SEARCH_NARROW,
      }),
    raw: pageSql(cityScope, { text: SEARCH_NARROW }),
  },
  {
    name: `search "${SEARCH_COMMON}"`,
    target: 10,
    graphql: () =>
      graphql(city, `query($t: String) { petitions(first: 20, filter: { text: $t }) { ${PAGE} } }`, {
        t: SEARCH_COMMON,
      }),
    raw: pageSql(cityScope, { text: SEARCH_COMMON }),
  },
  {
    name: 'statistics, one unit, a month',
    target: 100,
    graphql: () => graphql(city, STATS, { unitId: busiestUnit }),
    raw: statsSql(busiestUnit),
  },
  { name: 'statistics, whole city, a month', target: 100, graphql: () => graphql(city, STATS), raw: statsSql(null) },
];

console.log(
  `read model: ${file}, ${total.toLocaleString('en')} petitions; ${iterations} runs per case after ${warmup} warm-up runs`,
);
const results = [];
for (const c of cases) {
  const g = await timeIt(c.graphql);
  const r = await timeIt(c.raw);
  const row = {
    case: c.name,
    graphqlP50: quantile(g, 0.5),
    graphqlP99: quantile(g, 0.99),
    sqlP50: quantile(r, 0.5),
    sqlP99: quantile(r, 0.99),
    ratioP50: quantile(g, 0.5) / quantile(r, 0.5),
    targetMs: c.target,
    meetsTarget: quantile(g, 0.99) < c.target,
  };
  results.push(row);
  console.log(
    `${row.case.padEnd(34)} GraphQL p50 ${row.graphqlP50.toFixed(2).padStart(7)} p99 ${row.graphqlP99.toFixed(2).padStart(7)} ms | SQL p50 ${row.sqlP50
      .toFixed(2)
      .padStart(
        7,
      )} p99 ${row.sqlP99.toFixed(2).padStart(7)} ms | ×${row.ratioP50.toFixed(2)} | target p99 < ${c.target} ms: ${row.meetsTarget ? 'met' : 'MISSED'}`,
  );
}
const out = fileURLToPath(new URL('./results/readmodel.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ file, petitions: total, iterations, node: process.version, at: new Date().toISOString(), results }, null, 2)}\n`,
);
console.log(`written ${out}`);
db.$client.close();
