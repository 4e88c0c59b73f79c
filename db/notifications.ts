/**
 * Writes notices (domain/petition/notices.ts) into the `notifications` table, once per (petition, event, recipient)
 * whatever the retries: a projection retried, a rebuild, or both write the same rows.
 */
import type { Notice } from '../domain/petition/notices';
import type { SqliteDatabase } from './connection';
import { notifications } from './schema';

/** The rows of some notices, as either dialect stores them. */
export function notificationRows(notices: readonly Notice[]) {
  return notices.map((n) => ({
    petitionId: n.petitionId,
    seq: n.seq,
    recipient: n.recipient,
    kind: n.kind,
    message: n.message,
    createdAt: new Date(n.at),
  }));
}

/** SQLite's `writeNotifications` (db/read-model.ts). One writer at a time, so ids become visible in their order. */
export function writeNotifications(db: SqliteDatabase, notices: readonly Notice[]): void {
  if (notices.length) db.insert(notifications).values(notificationRows(notices)).onConflictDoNothing().run();
}
