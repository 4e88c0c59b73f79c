/**
 * Projects a petition workflow's state into the SQLite read model. Idempotent: events are keyed by
 * (petition, sequence) and the row is replaced only by a snapshot at least as new, so a retried or repeated
 * activity leaves the same rows behind.
 */
import { sql } from 'drizzle-orm';
import type { ReadModel } from '../db/connection';
import { petitionEvents, petitions } from '../db/schema';
import { matterKey, petitionerKey } from '../domain/matter';
import { actingUnitId, currentDueAt, isDueSoon, isOverdue, type PetitionState, type TimelineEvent } from '../domain/petition';

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
      const { timeline: _timeline, ...rest } = state;
      const dueAt = currentDueAt(state, Date.now());
      const delivered = state.opinions.find((o) => o.level === 'HANDLING');
      const ms = (t: number | null | undefined) => (t == null ? null : new Date(t));
      const row = {
        id: state.petitionId,
        workflowId,
        status: state.status,
        stage: state.stage,
        unitId: state.unitId,
        reviewUnitId: state.reviewUnitId,
        actingUnitId: actingUnitId(state),
        category: state.category,
        channel: state.channel,
        summary: state.summary,
        content: state.content,
        petitionerName: state.petitioner.name,
        petitionerKey: petitionerKey(state.petitioner),
        matterKey: matterKey(state.category, state.respondentUnitId),
        isRepeat: state.repeatOf !== null,
        repeatOf: state.repeatOf?.petitionId ?? null,
        receivedAt: new Date(state.receivedAt),
        registeredAt: new Date(state.registeredAt),
        acceptedAt: ms(state.acceptedAt),
        deliveredAt: ms(delivered?.deliveredAt),
        closedAt: ms(state.closedAt),
        dueAt: ms(dueAt),
        overdue: isOverdue(state),
        dueSoon: isDueSoon(state),
        lastSeq: state.lastSeq,
        stateJson: JSON.stringify(rest),
        updatedAt: new Date(),
      };
      db.transaction((tx) => {
        for (const e of events) {
          tx.insert(petitionEvents)
            .values({
              petitionId: state.petitionId,
              seq: e.seq,
              type: e.type,
              at: new Date(e.at),
              actorId: e.actor?.id ?? null,
              actorRole: e.actor?.role ?? null,
              note: e.note,
              dataJson: JSON.stringify(e.data),
            })
            .onConflictDoNothing()
            .run();
        }
        const { id: _id, ...update } = row;
        tx.insert(petitions)
          .values(row)
          .onConflictDoUpdate({ target: petitions.id, set: update, setWhere: sql`${petitions.lastSeq} <= excluded.last_seq` })
          .run();
      });
    },
  };
}
