/**
 * Reads of the SQLite read model behind `petition` and `petitions`. Unit isolation is part of every query's
 * WHERE clause, never a filter applied afterwards. Lists page by keyset (stable while new petitions arrive);
 * text search ranks the newest matches by relevance and pages by offset within that ranking.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ReadModel } from '../db/connection';
import { petitionEvents, petitions } from '../db/schema';
import { highlight, matchExpression, relevance } from '../db/search-tokens';
import type { Category, PetitionState, PetitionStatus, TimelineEvent } from '../domain/petition';
import type { ReadScope } from './access';
import { badInput } from './errors';

/** What a `Petition` field resolves from: a snapshot, and its timeline when already at hand. */
export interface PetitionParent {
  state: Omit<PetitionState, 'timeline'>;
  timeline: TimelineEvent[] | null;
}

export function fromWorkflowState(state: PetitionState): PetitionParent {
  return { state, timeline: state.timeline };
}

function fromStateJson(stateJson: string): PetitionParent {
  return { state: JSON.parse(stateJson) as PetitionParent['state'], timeline: null };
}

export function loadPetition(db: ReadModel, id: string): PetitionParent | null {
  const row = db.select({ stateJson: petitions.stateJson }).from(petitions).where(eq(petitions.id, id)).get();
  return row ? fromStateJson(row.stateJson) : null;
}

/** Whether a panel member has this petition before one of their panels. */
export function onPanelOf(db: ReadModel, petitionId: string, memberId: string): boolean {
  return !!db.get(sql`
    SELECT 1 FROM panel_cases pc JOIN panel_members pm ON pm.panel_id = pc.panel_id
    WHERE pc.petition_id = ${petitionId} AND pm.member_id = ${memberId} LIMIT 1`);
}

export function loadTimeline(db: ReadModel, petitionId: string): TimelineEvent[] {
  return db
    .select()
    .from(petitionEvents)
    .where(eq(petitionEvents.petitionId, petitionId))
    .orderBy(asc(petitionEvents.seq))
    .all()
    .map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at.getTime(),
      actor: e.actorId ? { id: e.actorId, role: e.actorRole ?? '' } : null,
      note: e.note,
      data: JSON.parse(e.dataJson) as TimelineEvent['data'],
    }));
}

export type PetitionSort = 'RECEIVED_DESC' | 'DUE_ASC';

export interface PetitionFilter {
  status?: PetitionStatus[] | null;
  unitId?: string | null;
  overdue?: boolean | null;
  dueSoon?: boolean | null;
  escalated?: boolean | null;
  escalationProposed?: boolean | null;
  /** Some open deadline counts on a year without its holiday notice. */
  provisional?: boolean | null;
  /** Declined as a repeat (a repeat reason) with no REPEAT_CONFIRMED on its timeline. */
  repeatDeclinedUnconfirmed?: boolean | null;
  dueBefore?: number | null;
  category?: Category | null;
  receivedFrom?: number | null;
  receivedTo?: number | null;
  text?: string | null;
}

