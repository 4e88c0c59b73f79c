/** The supervisors' outbox: one notice per petition event, written once whatever the retries. */
import type { SqliteDatabase } from './connection';
import type { SupervisorNotices } from './read-model';
import { outbox } from './schema';

export type NotifySupervisorsInput = SupervisorNotices;

/** The outbox's rows for some events of a petition, as either dialect stores them. */
export function noticeRows({ petitionId, summary, events }: SupervisorNotices) {
  return events.map((e) => ({
    petitionId,
    seq: e.seq,
    recipientRole: 'SUPERVISOR',
    kind: e.type,
    message: `${petitionId}「${summary}」${e.note ?? e.type}`,
    createdAt: new Date(e.at),
  }));
}

/** SQLite's `writeSupervisorNotices` (db/read-model.ts). */
export function writeSupervisorNotices(db: SqliteDatabase, notices: SupervisorNotices): void {
  const rows = noticeRows(notices);
  if (rows.length) db.insert(outbox).values(rows).onConflictDoNothing().run();
}
