/** Reads of the SQLite read model behind `petition` and `petitions`. */
import { and, asc, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ReadModel } from '../db/connection';
import { petitionEvents, petitions } from '../db/schema';
import type { PetitionState, TimelineEvent } from '../domain/petition';
import type { ReadScope } from './access';

/** What a `Petition` field resolves from: a snapshot, and its timeline when already at hand. */
export interface PetitionParent {
  state: Omit<PetitionState, 'timeline'>;
  timeline: TimelineEvent[] | null;
}

export function fromWorkflowState(state: PetitionState): PetitionParent {
  return { state, timeline: state.timeline };
}

function fromRow(row: typeof petitions.$inferSelect): PetitionParent {
  return { state: JSON.parse(row.stateJson) as PetitionParent['state'], timeline: null };
}

export function loadPetition(db: ReadModel, id: string): PetitionParent | null {
  const row = db.select().from(petitions).where(eq(petitions.id, id)).get();
  return row ? fromRow(row) : null;
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

export interface PetitionFilter {
  status?: string[] | null;
  unitId?: string | null;
  overdue?: boolean | null;
  dueBefore?: number | null;
  category?: string | null;
  receivedFrom?: number | null;
  receivedTo?: number | null;
  text?: string | null;
  dueSoon?: boolean | null;
}

/** Substring match; LIKE wildcards in the text are escaped, so "100%" means the text "100%". */
function contains(column: SQLiteColumn, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

function conditions(scope: ReadScope, filter: PetitionFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (scope.kind === 'unit') where.push(or(eq(petitions.unitId, scope.unitId), eq(petitions.reviewUnitId, scope.unitId)));
  if (filter.status?.length) where.push(inArray(petitions.status, filter.status));
  if (filter.unitId) where.push(eq(petitions.unitId, filter.unitId));
  if (typeof filter.overdue === 'boolean') where.push(eq(petitions.overdue, filter.overdue));
  if (filter.dueBefore != null) where.push(lte(petitions.dueAt, new Date(filter.dueBefore)));
  if (filter.category) where.push(eq(petitions.category, filter.category));
  if (filter.receivedFrom != null) where.push(gte(petitions.receivedAt, new Date(filter.receivedFrom)));
  if (filter.receivedTo != null) where.push(lte(petitions.receivedAt, new Date(filter.receivedTo)));
  if (typeof filter.dueSoon === 'boolean') where.push(eq(petitions.dueSoon, filter.dueSoon));
  if (filter.text) {
    where.push(or(contains(petitions.summary, filter.text), contains(petitions.content, filter.text)));
  }
  return and(...where);
}

export interface PetitionPage {
  nodes: PetitionParent[];
  offset: number;
  hasNextPage: boolean;
  totalCount: number;
}

/** Newest receipts first; `offset` comes from the opaque cursor. */
export function listPetitions(
  db: ReadModel,
  scope: ReadScope,
  filter: PetitionFilter,
  first: number,
  offset: number,
): PetitionPage {
  if (scope.kind === 'none') return { nodes: [], offset, hasNextPage: false, totalCount: 0 };
  const where = conditions(scope, filter);
  const rows = db
    .select()
    .from(petitions)
    .where(where)
    .orderBy(desc(petitions.receivedAt), asc(petitions.id))
    .limit(first + 1)
    .offset(offset)
    .all();
  const total = db.select({ n: count() }).from(petitions).where(where).get()?.n ?? 0;
  return { nodes: rows.slice(0, first).map(fromRow), offset, hasNextPage: rows.length > first, totalCount: total };
}