function conditions(filter: PetitionFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.status?.length) where.push(inArray(petitions.status, filter.status));
  if (filter.unitId) where.push(eq(petitions.unitId, filter.unitId));
  if (typeof filter.overdue === 'boolean') where.push(eq(petitions.overdue, filter.overdue));
  if (typeof filter.dueSoon === 'boolean') where.push(eq(petitions.dueSoon, filter.dueSoon));
  if (typeof filter.escalated === 'boolean')
    where.push(filter.escalated ? isNotNull(petitions.escalatedLeaderId) : isNull(petitions.escalatedLeaderId));
  if (typeof filter.escalationProposed === 'boolean')
    where.push(eq(petitions.escalationProposed, filter.escalationProposed));
  if (typeof filter.provisional === 'boolean') {
    // An open clock is neither met nor lapsed, as for dueAt; the deadlines' primary key finds a petition's.
    const open = sql`EXISTS (SELECT 1 FROM petition_deadlines pd WHERE pd.petition_id = ${petitions.id}
      AND pd.provisional = 1 AND pd.met_at IS NULL AND pd.lapsed_at IS NULL)`;
    where.push(filter.provisional ? open : sql`NOT ${open}`);
  }
  if (typeof filter.repeatDeclinedUnconfirmed === 'boolean') {
    // Before repeats were proposed, matching's repeatOf declined at registration with no one deciding: those
    // stay declined, listed here for a registrar to review. The events' primary key finds a petition's.
    const unconfirmed = sql`(${petitions.status} = 'DECLINED' AND ${petitions.repeatOf} IS NOT NULL
      AND EXISTS (SELECT 1 FROM petition_events e WHERE e.petition_id = ${petitions.id} AND e.type = 'DECLINED'
        AND json_extract(e.data_json, '$.reason') IN ('ALREADY_REEXAMINED', 'DUPLICATE_IN_PROGRESS'))
      AND NOT EXISTS (SELECT 1 FROM petition_events e WHERE e.petition_id = ${petitions.id} AND e.type = 'REPEAT_CONFIRMED'))`;
    where.push(filter.repeatDeclinedUnconfirmed ? unconfirmed : sql`NOT ${unconfirmed}`);
  }
  if (filter.dueBefore != null) where.push(lte(petitions.dueAt, new Date(filter.dueBefore)));
  if (filter.category) where.push(eq(petitions.category, filter.category));
  if (filter.receivedFrom != null) where.push(gte(petitions.receivedAt, new Date(filter.receivedFrom)));
  if (filter.receivedTo != null) where.push(lte(petitions.receivedAt, new Date(filter.receivedTo)));
  return and(...where);
}

/**
 * A unit reads the petitions it handles and those it reviews (as the organ one level up): two arms, each of
 * which an index serves in order, instead of one OR that no index serves.
 */
function scopeArms(scope: ReadScope): (SQL | undefined)[] {
  if (scope.kind === 'leader') return [eq(petitions.escalatedLeaderId, scope.leaderId)];
  if (scope.kind === 'reviewer') {
    return [
      sql`${petitions.id} IN (SELECT pc.petition_id FROM panel_cases pc JOIN panel_members pm ON pm.panel_id = pc.panel_id WHERE pm.member_id = ${scope.memberId})`,
    ];
  }
  if (scope.kind !== 'unit') return [undefined];
  const visible = notAccusing(scope.unitId);
  return [
    and(eq(petitions.unitId, scope.unitId), visible),
    and(eq(petitions.reviewUnitId, scope.unitId), sql`${petitions.unitId} IS NOT ${scope.unitId}`, visible),
  ];
}

/**
 * Leaves out the accusations against the unit, as `petitionAccess` does (api/access.ts). By row number, from
 * the accused-unit index: the arms' covering indexes hold the row number, so a count still reads no rows.
 */
export function notAccusing(unitId: string): SQL {
  return sql`${petitions.num} NOT IN (SELECT acc.num FROM petitions acc WHERE acc.accused_unit_id = ${unitId})`;
}

/** A `PetitionConnection` before GraphQL reads it: the total is counted only when a client asks for it. */
export interface PetitionConnectionParent {
  edges: { node: PetitionParent; cursor: string; highlight: string | null }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => number;
}

export interface PetitionPage {
  nodes: { parent: PetitionParent; cursor: string; highlight: string | null }[];
  hasNextPage: boolean;
  /** Counting a million rows costs more than a page: done only when the client asks for it. */
  totalCount: () => number;
}

// Cursors are opaque to clients: the sort key and the row's number, or the offset in a ranked search.
export type Cursor = { k: 'key'; v: number; n: number } | { k: 'off'; o: number };

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

function decode(after: string | null | undefined): Cursor | null {
  if (!after) return null;
  try {
    const cursor = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as Cursor;
    if (cursor.k === 'key' && Number.isFinite(cursor.v) && Number.isInteger(cursor.n)) return cursor;
    if (cursor.k === 'off' && Number.isInteger(cursor.o) && cursor.o >= 0) return cursor;
  } catch {
    // fall through
  }
  throw badInput('after', 'after is not a cursor this API gave out: pass the endCursor of the page before');
}

