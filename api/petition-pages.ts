/**
 * The pages of `petitions`: lists paged by keyset (stable while new petitions arrive) and text search ranked by
 * relevance and paged by offset within that ranking. Each page reads lean rows (api/petition-rows.ts), never the
 * snapshot; `pageStatements` is exactly what a page sends to SQLite, which the benchmark runs alone.
 */
import { and, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { ReadModel, Statement } from '../db/read-model';
import { searchCondition } from '../db/pg/search';
import { petitions } from '../db/schema';
import { highlight, matchExpression, relevance } from '../db/search-tokens';
import type { ReadScope } from './access';
import { badInput } from './errors';
import {
  conditions,
  decodeCursor,
  encodeCursor,
  scopeArms,
  type Cursor,
  type PetitionFilter,
  type PetitionSort,
} from './petition-reads';
import { listedPetition, rowColumns, type PetitionParent, type RawRow } from './petition-rows';

export interface PetitionPage {
  nodes: { parent: PetitionParent; cursor: string; highlight: string | null }[];
  hasNextPage: boolean;
  /** Counting a million rows costs more than a page: done only when the client asks for it. */
  totalCount: () => Promise<number>;
}

/** How many of the newest matches a search ranks; a broader query is narrowed by adding words. */
export const SEARCH_CANDIDATES = 500;

const whereOf = (condition: SQL | undefined) => (condition ? sql` WHERE ${condition}` : sql``);

/** What a page sends: one statement per arm of the scope for a list; for a search, its candidates. */
export type PageStatements =
  | { kind: 'none' }
  | { kind: 'list'; byDue: boolean; arms: Statement[]; counts: () => Statement[] }
  | { kind: 'search'; text: string; offset: number; candidates: Statement; count: () => Statement };

export function pageStatements(
  db: Pick<ReadModel, 'engine' | 'compile' | 'snapshotNow'>,
  scope: ReadScope,
  filter: PetitionFilter,
  sort: PetitionSort,
  first: number,
  after: string | null | undefined,
): PageStatements {
  const cursor = decodeCursor(after);
  if (scope.kind === 'none') return { kind: 'none' };
  const where = conditions(filter, db.engine);
  const columns = sql.raw(rowColumns(db as ReadModel));
  const { compile } = db;
  const arms = scopeArms(scope);
  // A cursor of a search pages by rank, one of a list by key: the other kind would restart silently.
  const text = filter.text?.trim();
  if (cursor && cursor.k !== (text ? 'off' : 'key'))
    throw badInput('after', 'after is a cursor of another listing: page with the same filter');
  if (text) return searchStatements(db, or(...arms.map((arm) => and(arm, where)).filter(Boolean)), text, cursor);

  const byDue = sort === 'DUE_ASC';
  const key = byDue ? petitions.dueAt : petitions.receivedAt;
  const base = byDue ? and(where, isNotNull(petitions.dueAt)) : where;
  // Keyset: a row value comparison, which SQLite turns into a range on the (key, num) index.
  const page =
    cursor?.k === 'key'
      ? sql`(${key}, ${petitions.num}) ${sql.raw(byDue ? '>' : '<')} (${cursor.v}, ${cursor.n})`
      : undefined;
  const direction = sql.raw(byDue ? 'ASC' : 'DESC');
  return {
    kind: 'list',
    byDue,
    arms: arms.map((arm) =>
      compile(sql`SELECT ${columns} FROM ${petitions}${whereOf(and(arm, base, page))}
        ORDER BY ${key} ${direction}, ${petitions.num} ${direction} LIMIT ${first + 1}`),
    ),
    counts: () => arms.map((arm) => compile(sql`SELECT count(*) AS n FROM ${petitions}${whereOf(and(arm, base))}`)),
  };
}

/**
 * Text search: the index finds the matches (every word, newest first, the scope and filters applied in the same
 * query) — FTS5 on SQLite, the token sets' GIN indexes on PostgreSQL (db/pg/search.ts) — and the newest
 * SEARCH_CANDIDATES of them are ranked by `relevance`, then paged by offset.
 */
function searchStatements(
  db: Pick<ReadModel, 'engine' | 'compile'>,
  where: SQL | undefined,
  text: string,
  cursor: Cursor | null,
): PageStatements {
  const filter = where ?? sql`1 = 1`;
  const found = db.engine === 'postgres' ? searchCondition(text) : matchExpression(text);
  if (!found) throw badInput('filter.text', 'the search text has no letters or characters to look for');
  const offset = cursor?.k === 'off' ? cursor.o : 0;
  if (db.engine === 'postgres') {
    // PostgreSQL misjudges how many rows a token set matches, and carried every match's texts through the join to
    // keep the newest few hundred (a common word: ~50 000 rows). The newest are chosen by number first, joined to
    // petitions only where a filter reads its columns, and only they bring their texts.
    const matches = where
      ? sql`FROM petition_search JOIN ${petitions} ON ${petitions.num} = petition_search.num WHERE ${found} AND ${where}`
      : sql`FROM petition_search WHERE ${found}`;
    return {
      kind: 'search',
      text,
      offset,
      candidates: db.compile(sql`SELECT ${petitions.num}, ${petitions.summary}, ${petitions.content} FROM ${petitions}
        WHERE ${petitions.num} IN (SELECT petition_search.num ${matches}
          ORDER BY petition_search.num DESC LIMIT ${SEARCH_CANDIDATES})
        ORDER BY ${petitions.num} DESC`),
      count: () => db.compile(sql`SELECT count(*) AS n ${matches}`),
    };
  }
  // Newest first by the search table's own key, which its index holds in order.
  const matches = sql`FROM petition_search JOIN ${petitions} ON ${petitions.num} = petition_search.rowid
      WHERE petition_search MATCH ${found} AND ${filter}`;
  return {
    kind: 'search',
    text,
    offset,
    candidates: db.compile(sql`SELECT ${petitions.num}, ${petitions.summary}, ${petitions.content} ${matches}
      ORDER BY petition_search.rowid DESC LIMIT ${SEARCH_CANDIDATES}`),
    count: () => db.compile(sql`SELECT count(*) AS n ${matches}`),
  };
}

/** The lean rows of a ranked page, by row number. */
export function rowsByNumber(db: ReadModel, nums: readonly number[]): Statement {
  return db.compile(
    sql`SELECT ${sql.raw(rowColumns(db))} FROM ${petitions} WHERE ${inArray(petitions.num, [...nums])}`,
  );
}

/**
 * Compiling a page's statements through drizzle costs about a tenth of a page; the same page asked again (a
 * unit's first page, reloaded by its handlers all day) reuses them. They are a function of these inputs alone.
 */
const MAX_COMPILED = 500;
const compiledByReadModel = new WeakMap<ReadModel, Map<string, PageStatements>>();

function statementsOf(db: ReadModel, ...inputs: Tail<Parameters<typeof pageStatements>>): PageStatements {
  let compiled = compiledByReadModel.get(db);
  if (!compiled) compiledByReadModel.set(db, (compiled = new Map()));
  const key = JSON.stringify(inputs);
  let statements = compiled.get(key);
  if (!statements) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, (statements = pageStatements(db, ...inputs)));
  }
  return statements;
}

