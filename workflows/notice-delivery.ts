/**
 * One notice (or text message to the petitioner) leaving the system on its channels (通知外发): started by the
 * projection that wrote the notice, under an id that is the notice's key (domain/petition/deliveries.ts), so a
 * projection retried starts nothing twice. Being a workflow, it outlives any worker: a notice held through the
 * quiet hours waits on a durable timer, and a send that failed is retried by the server on whichever worker is up.
 *
 * What the activity does is at least once per channel: see db/deliveries.ts for why a crash can cost a duplicate
 * message and never a lost one.
 */
import { ApplicationFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { DeliveryActivities } from '../activities/delivery-activities';
import { quietUntil, type QuietHours } from '../domain/quiet-hours';

/**
 * Exponential backoff, 1 s doubling to at most 10 minutes, 20 attempts (about two and a half hours): enough for
 * the robot's rate limit (a minute) and a short outage of a channel. A refusal (4xx but 429, an unknown robot key)
 * is thrown non-retryable by the activity and ends the channel at once.
 */
const { deliverNotice } = proxyActivities<DeliveryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

export interface NoticeDeliveryInput {
  petitionId: string;
  seq: number;
  /** A scope of domain/petition/notices.ts, or `PETITIONER`. */
  recipient: string;
  kind: string;
  message: string;
  /** When the event happened. */
  at: number;
  /** Channel names (activities/delivery-config.ts), or `sms`. */
  channels: string[];
  /** The petitioner's number, for `sms` only. The payload codec encrypts it like every input. */
  phone?: string | null;
  /** As the worker that started it was configured; fixed for this notice, so a replay decides the same. */
  quietHours: QuietHours | null;
  /** Sent at night as well (domain/petition/deliveries.ts). */
  urgent: boolean;
}

export interface NoticeDeliveryResult {
  delivered: string[];
  heldUntil: number | null;
}

export async function noticeDeliveryWorkflow(input: NoticeDeliveryInput): Promise<NoticeDeliveryResult> {
  const heldUntil = input.urgent ? null : quietUntil(Date.now(), input.quietHours);
  if (heldUntil !== null) await sleep(heldUntil - Date.now());
  const { channels, quietHours: _quiet, urgent: _urgent, ...notice } = input;
  const sent = await Promise.allSettled(channels.map((channel) => deliverNotice({ ...notice, channel, heldUntil })));
  const failed = channels.filter((_, i) => sent[i]!.status === 'rejected');
  // Every channel was tried; one that gave up fails the workflow, so that the Web UI lists what was not sent.
  if (failed.length) throw ApplicationFailure.nonRetryable(`not delivered on ${failed.join(', ')}`, 'NotDelivered');
  return { delivered: channels, heldUntil };
}
