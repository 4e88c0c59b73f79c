/** Every activity the worker registers, bound to the read model they write and the Temporal client they use. */
import type { Client } from '@temporalio/client';
import type { ReadModel } from '../db/read-model';
import { createCalendarActivities } from './calendar-activities';
import { createCalendarFanOutActivities } from './calendar-fan-out-activities';
import { NO_DELIVERY, type DeliveryConfig } from './delivery-config';
import { createDeliveryActivities } from './delivery-activities';
import { createNoticeDispatcher } from './notice-dispatcher';
import { createNotificationActivities } from './notification-activities';
import { createPanelActivities } from './panel-activities';
import { createProjectionActivities } from './projection-activities';

/** `delivery`: where notices leave the system (./delivery-config.ts); by default nowhere. */
export function createActivities(db: ReadModel, client: Client, taskQueue: string, delivery = NO_DELIVERY) {
  const dispatcher = hasChannels(delivery) ? createNoticeDispatcher(client, taskQueue, delivery) : undefined;
  return {
    ...createProjectionActivities(db, dispatcher),
    ...createNotificationActivities(db, dispatcher),
    ...createDeliveryActivities(db, delivery),
    ...createPanelActivities(db, client, taskQueue),
    ...createCalendarFanOutActivities(client),
    ...createCalendarActivities(db),
  };
}

function hasChannels(delivery: DeliveryConfig): boolean {
  return delivery.webhooks.length > 0 || delivery.sms !== null;
}
