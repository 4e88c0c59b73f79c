/**
 * Notices (通知) of petition events to the principals they concern, and who has read which: PostgreSQL's copy of
 * db/notification-schema.ts, where the reasons are.
 */
import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ms } from './columns';

export const notifications = pgTable(
  'notifications',
  {
    /** Ascending in the order the rows became visible: a reader's cursor (the subscription's `after`). */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    petitionId: text('petition_id').notNull(),
    seq: integer('seq').notNull(),
    /** `ROLE:SUPERVISOR`, `ROLE:REGISTRAR`, `UNIT:<unit id>` or `PRINCIPAL:<principal id>`. */
    recipient: text('recipient').notNull(),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('notifications_event_recipient_idx').on(t.petitionId, t.seq, t.recipient),
    index('notifications_recipient_idx').on(t.recipient, t.id),
  ],
);

export const notificationReads = pgTable(
  'notification_reads',
  {
    principalId: text('principal_id').notNull(),
    petitionId: text('petition_id').notNull(),
    seq: integer('seq').notNull(),
    readAt: ms('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.principalId, t.petitionId, t.seq] })],
);
