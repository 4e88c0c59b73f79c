/**
 * Sends one notice on one channel — a 企业微信 group robot or the petitioner's phone — and records it
 * (db/deliveries.ts): the attempt before the send, `sent_at` after. Run by workflows/notice-delivery.ts, whose
 * retry policy decides how often; a failure this activity knows to be final is thrown non-retryable.
 */
import { Context } from '@temporalio/activity';
import { deliveryOf, recordAttempt, recordFailure, recordSent } from '../db/deliveries';
import type { ReadModel } from '../db/read-model';
import type { NoticeDeliveryInput } from '../workflows/notice-delivery';
import { SMS_CHANNEL, type DeliveryConfig } from './delivery-config';
import { DeliveryFailure } from './delivery-failure';
import { postToRobot, robotBody } from './wecom-robot';

/** A slow channel is abandoned after this long, and the attempt retried. */
const SEND_TIMEOUT_MS = 10_000;

export interface DeliverNoticeInput extends Omit<NoticeDeliveryInput, 'channels' | 'quietHours' | 'urgent'> {
  channel: string;
  heldUntil: number | null;
}

/** A network failure, by its kind and code (ECONNREFUSED, a timeout): its message may carry the address. */
function unreached(error: unknown): string {
  const { name, cause } = error as Error & { cause?: { code?: unknown } };
  return `send failed: ${name}${typeof cause?.code === 'string' ? ` (${cause.code})` : ''}`;
}

export interface DeliveryActivities {
  /** Answers when the channel took it (now, or on an earlier attempt). */
  deliverNotice(input: DeliverNoticeInput): Promise<{ sentAt: number }>;
}

export function createDeliveryActivities(db: ReadModel, config: DeliveryConfig): DeliveryActivities {
  /** Sends; answers the SMS gateway's message id, or null for a robot, which gives none. */
  async function send(input: DeliverNoticeInput, signal: AbortSignal): Promise<string | null> {
    if (input.channel === SMS_CHANNEL) {
      if (!config.sms) throw new DeliveryFailure('text messages are off (FENGQIAO_SMS)', false);
      if (!input.phone) throw new DeliveryFailure('the petitioner gave no phone number', false);
      return (await config.sms.send(input.phone, input.message, signal)).messageId;
    }
    const channel = config.webhooks.find((c) => c.name === input.channel);
    if (!channel) throw new DeliveryFailure(`channel "${input.channel}" is no longer configured`, false);
    await postToRobot(channel.url, robotBody(channel, input), signal);
    return null;
  }

  return {
    async deliverNotice(input) {
      const key = { petitionId: input.petitionId, seq: input.seq, recipient: input.recipient, channel: input.channel };
      // Taken on an earlier attempt whose completion was lost (a worker that died after recording it).
      const before = await deliveryOf(db, key);
      if (before?.sentAt != null) return { sentAt: before.sentAt };
      const context = Context.current();
      const { attempt } = context.info;
      await recordAttempt(db, key, { kind: input.kind, attempt, heldUntil: input.heldUntil, now: Date.now() });
      try {
        const signal = AbortSignal.any([context.cancellationSignal, AbortSignal.timeout(SEND_TIMEOUT_MS)]);
        const messageId = await send(input, signal);
        const sentAt = Date.now();
        await recordSent(db, key, { now: sentAt, messageId });
        return { sentAt };
      } catch (error) {
        // Neither the robot's URL (its key) nor the phone is in these messages: only statuses and codes.
        const failure = error instanceof DeliveryFailure ? error : new DeliveryFailure(unreached(error), true);
        await recordFailure(db, key, { error: failure.message, now: Date.now() });
        throw failure.toActivityError();
      }
    },
  };
}
