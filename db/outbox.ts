/** The supervisors' outbox: one notice per petition event, written once whatever the retries. */
import type { TimelineEvent } from '../domain/petition';
import type { ReadModel } from './connection';
import { outbox } from './schema';

export interface NotifySupervisorsInput {
  petitionId: string;
  summary: string;
  events: TimelineEvent[];
}

export function writeSupervisorNotices(db: ReadModel, { petitionId, summary, events }: NotifySupervisorsInput): void {
  db.transaction((tx) => {
    for (const e of events) {
      tx.insert(outbox)
        .values({
          petitionId,
          seq: e.seq,
          recipientRole: 'SUPERVISOR',
          kind: e.type,
          message: `${petitionId}「${summary}」${e.note ?? e.type}`,
          createdAt: new Date(e.at),
        })
        .onConflictDoNothing()
        .run();
    }
  });
}
