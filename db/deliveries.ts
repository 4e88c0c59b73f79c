/**
 * The record of notices leaving the system (db/delivery-schema.ts), written by the delivery activity on either
 * dialect with the same statements: `ON CONFLICT … DO UPDATE` and `excluded` read alike on SQLite and PostgreSQL.
 *
 * The order of the writes is what makes a crash cost a duplicate rather than a loss: the attempt is written before
 * the send, `sent_at` after it. A worker that dies between the channel taking a message and `sent_at` being
 * written leaves `sent_at` null, so the retried activity sends again — the robot has no idempotency key. Once
 * `sent_at` is written no retry sends, and nothing writes over it.
 */
import { sql } from 'drizzle-orm';
import type { ReadModel } from './read-model';
import { notificationDeliveries } from './schema';

/** One notice (or text message) on one channel. */
export interface DeliveryKey {
  petitionId: string;
  seq: number;
  recipient: string;
  channel: string;
}

export interface DeliveryRecord extends DeliveryKey {
  kind: string;
  attempts: number;
  lastError: string | null;
  heldUntil: number | null;
  sentAt: number | null;
  messageId: string | null;
}

const where = (k: DeliveryKey) =>
  sql`petition_id = ${k.petitionId} AND seq = ${k.seq} AND recipient = ${k.recipient} AND channel = ${k.channel}`;

export async function deliveryOf(db: ReadModel, key: DeliveryKey): Promise<DeliveryRecord | undefined> {
  return db.row<DeliveryRecord>(
    sql`SELECT petition_id AS "petitionId", seq, recipient, channel, kind, attempts, last_error AS "lastError",
          held_until AS "heldUntil", sent_at AS "sentAt", message_id AS "messageId"
        FROM ${notificationDeliveries} WHERE ${where(key)}`,
  );
}

/** Before a send: the attempt it is (never counting down, should attempts finish out of order). */
export async function recordAttempt(
  db: ReadModel,
  key: DeliveryKey,
  attempt: { kind: string; attempt: number; heldUntil: number | null; now: number },
): Promise<void> {
  await db.exec(
    sql`INSERT INTO ${notificationDeliveries}
          (petition_id, seq, recipient, channel, kind, attempts, held_until, updated_at)
        VALUES (${key.petitionId}, ${key.seq}, ${key.recipient}, ${key.channel}, ${attempt.kind}, ${attempt.attempt},
          ${attempt.heldUntil}, ${attempt.now})
        ON CONFLICT (petition_id, seq, recipient, channel) DO UPDATE SET
          attempts = CASE WHEN excluded.attempts > ${notificationDeliveries}.attempts
            THEN excluded.attempts ELSE ${notificationDeliveries}.attempts END,
          held_until = excluded.held_until,
          updated_at = excluded.updated_at
        WHERE ${notificationDeliveries}.sent_at IS NULL`,
  );
}

/** After the channel took it. The first success stands. */
export async function recordSent(
  db: ReadModel,
  key: DeliveryKey,
  sent: { now: number; messageId: string | null },
): Promise<void> {
  await db.exec(
    sql`UPDATE ${notificationDeliveries}
        SET sent_at = ${sent.now}, message_id = ${sent.messageId}, last_error = NULL, updated_at = ${sent.now}
        WHERE ${where(key)} AND sent_at IS NULL`,
  );
}

/** After an attempt failed: why, for the operator (it is retried, or given up on, by the activity's policy). */
export async function recordFailure(db: ReadModel, key: DeliveryKey, failure: { error: string; now: number }) {
  await db.exec(
    sql`UPDATE ${notificationDeliveries} SET last_error = ${failure.error.slice(0, 500)}, updated_at = ${failure.now}
        WHERE ${where(key)} AND sent_at IS NULL`,
  );
}
