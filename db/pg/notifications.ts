/**
 * Notices on PostgreSQL: the rows ../notifications.ts writes on SQLite, once per (petition, event, recipient).
 *
 * Readers follow the table by id (the subscription polls for ids above its cursor). An identity is taken when a
 * row is inserted, not when it commits: two workers writing at once could commit ids 8 before 7, and a reader
 * that saw 8 would never see 7. So the writers take turns on a transaction's advisory lock, and ids commit in
 * their order. Notices are a few per change of a petition; the wait is short.
 */
import { sql } from 'drizzle-orm';
import type { Notice } from '../../domain/petition/notices';
import { notificationRows } from '../notifications';
import type { PgReadModel } from './connection';
import { notifications } from './schema';

/** The advisory lock's key: any fixed number no other part of the system locks on. */
const NOTIFICATIONS_LOCK = 7_233_102;

export async function writeNotificationsPg(db: PgReadModel, notices: readonly Notice[]): Promise<void> {
  if (!notices.length) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${NOTIFICATIONS_LOCK})`);
    await tx.insert(notifications).values(notificationRows(notices)).onConflictDoNothing();
  });
}
