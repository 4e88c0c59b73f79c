/**
 * Projects a petition workflow's state into the read model (db/read-model.ts: SQLite or PostgreSQL). Idempotent, keyed by
 * workflow id and event sequence: a retried or repeated activity leaves the same rows behind.
 */
import type { ReadModel } from '../db/read-model';
import type { PetitionState, TimelineEvent } from '../domain/petition';
import { noticeFacts, noticesOf } from '../domain/petition/notices';
import type { NoticeDispatcher } from './notice-dispatcher';

export interface ProjectPetitionInput {
  workflowId: string;
  state: PetitionState;
  /** Events newer than the last successful projection. */
  events: TimelineEvent[];
}

/** A petition as the projection needs it: everything but its timeline, of which only the new events travel. */
export type PetitionSnapshot = Omit<PetitionState, 'timeline'>;

/** One change of a petition: its state after the change and the events the change added. */
export interface PetitionChange {
  workflowId: string;
  state: PetitionSnapshot;
  /** Events newer than the last successful projection. */
  events: TimelineEvent[];
}

export interface ProjectionActivities {
  /** The projection as a regular activity, as runs begun before `local-projection` still call it. */
  projectPetition(input: ProjectPetitionInput): Promise<void>;
  /**
   * The projection as a local activity, with the notices of its events (domain/petition/notices.ts). It answers
   * the change it wrote: a local activity's input is not in the history, its result is, and the rebuild
   * (db/rebuild.ts) reads the petition back from these results.
   */
  projectPetitionChange(change: PetitionChange): Promise<PetitionChange>;
}

/** `deliveries` sends the notices on out of the system (./notice-dispatcher.ts); absent, they stay in it. */
export function createProjectionActivities(db: ReadModel, deliveries?: NoticeDispatcher): ProjectionActivities {
  return {
    async projectPetition({ workflowId, state, events }) {
      await db.projectPetition(workflowId, state, events);
      // Those runs write their notices in `notifySupervisors`; the petitioner's text messages go from here.
      await deliveries?.dispatch(state.petitionId, state.petitioner.phone, [], events);
    },
    async projectPetitionChange(change) {
      const { workflowId, state, events } = change;
      await db.projectPetition(workflowId, { ...state, timeline: [] }, events);
      const notices = noticesOf(noticeFacts(state), events);
      await db.writeNotifications(notices);
      await deliveries?.dispatch(state.petitionId, state.petitioner.phone, notices, events);
      return change;
    },
  };
}
