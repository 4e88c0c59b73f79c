/**
 * Tells supervisors what the petition workflows did on their own (automatic 催办/督办, overdue, 提级包案
 * proposals) by writing to the outbox table. Idempotent: one row per (petition, event sequence).
 */
import type { ReadModel } from '../db/connection';
import { outbox } from '../db/schema';
import type { TimelineEvent } from '../domain/petition';

export interface NotifySupervisorsInput {
  petitionId: string;
  summary: string;
  events: TimelineEvent[];
}

export interface NotificationActivities {
  notifySupervisors(input: NotifySupervisorsInput): Promise<void>;
}

export function createNotificationActivities(db: ReadModel): NotificationActivities {
  return {
    async notifySupervisors({ petitionId, summary, events }) {
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
    },
  };
}
