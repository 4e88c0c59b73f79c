/** Notices as they left the system: PostgreSQL's copy of db/delivery-schema.ts, where the reasons are. */
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ms } from './columns';

export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    petitionId: text('petition_id').notNull(),
    seq: integer('seq').notNull(),
    recipient: text('recipient').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    attempts: integer('attempts').notNull(),
    lastError: text('last_error'),
    heldUntil: ms('held_until'),
    sentAt: ms('sent_at'),
    messageId: text('message_id'),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.seq, t.recipient, t.channel] })],
);
