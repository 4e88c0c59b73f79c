/**
 * One petition (信访事项), one workflow, for its whole life. The statutory clocks are durable timers: the loop
 * below sleeps until the next deadline or the next change, whichever comes first. Every change is projected
 * into the SQLite read model by an idempotent activity, keyed by workflow id and event sequence.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { ProjectionActivities } from '../activities/projection-activities';
import {
  CommandRefused,
  accept,
  checkAccept,
  checkDecline,
  checkRoute,
  currentDueAt,
  decline,
  effectiveDue,
  isOverdue,
  isTerminal,
  markOverdue,
  nextDeadline,
  openPetition,
  route,
  type PetitionState,
} from '../domain/petition';
import { getProfile } from '../domain/statute';
import {
  acceptUpdate,
  declineUpdate,
  petitionStateQuery,
  routeUpdate,
  type PetitionWorkflowInput,
} from './definitions';
import {
  PETITION_DUE_AT,
  PETITION_OVERDUE,
  PETITION_STAGE,
  PETITION_STATUS,
  PETITION_UNIT,
} from './search-attributes';

const { projectPetition } = proxyActivities<ProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  // No maximum attempts: a read model that is down for a while catches up instead of losing events.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Turns a refusal of the pure rules into the typed failure an update validator reports to the client. */
function refuseAsFailure(check: () => void): void {
  try {
    check();
  } catch (err) {
    if (err instanceof CommandRefused) {
      throw ApplicationFailure.create({ type: err.code, message: err.message, details: [err.details], nonRetryable: true });
    }
    throw err;
  }
}

export async function petitionWorkflow(input: PetitionWorkflowInput): Promise<PetitionState> {
  const profile = getProfile(input.profileId);
  let state: PetitionState = input.carried?.state ?? openPetition(input.registration, Date.now(), profile);
  let projectedSeq = input.carried?.projectedSeq ?? 0;
  /** Bumped by every change, so the main loop wakes up and re-plans its timer. */
  let changes = 0;

  // Projections run one after another, so the read model never sees an older snapshot after a newer one.
  let projection: Promise<void> = Promise.resolve();
  function project(): Promise<void> {
    projection = projection.then(async () => {
      if (state.lastSeq <= projectedSeq) return;
      const snapshot = state;
      await projectPetition({
        workflowId: workflowInfo().workflowId,
        state: snapshot,
        events: snapshot.timeline.filter((e) => e.seq > projectedSeq),
      });
      projectedSeq = snapshot.lastSeq;
    });
    return projection;
  }

  function change(next: PetitionState): Promise<PetitionState> {
    state = next;
    changes += 1;
    const dueAt = currentDueAt(state);
    upsertSearchAttributes([
      { key: PETITION_STATUS, value: state.status },
      { key: PETITION_STAGE, value: state.stage },
      { key: PETITION_UNIT, value: state.unitId },
      { key: PETITION_OVERDUE, value: isOverdue(state) },
      { key: PETITION_DUE_AT, value: dueAt === null ? null : new Date(dueAt) },
    ]);
    // The update answers once the read model has the change, so a client reads its own write.
    return project().then(() => state);
  }

  setHandler(petitionStateQuery, () => state);
  setHandler(acceptUpdate, (command) => change(accept(state, command, Date.now(), profile)), {
    validator: (command) => refuseAsFailure(() => checkAccept(state, command)),
  });
  setHandler(routeUpdate, (command) => change(route(state, command, Date.now(), profile)), {
    validator: (command) => refuseAsFailure(() => checkRoute(state, command)),
  });
  setHandler(declineUpdate, (command) => change(decline(state, command, Date.now())), {
    validator: (command) => refuseAsFailure(() => checkDecline(state, command)),
  });

  await change(state);

  while (!isTerminal(state)) {
    const deadline = nextDeadline(state);
    const seen = changes;
    if (deadline === null) {
      await condition(() => changes !== seen);
      continue;
    }
    const wait = effectiveDue(deadline) - Date.now();
    const changed = wait > 0 && (await condition(() => changes !== seen, wait));
    if (!changed && changes === seen) await change(markOverdue(state, deadline.kind, Date.now()));
  }

  await condition(allHandlersFinished);
  await projection;
  return state;
}
