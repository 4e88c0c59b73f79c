/**
 * Reads of the read model behind `petition` and `petitions`. Unit isolation is part of every query's
 * WHERE clause, never a filter applied afterwards. Lists page by keyset (stable while new petitions arrive);
 * text search ranks the newest matches by relevance and pages by offset within that ranking.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Engine, ReadModel } from '../db/read-model';
import { petitionEvents, petitions } from '../db/schema';
import type { Category, PetitionState, PetitionStatus, TimelineEvent } from '../domain/petition';
import type { ReadScope } from './access';
import type { Principal } from './auth';
import { badInput } from './errors';
import { wholePetition, type PetitionParent } from './petition-rows';

export type { PetitionParent } from './petition-rows';

export function fromWorkflowState(state: PetitionState): PetitionParent {
  return wholePetition(state, state.timeline);
}

function fromStateJson(stateJson: string): PetitionParent {
  return wholePetition(JSON.parse(stateJson) as PetitionParent['state'], null);
}

export async function loadPetition(db: ReadModel, id: string): Promise<PetitionParent | null> {
  const row = await db.row<{ state_json: string }>(sql`SELECT state_json FROM ${petitions} WHERE id = ${id}`);
  return row ? fromStateJson(row.state_json) : null;
}

/**
 * A reviewer's membership of the panels before one petition, read ahead so that the access decision (./access.ts)
 * stays a pure function; every other principal needs no read.
 */
export async function panelMembership(
  db: ReadModel,
  principal: Principal | null,
  petitionId: string,
): Promise<(memberId: string) => boolean> {
  const memberId = principal?.role === 'REVIEWER' ? principal.memberId : null;
  if (!memberId) return () => false;
  const on = await onPanelOf(db, petitionId, memberId);
  return (asked) => on && asked === memberId;
}

/** Whether a panel member has this petition before one of their panels. */
export async function onPanelOf(db: ReadModel, petitionId: string, memberId: string): Promise<boolean> {
  return !!(await db.row(sql`
    SELECT 1 AS one FROM panel_cases pc JOIN panel_members pm ON pm.panel_id = pc.panel_id
    WHERE pc.petition_id = ${petitionId} AND pm.member_id = ${memberId} LIMIT 1`));
}

interface EventRow {
  seq: number;
  type: TimelineEvent['type'];
  at: number;
  actor_id: string | null;
  actor_role: string | null;
  note: string | null;
  data_json: string;
}

export async function loadTimeline(db: ReadModel, petitionId: string): Promise<TimelineEvent[]> {
  const rows = await db.rows<EventRow>(sql`SELECT seq, type, at, actor_id, actor_role, note, data_json
    FROM ${petitionEvents} WHERE petition_id = ${petitionId} ORDER BY seq`);
  return rows.map((e) => ({
    seq: e.seq,
    type: e.type,
    at: e.at,
    actor: e.actor_id ? { id: e.actor_id, role: e.actor_role ?? '' } : null,
    note: e.note,
    data: JSON.parse(e.data_json) as TimelineEvent['data'],
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

export function conditions(filter: PetitionFilter, engine: Engine): SQL | undefined {
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
      AND pd.provisional AND pd.met_at IS NULL AND pd.lapsed_at IS NULL)`;
    where.push(filter.provisional ? open : sql`NOT ${open}`);
  }
  if (typeof filter.repeatDeclinedUnconfirmed === 'boolean') {
    // Before repeats were proposed, matching's repeatOf declined at registration with no one deciding: those
    // stay declined, listed here for a registrar to review. The events' primary key finds a petition's.
    const reason =
      engine === 'postgres' ? sql`(e.data_json::jsonb ->> 'reason')` : sql`json_extract(e.data_json, '$.reason')`;
    const unconfirmed = sql`(${petitions.status} = 'DECLINED' AND ${petitions.repeatOf} IS NOT NULL
      AND EXISTS (SELECT 1 FROM petition_events e WHERE e.petition_id = ${petitions.id} AND e.type = 'DECLINED'
        AND ${reason} IN ('ALREADY_REEXAMINED', 'DUPLICATE_IN_PROGRESS'))
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
export function scopeArms(scope: ReadScope): (SQL | undefined)[] {
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
    // IS DISTINCT FROM: NULL-safe on both dialects (SQLite reads it as its own IS NOT, which PostgreSQL lacks).
    and(eq(petitions.reviewUnitId, scope.unitId), sql`${petitions.unitId} IS DISTINCT FROM ${scope.unitId}`, visible),
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
  totalCount: () => Promise<number>;
}

// Cursors are opaque to clients: the sort key and the row's number, or the offset in a ranked search.
export type Cursor = { k: 'key'; v: number; n: number } | { k: 'off'; o: number };

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

export function decodeCursor(after: string | null | undefined): Cursor | null {
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
