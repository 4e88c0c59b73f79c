/**
 * The read-model bench's cases, each through GraphQL (in-process `yoga.fetch`) and as the very statements the API
 * sends for it (api/petition-pages.ts, api/statistics.ts), compiled by the dialect's read model and run alone.
 */
import { Client, Connection } from '@temporalio/client';
import type { ReadScope } from '../../api/access';
import { issueToken } from '../../api/auth';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { pageStatements, rowsByNumber } from '../../api/petition-pages';
import { encodeCursor, type PetitionFilter } from '../../api/petition-reads';
import { statisticsQueries } from '../../api/statistics';
import { landmarks, type BenchTarget } from './target';

export interface BenchCase {
  name: string;
  /** GraphQL p99 under this many ms: a page or a search feels instant, statistics answer within a tenth of a second. */
  target: number;
  graphql: () => Promise<unknown>;
  raw: () => Promise<unknown>;
}

const PAGE = 'edges { cursor highlight node { id status dueAt summary } } pageInfo { hasNextPage endCursor }';
const STATS = `query($unitId: String) { statistics(filter: { from: "2026-10-01T00:00:00+08:00", to: "2026-11-01T00:00:00+08:00", unitId: $unitId }) {
  registered delivered overdueNow completionRate { percent } onTimeCompletionRate { percent } unitSatisfactionRate { percent }
  bureauSatisfactionRate { percent } ratingParticipationRate { percent } firstTimeResolutionRate { percent } repeatRate { percent } timelyNoticeRate { percent } } }`;
const MONTH = { from: Date.parse('2026-10-01T00:00:00+08:00'), to: Date.parse('2026-11-01T00:00:00+08:00') };
const SEARCH_COMMON = '加装电梯';
const SEARCH_NARROW = '幼儿园 乱收费';

export async function benchCases(target: BenchTarget) {
  const { db, bare } = target;
  const marks = await landmarks(db);
  if (marks.total === 0 || !marks.busiestUnit || !marks.deep) return { total: marks.total, cases: [] };
  const busiestUnit = marks.busiestUnit;
  const yoga = createFengqiaoYoga({
    db,
    temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
    taskQueue: 'unused',
    profileId: 'national-2022',
  });
  const city = await issueToken(db, { role: 'SUPERVISOR', principalId: 'bench-supervisor' });
  const unit = await issueToken(db, { role: 'UNIT_HANDLER', principalId: 'bench-unit', unitId: busiestUnit });
  const graphql = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as { errors?: unknown[] };
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer;
  };
  const deepCursor = encodeCursor({ k: 'key', v: marks.deep.at, n: marks.deep.num });

  /** A list's arms side by side; a search's candidates, then the page's lean rows by number (ranking is not SQL). */
  const pageSql = async (scope: ReadScope, filter: PetitionFilter, after?: string) => {
    const statements = pageStatements(db, scope, filter, 'RECEIVED_DESC', 20, after);
    if (statements.kind === 'list') {
      const arms = statements.arms.map(bare);
      return () => Promise.all(arms.map((arm) => arm()));
    }
    if (statements.kind !== 'search') throw new Error('the bench reads with a scope');
    const candidates = bare(statements.candidates);
    const first = ((await candidates()) as { num: number | string }[]).slice(0, 20).map((r) => Number(r.num));
    const page = bare(rowsByNumber(db, first));
    return async () => {
      await candidates();
      return page();
    };
  };
  /** `statistics`' statements as it runs them: its bases side by side, each basis's parts one after another. */
  const statsSql = (unitId: string | null) => {
    const queries = statisticsQueries(
      { ...MONTH, unitId, repeatWindowDays: 90, rounding: 'HALF_UP' },
      { engine: db.engine },
    );
    const bases = Object.values(queries).map((parts) => parts.map((part) => bare(db.compile(part))));
    return () =>
      Promise.all(
        bases.map(async (parts) => {
          for (const part of parts) await part();
        }),
      );
  };
  const cityScope: ReadScope = { kind: 'all' };
  const unitScope: ReadScope = { kind: 'unit', unitId: busiestUnit };
  const searchQuery = `query($t: String) { petitions(first: 20, filter: { text: $t }) { ${PAGE} } }`;
  const cases: BenchCase[] = [
    {
      name: 'first page',
      target: 10,
      graphql: () => graphql(city, `{ petitions(first: 20) { ${PAGE} } }`),
      raw: await pageSql(cityScope, {}),
    },
    {
      name: `deep cursor page (row ${Math.round(marks.total / 2000)}k)`,
      target: 10,
      graphql: () =>
        graphql(city, `query($after: String) { petitions(first: 20, after: $after) { ${PAGE} } }`, {
          after: deepCursor,
        }),
      raw: await pageSql(cityScope, {}, deepCursor),
    },
    {
      name: 'unit + overdue page',
      target: 10,
      graphql: () => graphql(unit, `{ petitions(first: 20, filter: { overdue: true }) { ${PAGE} } }`),
      raw: await pageSql(unitScope, { overdue: true }),
    },
    {
      name: `search "${SEARCH_NARROW}"`,
      target: 10,
      graphql: () => graphql(city, searchQuery, { t: SEARCH_NARROW }),
      raw: await pageSql(cityScope, { text: SEARCH_NARROW }),
    },
    {
      name: `search "${SEARCH_COMMON}"`,
      target: 10,
      graphql: () => graphql(city, searchQuery, { t: SEARCH_COMMON }),
      raw: await pageSql(cityScope, { text: SEARCH_COMMON }),
    },
    {
      name: 'statistics, one unit, a month',
      target: 100,
      graphql: () => graphql(city, STATS, { unitId: busiestUnit }),
      raw: statsSql(busiestUnit),
    },
    {
      name: 'statistics, whole city, a month',
      target: 100,
      graphql: () => graphql(city, STATS),
      raw: statsSql(null),
    },
  ];
  return { total: marks.total, cases };
}
