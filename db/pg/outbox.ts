/** The supervisors' outbox on PostgreSQL: the rows ../outbox.ts writes on SQLite, once per (petition, sequence). */
import { noticeRows } from '../outbox';
import type { SupervisorNotices } from '../read-model';
import type { PgReadModel } from './connection';
import { outbox } from './schema';

export async function writeSupervisorNoticesPg(db: PgReadModel, notices: SupervisorNotices): Promise<void> {
  const rows = noticeRows(notices);
  if (rows.length) await db.insert(outbox).values(rows).onConflictDoNothing();
}
