/**
 * A principal's notices (通知) in the read model: which recipient scopes are the principal's, and the statements
 * over `notifications` and `notification_reads`, written once over db/schema.ts for both dialects.
 */
import { sql, type SQL } from 'drizzle-orm';
import { flag, type ReadModel } from '../db/read-model';
import { notificationReads as reads, notifications as n, petitions } from '../db/schema';
import type { NoticeKind } from '../domain/petition/notices';
import type { Principal } from './auth';

/** A notice as the API answers it. */
export interface NotificationNode {
  id: string;
  petitionId: string;
  kind: NoticeKind;
  message: string;
  at: number;
  read: boolean;
}

/** A page as `notifications` answers it; `unreadCount` is its own resolver's. */
export interface NotificationConnectionParent {
  edges: { node: NotificationNode; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface NotificationRow {
  id: number;
  petitionId: string;
  kind: NoticeKind;
  message: string;
  at: number;
  read: unknown;
}

/** The scopes a principal hears through (domain/petition/notices.ts, `Recipient`). */
export function recipientsOf(principal: Principal): string[] {
  const scopes = [`PRINCIPAL:${principal.id}`];
  if (principal.role === 'SUPERVISOR' || principal.role === 'REGISTRAR') scopes.push(`ROLE:${principal.role}`);
  if ((principal.role === 'UNIT_HANDLER' || principal.role === 'UNIT_HEAD') && principal.unitId)
    scopes.push(`UNIT:${principal.unitId}`);
  return scopes;
}

const isRead = (principal: Principal) =>
  sql`EXISTS (SELECT 1 FROM ${reads} WHERE ${reads.principalId} = ${principal.id}
    AND ${reads.petitionId} = ${n.petitionId} AND ${reads.seq} = ${n.seq})`;

/**
 * The notices addressed to the principal. No notice is ever addressed to an accusation's accused unit; the unit's
 * read leaves such a petition out again, so that the rule does not rest on the writer alone (Art. 30 ¶3).
 */
function addressedTo(principal: Principal): SQL {
  const scopes = sql.join(
    recipientsOf(principal).map((r) => sql`${r}`),
    sql`, `,
  );
  const mine = sql`${n.recipient} IN (${scopes})`;
  if (!principal.unitId || (principal.role !== 'UNIT_HANDLER' && principal.role !== 'UNIT_HEAD')) return mine;
  return sql`${mine} AND NOT EXISTS (SELECT 1 FROM ${petitions} WHERE ${petitions.id} = ${n.petitionId}
    AND ${petitions.accusedUnitId} = ${principal.unitId})`;
}

function node(row: NotificationRow): NotificationNode {
  return {
    id: String(row.id),
    petitionId: row.petitionId,
    kind: row.kind,
    message: row.message,
    at: Number(row.at),
    read: flag(row.read),
  };
}

const columns = (principal: Principal) => sql`${n.id} AS "id", ${n.petitionId} AS "petitionId", ${n.kind} AS "kind",
  ${n.message} AS "message", ${n.createdAt} AS "at", ${isRead(principal)} AS "read"`;

/** A page of the principal's notices, newest first, before the id `before` (exclusive) when given. */
export async function notificationPage(
  db: ReadModel,
  principal: Principal,
  options: { unread: boolean; first: number; before: number | null },
): Promise<{ nodes: NotificationNode[]; hasNextPage: boolean }> {
  const where = [addressedTo(principal)];
  if (options.before !== null) where.push(sql`${n.id} < ${options.before}`);
  if (options.unread) where.push(sql`NOT ${isRead(principal)}`);
  const rows = await db.rows<NotificationRow>(sql`SELECT ${columns(principal)} FROM ${n}
    WHERE ${sql.join(where, sql` AND `)} ORDER BY ${n.id} DESC LIMIT ${options.first + 1}`);
  return { nodes: rows.slice(0, options.first).map(node), hasNextPage: rows.length > options.first };
}

/** The principal's notices after the id `after`, oldest first: what a subscriber has not received yet. */
export async function notificationsAfter(
  db: ReadModel,
  principal: Principal,
  after: number,
  limit: number,
): Promise<NotificationNode[]> {
  const rows = await db.rows<NotificationRow>(sql`SELECT ${columns(principal)} FROM ${n}
    WHERE ${addressedTo(principal)} AND ${n.id} > ${after} ORDER BY ${n.id} LIMIT ${limit}`);
  return rows.map(node);
}

/** The newest notice's id, anyone's: a subscriber without a cursor starts after it. */
export async function newestNotificationId(db: ReadModel): Promise<number> {
  return Number((await db.row<{ id: number | null }>(sql`SELECT max(${n.id}) AS "id" FROM ${n}`))?.id ?? 0);
}

export async function unreadCount(db: ReadModel, principal: Principal): Promise<number> {
  const row = await db.row<{ n: number }>(sql`SELECT count(*) AS "n" FROM ${n}
    WHERE ${addressedTo(principal)} AND NOT ${isRead(principal)}`);
  return Number(row?.n ?? 0);
}

/** Marks the principal's own notices among `ids` read (once: a second mark keeps the first time) and answers them. */
export async function markRead(
  db: ReadModel,
  principal: Principal,
  ids: readonly number[],
  now: number,
): Promise<NotificationNode[]> {
  if (!ids.length) return [];
  const listed = sql`${n.id} IN (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
  await db.exec(sql`INSERT INTO ${reads} (principal_id, petition_id, seq, read_at)
    SELECT ${principal.id}, ${n.petitionId}, ${n.seq}, CAST(${now} AS bigint) FROM ${n} WHERE ${listed} AND ${addressedTo(principal)}
    ON CONFLICT DO NOTHING`);
  const rows = await db.rows<NotificationRow>(sql`SELECT ${columns(principal)} FROM ${n}
    WHERE ${listed} AND ${addressedTo(principal)} ORDER BY ${n.id}`);
  return rows.map(node);
}
