/**
 * One petition (信访事项), one workflow, for its whole life. The statutory clocks are durable timers: the loop
 * below sleeps until the next warning or deadline, or the next change, whichever comes first. Every change is
 * projected into the SQLite read model by an idempotent activity, keyed by workflow id and event sequence.
 * A long life is split into runs with continue-as-new, carrying the whole state.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { NotificationActivities } from '../activities/notification-activities';
import type { ProjectionActivities } from '../activities/projection-activities';
import * as petition from '../domain/petition';
import { CommandRefused, type PetitionState } from '../domain/petition';
import { getProfile } from '../domain/statute';
import * as defs from './definitions';
import {
  PETITION_DUE_AT,
  PETITION_LEADER,
  PETITION_OVERDUE,
  PETITION_STAGE,
  PETITION_STATUS,
  PETITION_UNIT,
} from './search-attributes';

const { projectPetition, notifySupervisors } = proxyActivities<ProjectionActivities & NotificationActivities>({
  // A projection writes one petition in milliseconds, or waits up to SQLite's 5 s busy timeout; a worker that
  // died mid-projection is noticed (and the projection retried elsewhere) when this runs out.
  startToCloseTimeout: '10 seconds',
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

export async function petitionWorkflow(input: defs.PetitionWorkflowInput): Promise<PetitionState> {
  const profile = getProfile(input.profileId);
  let state: PetitionState = input.carried?.state ?? petition.openPetition(input.registration, Date.now(), profile);
  let projectedSeq = input.carried?.projectedSeq ?? 0;
  /** Bumped by every change, so the main loop wakes up and re-plans its timer. */
  let changes = 0;

  // Projections run one after another, so the read model never sees an older snapshot after a newer one.
  let projection: Promise<void> = Promise.resolve();
  function project(): Promise<void> {
    projection = projection.then(async () => {
      if (state.lastSeq <= projectedSeq) return;
      const snapshot = state;
      const events = snapshot.timeline.filter((e) => e.seq > projectedSeq);
      await projectPetition({ workflowId: workflowInfo().workflowId, state: snapshot, events });
      const notices = events.filter(petition.notifiesSupervisor);
      if (notices.length) await notifySupervisors({ petitionId: snapshot.petitionId, summary: snapshot.summary, events: notices });
      projectedSeq = snapshot.lastSeq;
    });
    return projection;
  }

  function change(next: PetitionState): Promise<PetitionState> {
    state = next;
    changes += 1;
    const dueAt = petition.currentDueAt(state, Date.now());
    upsertSearchAttributes([
      { key: PETITION_STATUS, value: state.status },
      { key: PETITION_STAGE, value: state.stage },
      { key: PETITION_UNIT, value: petition.actingUnitId(state) },
      { key: PETITION_OVERDUE, value: petition.isOverdue(state) },
      { key: PETITION_DUE_AT, value: dueAt === null ? null : new Date(dueAt) },
      { key: PETITION_LEADER, value: state.escalation?.leaderId ?? null },
    ]);
    // The update answers once the read model has the change, so a client reads its own write.
    return project().then(() => state);
  }

  /** An update whose validator runs the rule check and whose handler applies the command. */
  function command<C>(
    definition: UpdateDefinition<PetitionState, [C]>,
    check: (state: PetitionState, command: C, now: number) => void,
    apply: (state: PetitionState, command: C, now: number) => PetitionState,
  ): void {
    // Time catches up with every command too: a 3rd 督办 or a 复核 request proposes 提级包案 at once.
    setHandler(definition, (cmd) => change(petition.advanceClock(apply(state, cmd, Date.now()), Date.now(), profile)), {
      validator: (cmd) => refuseAsFailure(() => check(state, cmd, Date.now())),
    });
  }

  setHandler(defs.petitionStateQuery, () => state);
  setHandler(defs.panelVerdictSignal, (verdict) => {
    const next = petition.applyPanelVerdict(state, verdict, Date.now(), profile);
    if (next !== state) void change(next);
  });
  command(defs.acceptUpdate, (s, c) => petition.checkAccept(s, c), (s, c, now) => petition.accept(s, c, now, profile));
  command(defs.routeUpdate, (s, c) => petition.checkRoute(s, c), (s, c, now) => petition.route(s, c, now, profile));
  command(defs.declineUpdate, (s, c) => petition.checkDecline(s, c), (s, c, now) => petition.decline(s, c, now));
  command(
    defs.requestExtensionUpdate,
    (s, c, now) => petition.checkRequestExtension(s, c, now, profile),
    (s, c, now) => petition.requestExtension(s, c, now, profile),
  );
  command(defs.decideExtensionUpdate, (s, c) => petition.checkDecideExtension(s, c), (s, c, now) => petition.decideExtension(s, c, now));
  command(defs.startHearingUpdate, (s, c) => petition.checkStartHearing(s, c), (s, c, now) => petition.startHearing(s, c, now, profile));
  command(defs.endHearingUpdate, (s, c) => petition.checkEndHearing(s, c), (s, c, now) => petition.endHearing(s, c, now));
  command(defs.replyUpdate, (s, c, now) => petition.checkReply(s, c, now), (s, c, now) => petition.reply(s, c, now, profile));
  command(defs.recordSatisfactionUpdate, (s, c) => petition.checkRecordSatisfaction(s, c), (s, c, now) => petition.recordSatisfaction(s, c, now));
  command(defs.urgeUpdate, (s, c) => petition.checkUrge(s, c, profile), (s, c, now) => petition.urge(s, c, now, profile));
  command(defs.answerUrgeUpdate, (s, c) => petition.checkAnswerUrge(s, c), (s, c, now) => petition.answerUrge(s, c, now));
  command(defs.escalateUpdate, (s, c) => petition.checkEscalate(s, c), (s, c, now) => petition.escalate(s, c, now));
  command(defs.instructUpdate, (s, c) => petition.checkInstruct(s, c), (s, c, now) => petition.instruct(s, c, now));
  command(
    defs.requestReviewUpdate,
    (s, c, now) => petition.checkRequestReview(s, c, now),
    (s, c, now) => petition.requestReview(s, c, now, profile),
  );

  if (!input.carried) await change(state);
  const historyLimit = input.historyLimit ?? defs.DEFAULT_HISTORY_LIMIT;

  while (!petition.isTerminal(state)) {
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength >= historyLimit) {
      await condition(allHandlersFinished);
      await projection;
      await continueAsNew<typeof petitionWorkflow>({ ...input, carried: { state, projectedSeq } });
    }
    const wakeUp = petition.nextWakeUp(state, profile);
    const seen = changes;
    if (wakeUp === null) {
      await condition(() => changes !== seen);
      continue;
    }
    const wait = wakeUp - Date.now();
    if (wait > 0 && (await condition(() => changes !== seen, wait))) continue;
    const advanced = petition.advanceClock(state, Date.now(), profile);
    if (advanced !== state) await change(advanced);
  }

  await condition(allHandlersFinished);
  await projection;
  return state;
}