export function listPetitions(
  db: ReadModel,
  scope: ReadScope,
  filter: PetitionFilter,
  sort: PetitionSort,
  first: number,
  after: string | null | undefined,
): PetitionPage {
  const cursor = decode(after);
  if (scope.kind === 'none') return { nodes: [], hasNextPage: false, totalCount: () => 0 };
  const where = conditions(filter);
  const arms = scopeArms(scope);
  // A cursor of a search pages by rank, one of a list by key: the other kind would restart silently.
  const text = filter.text?.trim();
  if (cursor && cursor.k !== (text ? 'off' : 'key'))
    throw badInput('after', 'after is a cursor of another listing: page with the same filter');
  if (text) return search(db, or(...arms.map((arm) => and(arm, where)).filter(Boolean)), text, first, cursor);

  const byDue = sort === 'DUE_ASC';
  const key = byDue ? petitions.dueAt : petitions.receivedAt;
  const base = byDue ? and(where, isNotNull(petitions.dueAt)) : where;
  // Keyset: a row value comparison, which SQLite turns into a range on the (key, num) index.
  const page =
    cursor?.k === 'key'
      ? sql`(${key}, ${petitions.num}) ${sql.raw(byDue ? '>' : '<')} (${cursor.v}, ${cursor.n})`
      : undefined;
  const order = byDue ? [asc(key), asc(petitions.num)] : [desc(key), desc(petitions.num)];
  const rows = arms
    .flatMap((arm) =>
      db
        .select({ num: petitions.num, key, stateJson: petitions.stateJson })
        .from(petitions)
        .where(and(arm, base, page))
        .orderBy(...order)
        .limit(first + 1)
        .all(),
    )
    .sort((a, b) => (byDue ? 1 : -1) * (a.key!.getTime() - b.key!.getTime() || a.num - b.num))
    .slice(0, first + 1);
  const totalCount = () =>
    arms.reduce((sum, arm) => sum + (db.select({ n: count() }).from(petitions).where(and(arm, base)).get()?.n ?? 0), 0);
  return {
    nodes: rows.slice(0, first).map((r) => ({
      parent: fromStateJson(r.stateJson),
      cursor: encodeCursor({ k: 'key', v: r.key!.getTime(), n: r.num }),
      highlight: null,
    })),
    hasNextPage: rows.length > first,
    totalCount,
  };
}

/** How many of the newest matches a search ranks; a broader query is narrowed by adding words. */
export const SEARCH_CANDIDATES = 500;

/**
 * Text search: FTS5 finds the matches (every word, newest first, the scope and filters applied in the same
 * query), and the newest SEARCH_CANDIDATES of them are ranked by `relevance`, then paged by offset.
 */
function search(
  db: ReadModel,
  where: SQL | undefined,
  text: string,
  first: number,
  cursor: Cursor | null,
): PetitionPage {
  const match = matchExpression(text);
  if (!match) throw badInput('filter.text', 'the search text has no letters or characters to look for');
  const offset = cursor?.k === 'off' ? cursor.o : 0;
  const filter = where ?? sql`1`;
  const candidates = db
    .all<{ num: number; summary: string; content: string }>(
      sql`
      SELECT ${petitions.num}, ${petitions.summary}, ${petitions.content}
      FROM petition_search JOIN ${petitions} ON ${petitions.num} = petition_search.rowid
      WHERE petition_search MATCH ${match} AND ${filter}
      ORDER BY petition_search.rowid DESC
      LIMIT ${SEARCH_CANDIDATES}`,
    )
    .map((row) => ({ row, score: relevance(row.summary, row.content, text) }))
    .sort((a, b) => b.score - a.score || b.row.num - a.row.num);
  const page = candidates.slice(offset, offset + first);
  // Only the page's rows need their whole snapshot.
  const snapshots = new Map(
    page.length
      ? db
          .select({ num: petitions.num, stateJson: petitions.stateJson })
          .from(petitions)
          .where(
            inArray(
              petitions.num,
              page.map(({ row }) => row.num),
            ),
          )
          .all()
          .map((r) => [r.num, r.stateJson])
      : [],
  );
  const totalCount = () =>
    db.get<{ n: number }>(sql`
      SELECT count(*) AS n FROM petition_search JOIN ${petitions} ON ${petitions.num} = petition_search.rowid
      WHERE petition_search MATCH ${match} AND ${filter}`)?.n ?? 0;
  return {
    nodes: page.map(({ row }, i) => ({
      parent: fromStateJson(snapshots.get(row.num)!),
      cursor: encodeCursor({ k: 'off', o: offset + i + 1 }),
      highlight: highlight(`${row.summary}｜${row.content}`, text),
    })),
    hasNextPage: offset + first < candidates.length,
    totalCount,
  };
}
