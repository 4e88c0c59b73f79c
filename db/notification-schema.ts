/**
 * Notices (通知) of petition events to the principals they concern (domain/petition/notices.ts), and who has read
 * which. `notifications` is a projection: one row per (petition, event, recipient scope), written with the
 * petition's change and rebuilt from Temporal like the rest. `notification_reads` is the principals' own state,
 * like the access log: a rebuild leaves it out, and it is keyed by the event, not by the notification's id,
 * because a rebuild numbers the notifications anew.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ms } from './columns';

export const notifications = sqliteTable(
  'notifications',
  {
    /** Ascending in the order the rows became visible: a reader's cursor (the subscription's `after`). */
    id: integer('id').primaryKey({ autoIncrement: true }),
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

export const notificationReads = sqliteTable(
  'notification_reads',
  {
    principalId: text('principal_id').notNull(),
    petitionId: text('petition_id').notNull(),
    seq: integer('seq').notNull(),
    readAt: ms('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.principalId, t.petitionId, t.seq] })],
);
