/**
 * Projects a petition workflow's state into the SQLite read model (db/projection.ts). Idempotent, keyed by
 * workflow id and event sequence: a retried or repeated activity leaves the same rows behind.
 */
import type { ReadModel } from '../db/connection';
import { projectPetitionState } from '../db/projection';
import type { PetitionState, TimelineEvent } from '../domain/petition';

export interface ProjectPetitionInput {
  workflowId: string;
  state: PetitionState;
  /** Events newer than the last successful projection. */
  events: TimelineEvent[];
}

export interface ProjectionActivities {
  projectPetition(input: ProjectPetitionInput): Promise<void>;
}

export function createProjectionActivities(db: ReadModel): ProjectionActivities {
  return {
    async projectPetition({ workflowId, state, events }) {
      projectPetitionState(db, workflowId, state, events);
    },
  };
}
