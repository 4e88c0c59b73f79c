/** Every activity the worker registers, bound to the read model they write and the Temporal client they use. */
import type { Client } from '@temporalio/client';
import type { ReadModel } from '../db/read-model';
import { createCalendarActivities } from './calendar-activities';
import { createCalendarFanOutActivities } from './calendar-fan-out-activities';
import { createNotificationActivities } from './notification-activities';
import { createPanelActivities } from './panel-activities';
import { createProjectionActivities } from './projection-activities';

export function createActivities(db: ReadModel, client: Client, taskQueue: string) {
  return {
    ...createProjectionActivities(db),
    ...createNotificationActivities(db),
    ...createPanelActivities(db, client, taskQueue),
    ...createCalendarFanOutActivities(client),
    ...createCalendarActivities(db),
  };
}