type Tail<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

const countOf = async (db: ReadModel, count: Statement) => Number((await db.row<{ n: number }>(count))?.n ?? 0);

export async function listPetitions(
  db: ReadModel,
  scope: ReadScope,
  filter: PetitionFilter,
  sort: PetitionSort,
  first: number,
  after: string | null | undefined,
): Promise<PetitionPage> {
  const statements = statementsOf(db, scope, filter, sort, first, after ?? null);
  if (statements.kind === 'none') return { nodes: [], hasNextPage: false, totalCount: async () => 0 };
  if (statements.kind === 'search') return search(db, statements, first);
  const { byDue } = statements;
  const keyOf = (r: RawRow) => (byDue ? r.due_at : r.received_at) as number;
  const arms = await Promise.all(statements.arms.map((arm) => db.rows<RawRow>(arm)));
  const rows = arms
    .flat()
    .sort((a, b) => (byDue ? 1 : -1) * (keyOf(a) - keyOf(b) || (a.num as number) - (b.num as number)))
    .slice(0, first + 1);
  return {
    nodes: rows.slice(0, first).map((r) => ({
      parent: listedPetition(db, r),
      cursor: encodeCursor({ k: 'key', v: keyOf(r), n: r.num as number }),
      highlight: null,
    })),
    hasNextPage: rows.length > first,
    totalCount: async () =>
      (await Promise.all(statements.counts().map((count) => countOf(db, count)))).reduce((sum, n) => sum + n, 0),
  };
}

async function search(
  db: ReadModel,
  { text, offset, candidates, count }: Extract<PageStatements, { kind: 'search' }>,
  first: number,
): Promise<PetitionPage> {
  const ranked = (await db.rows<{ num: number; summary: string; content: string }>(candidates))
    .map((row) => ({ row, score: relevance(row.summary, row.content, text) }))
    .sort((a, b) => b.score - a.score || b.row.num - a.row.num);
  const page = ranked.slice(offset, offset + first);
  // Only the page's rows are read whole (as lean rows).
  const rows = new Map(
    page.length
      ? (
          await db.rows<RawRow>(
            rowsByNumber(
              db,
              page.map(({ row }) => row.num),
            ),
          )
        ).map((r) => [r.num, r])
      : [],
  );
  return {
    nodes: page.map(({ row }, i) => ({
      parent: listedPetition(db, rows.get(row.num)!),
      cursor: encodeCursor({ k: 'off', o: offset + i + 1 }),
      highlight: highlight(`${row.summary}｜${row.content}`, text),
    })),
    hasNextPage: offset + first < ranked.length,
    totalCount: () => countOf(db, count()),
  };
}
