/**
 * Starts the delivery workflow (workflows/notice-delivery.ts) of each notice the projection wrote, on the channels
 * configured for its recipient, and of each text message the change owes the petitioner. Called by the projection
 * right after it wrote the notices, in the same activity: if the worker dies between the two, the activity is run
 * again (the rows are there already, the workflows are started then), so a notice written is a notice dispatched.
 * A workflow id is the notice's key: starting one again is refused by the server, and that is answered as done.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { TimelineEvent } from '../domain/petition';
import { deliveryWorkflowId, isUrgent, PETITIONER, petitionerTextsOf } from '../domain/petition/deliveries';
import type { Notice } from '../domain/petition/notices';
import type { NoticeDeliveryInput, noticeDeliveryWorkflow } from '../workflows/notice-delivery';
import { channelsFor, SMS_CHANNEL, type DeliveryConfig } from './delivery-config';

export interface NoticeDispatcher {
  /**
   * The notices of one change of a petition, and its events for the petitioner's text messages (none when
   * `phone` is null: anonymous, or a caller that does not know it).
   */
  dispatch(
    petitionId: string,
    phone: string | null,
    notices: readonly Notice[],
    events: readonly TimelineEvent[],
  ): Promise<void>;
}

export function createNoticeDispatcher(client: Client, taskQueue: string, config: DeliveryConfig): NoticeDispatcher {
  const start = async (input: NoticeDeliveryInput) => {
    try {
      await client.workflow.start<typeof noticeDeliveryWorkflow>('noticeDeliveryWorkflow', {
        taskQueue,
        workflowId: deliveryWorkflowId(input.petitionId, input.seq, input.recipient),
        // Never again for the same notice, even once this one has closed (within the namespace's retention).
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  };
  return {
    async dispatch(petitionId, phone, notices, events) {
      const inputs: NoticeDeliveryInput[] = [];
      for (const notice of notices) {
        const channels = channelsFor(config, notice.recipient);
        if (!channels.length) continue;
        const { kind, message, at, seq, recipient } = notice;
        const urgent = isUrgent(kind);
        inputs.push({ petitionId, seq, recipient, kind, message, at, channels, quietHours: config.quietHours, urgent });
      }
      if (config.sms && phone?.trim()) {
        for (const text of petitionerTextsOf(petitionId, events)) {
          const at = events.find((e) => e.seq === text.seq)?.at ?? 0;
          inputs.push({
            petitionId,
            seq: text.seq,
            recipient: PETITIONER,
            kind: text.kind,
            message: text.text,
            at,
            channels: [SMS_CHANNEL],
            phone,
            // Citizens are never texted at night.
            quietHours: config.quietHours,
            urgent: false,
          });
        }
      }
      await Promise.all(inputs.map(start));
    },
  };
}
