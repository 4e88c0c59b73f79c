/** Every activity the worker registers, bound to the read model they write. */
import type { ReadModel } from '../db/connection';
import { createNotificationActivities } from './notification-activities';
import { createProjectionActivities } from './projection-activities';

export function createActivities(db: ReadModel) {
  return { ...createProjectionActivities(db), ...createNotificationActivities(db) };
}
