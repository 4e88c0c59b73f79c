/**
 * Notices as they left the system (通知外发): one row per (petition, event, recipient, channel) a delivery was
 * attempted on — a 企业微信 group robot named in the channel configuration, or `sms` for the petitioner's phone
 * (recipient `PETITIONER`). Keyed by the event like `notification_reads`, not by the notification's id, because a
 * rebuild numbers the notifications anew; and like the read marks it is the system's own record, not a
 * projection: a rebuild copies it over (scripts/rebuild-read-model.ts) so that nothing is sent twice for it.
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ms } from './columns';

export const notificationDeliveries = sqliteTable(
  'notification_deliveries',
  {
    petitionId: text('petition_id').notNull(),
    seq: integer('seq').notNull(),
    /** A scope of domain/petition/notices.ts, or `PETITIONER`. */
    recipient: text('recipient').notNull(),
    /** The channel's configured name (never its URL, which holds the robot's key), or `sms`. */
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    /** Attempts begun so far: the activity's attempt, written before each send. */
    attempts: integer('attempts').notNull(),
    /** Why the last attempt failed; null once one succeeded. */
    lastError: text('last_error'),
    /** When the quiet hours it was held through ended (null: not held). */
    heldUntil: ms('held_until'),
    /** When the channel took it; null while it has not. */
    sentAt: ms('sent_at'),
    /** The id the SMS gateway gave the message. */
    messageId: text('message_id'),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.seq, t.recipient, t.channel] })],
);
