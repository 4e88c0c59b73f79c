/**
 * The notices of runs begun before the local projection (`local-projection`): their workflow calls
 * `notifySupervisors` with the events of each change right after its `projectPetition` activity, carrying no more
 * of the petition than its id and summary. Who else is told (the acting unit, a leader) follows from the petition
 * as that projection just wrote it. Idempotent: one row per (petition, event, recipient).
 */
import { sql } from 'drizzle-orm';
import type { ReadModel } from '../db/read-model';
import { petitions } from '../db/schema';
import type { TimelineEvent } from '../domain/petition';
import { noticesOf } from '../domain/petition/notices';
import type { NoticeDispatcher } from './notice-dispatcher';

/** What those runs send (their workflow code fixes the name and the shape). */
export interface NotifySupervisorsInput {
  petitionId: string;
  summary: string;
  events: TimelineEvent[];
}

export interface NotificationActivities {
  notifySupervisors(input: NotifySupervisorsInput): Promise<void>;
}

export function createNotificationActivities(db: ReadModel, deliveries?: NoticeDispatcher): NotificationActivities {
  return {
    async notifySupervisors({ petitionId, events }) {
      const row = await db.row<{ acting: string | null; accused: string | null }>(
        sql`SELECT acting_unit_id AS acting, accused_unit_id AS accused FROM ${petitions} WHERE id = ${petitionId}`,
      );
      const facts = { petitionId, actingUnitId: row?.acting ?? null, accusedUnitId: row?.accused ?? null };
      const notices = noticesOf(facts, events);
      await db.writeNotifications(notices);
      // The petitioner's text messages of those runs go from their `projectPetition`.
      await deliveries?.dispatch(petitionId, null, notices, events);
    },
  };
}
