/**
 * Tells supervisors what the petition workflows did on their own (automatic 催办/督办, overdue, 提级包案
 * proposals) by writing to the outbox table. Idempotent: one row per (petition, event sequence).
 */
import type { ReadModel } from '../db/read-model';
import type { NotifySupervisorsInput } from '../db/outbox';

export type { NotifySupervisorsInput };

export interface NotificationActivities {
  notifySupervisors(input: NotifySupervisorsInput): Promise<void>;
}

export function createNotificationActivities(db: ReadModel): NotificationActivities {
  return {
    async notifySupervisors(input) {
      await db.writeSupervisorNotices(input);
    },
  };
}
