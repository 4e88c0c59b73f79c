/**
 * One petition (信访事项), one workflow, for its whole life. The statutory clocks are durable timers: the loop
 * below sleeps until the next warning or deadline, or the next change, whichever comes first. Every change is
 * projected into the SQLite read model by an idempotent activity, keyed by workflow id and event sequence.
 * A long life is split into runs with continue-as-new, carrying the whole state.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CalendarActivities } from '../activities/calendar-activities';
import type { NotificationActivities } from '../activities/notification-activities';
import type { ProjectionActivities } from '../activities/projection-activities';
import type { UpdateDefinition } from '@temporalio/common';
import * as petition from '../domain/petition';
import { currentDetailsOf } from '../domain/petition/ui-words';
import {
  COMMAND_NAMES,
  COMMANDS,
  type Command,
  type CommandContext,
  type CommandName,
  type PetitionState,
} from '../domain/petition';
import { withYear, type HolidayCalendar } from '../domain/calendar';
import { LEGACY_CALENDAR } from '../domain/seed-notices';
import { getProfile, type JurisdictionProfile } from '../domain/statute';
import * as defs from './definitions';
import { changedAttributes, petitionSearchAttributes } from './search-attributes';
import { refuseAsFailure, updateFailure } from './refusal';

const { projectPetition, notifySupervisors, loadHolidayCalendar } = proxyActivities<
  ProjectionActivities & NotificationActivities & CalendarActivities
>({
  // A projection (or the calendar's read) takes milliseconds, or waits up to SQLite's 5 s busy timeout; a worker
  // that died mid-activity is noticed (and the activity retried elsewhere) when this runs out.
  startToCloseTimeout: '10 seconds',
  // No maximum attempts: a read model that is down for a while catches up instead of losing events.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * The projection in the workflow task that made the change: no activity task to schedule, poll and complete,
 * and no second workflow task after it, so an update answers in one round trip (docs/crash-safety.md). A worker
 * that dies between the projection and the task's completion leaves no marker: the next worker runs it again,
 * and it writes the same rows. A read model that stays locked is retried as a regular activity is, first in the
 * worker and, once the backoff passes `localRetryThreshold`, on a durable timer, without failing the task.
 */
const { projectPetitionChange } = proxyLocalActivities<ProjectionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  localRetryThreshold: '10 seconds',
});

/**
 * The case's profile as this run applies it. `appeal-postal-grace`: appeal windows stay open past their last day
 * for requests made in time and entered later (the profile's `appealGraceDays`, docs/lifecycle.md). A run begun
 * before that change replays without the marker and keeps closing its windows at their last moment; the grace a
 * window got is kept on it, so a continued run does not change it either.
 */
function profileOfRun(profileId: string): JurisdictionProfile {
  const profile = getProfile(profileId);
  if (patched('appeal-postal-grace')) return profile;
  return { ...profile, practice: { ...profile.practice, appealGraceDays: 0 } };
}

/**
 * Commands added after runs were begun, with the patch each one's first use records. `materials`: 材料 attached
 * (domain/petition/materials.ts); histories from before have no such update and replay as they were.
 */
const LATER_COMMANDS: Partial<Record<CommandName, string>> = { attachMaterial: 'materials' };

export async function petitionWorkflow(input: defs.PetitionWorkflowInput): Promise<PetitionState> {
  const profile = profileOfRun(input.profileId);
  /**
   * `calendar-as-data`: the run counts on the calendar in its history and opens clocks counted by the day. A run
   * begun before replays on the two notices that were then code, its clocks paused to the millisecond.
   */
  let dayCounted = patched('calendar-as-data');
  /**
   * `repeats-proposed`: a registered `repeatOf` is the registrar's decision and matching only proposes. A run begun
   * before replays declining the repeat its registration's matching found, as it did.
   */
  const repeatsProposed = patched('repeats-proposed');
  /**
   * `unit-receipt`: the unit's 签收 starts its 15-day notice clock (Art. 23 ¶3), and routing opens the clock for
   * that 签收. A run begun before replays with the notice clock starting at routing.
   */
  const unitReceipt = patched('unit-receipt');
  /**
   * `paths-by-kind`: the petition takes its kind's path (a suggestion answered, a claim on its route of Art. 31,
   * 纪检监察 and 政法 items forwarded, a direct item's own notice). A run begun before replays on the one path
   * every petition then took: the 60 days, the 信访处理意见书, 复查/复核.
   */
  const pathsByKind = patched('paths-by-kind');
  /**
   * `actors-checked`: every update's actor (role, unit) is checked against this state by its validator. A run
   * begun before replays the commands its API alone had checked.
   */
  const actorsChecked = patched('actors-checked');
  /**
   * `ui-details`: the Temporal UI shows what the petition waits for (its current details, no personal data:
   * domain/petition/ui-words.ts). Setting them writes nothing to the history; the marker only dates the change.
   */
  const uiDetails = patched('ui-details');
  /**
   * `local-projection`: the read model is written by a local activity that carries only the new events (above).
   * A run begun before replays its regular `projectPetition` activities, each with the whole timeline.
   */
  const localProjection = patched('local-projection');
  /**
   * `quiet-changes`: a change upserts only the search attributes it changed, and re-plans the timer only when it
   * moved the next wake-up. A run begun before replays upserting all six and re-planning on every change.
   */
  const quietChanges = patched('quiet-changes');
  /**
   * `later-timer-kept`: a change that moves the next wake-up later keeps the timer it has (which then fires early,
   * finds nothing due and re-plans); only an earlier wake-up replaces it. A run begun before replaced it then too.
   */
  const laterTimerKept = patched('later-timer-kept');
  let upserted: ReturnType<typeof petitionSearchAttributes> | null = null;
  /** `lean-answers`: updates answer which change they made, not the whole state (defs.PetitionAnswer). */
  const leanAnswers = patched('lean-answers');
  const answer = (current: PetitionState): defs.PetitionAnswer =>
    leanAnswers ? { petitionId: current.petitionId, lastSeq: current.lastSeq } : current;
  const given = input.carried?.calendar ?? input.calendar;
  let calendar: HolidayCalendar = dayCounted
    ? (given ?? (await loadHolidayCalendar({ at: Date.now() })))
    : LEGACY_CALENDAR;
  const now = (): CommandContext => ({
    now: Date.now(),
    profile,
    calendar,
    dayCounted,
    repeatsProposed,
    unitReceipt,
    pathsByKind,
    actorsChecked,
  });
  let state: PetitionState = input.carried?.state ?? petition.openPetition(input.registration, now());
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
      const workflowId = workflowInfo().workflowId;
      if (localProjection) {
        const { timeline: _timeline, ...current } = snapshot;
        await projectPetitionChange({ workflowId, state: current, events });
      } else {
        await projectPetition({ workflowId, state: snapshot, events });
        const notices = events.filter(petition.notifiesSupervisor);
        if (notices.length)
          await notifySupervisors({ petitionId: snapshot.petitionId, summary: snapshot.summary, events: notices });
      }
      projectedSeq = snapshot.lastSeq;
    });
    return projection;
  }

  function change(next: PetitionState): Promise<PetitionState> {
    state = next;
    changes += 1;
    const dueAt = petition.currentDueAt(state, Date.now());
    const pairs = petitionSearchAttributes(state, dueAt);
    const changed = quietChanges ? changedAttributes(upserted, pairs) : pairs;
    if (changed.length) upsertSearchAttributes(changed);
    upserted = pairs;
    if (uiDetails) setCurrentDetails(currentDetailsOf(state, dueAt, petition.isOverdue(state)));
    // The update answers once the read model has the change, so a client reads its own write.
    return project().then(() => state);
  }

  /** The update of one command: its validator runs the rule check, its handler applies the command. */
  function register(name: CommandName): void {
    // COMMANDS and petitionUpdates pair each name with one argument type; the loop needs no more than that.
    const rules = COMMANDS[name] as Command<unknown>;
    const patch = LATER_COMMANDS[name];
    setHandler(
      defs.petitionUpdates[name] as UpdateDefinition<defs.PetitionAnswer, [unknown]>,
      (cmd) => {
        // A run begun before the command existed takes it too: the marker dates its first use in this history.
        if (patch) patched(patch);
        let next: PetitionState;
        try {
          // Time catches up with every command too: a 3rd 督办 or a 复核 request proposes 提级包案 at once.
          next = petition.advanceClock(rules.apply(state, cmd, now()), now());
        } catch (err) {
          throw updateFailure(name, err);
        }
        return change(next).then(answer);
      },
      { validator: (cmd) => refuseAsFailure(() => rules.check(state, cmd, now())) },
    );
  }

  setHandler(defs.petitionStateQuery, () => state);
  // Registration's own update: a petition's first event is its registration, so any projection means it is in.
  setHandler(defs.petitionRegisteredUpdate, async () => {
    await condition(() => projectedSeq > 0);
    return answer(state);
  });
  setHandler(defs.holidayCalendarSignal, (year) => {
    // A run begun before the calendar was data counts on it from the first notice it receives.
    if (!dayCounted) dayCounted = patched('calendar-as-data');
    const received = withYear(calendar, year);
    if (received === calendar) return;
    calendar = received;
    const next = petition.replanClocks(state, now());
    if (next !== state) void change(next);
  });
  setHandler(defs.panelVerdictSignal, (verdict) => {
    const next = petition.applyPanelVerdict(state, verdict, now());
    if (next !== state) void change(next);
  });
  for (const name of COMMAND_NAMES) register(name);

  if (!input.carried) await change(state);
  const historyLimit = input.historyLimit ?? defs.DEFAULT_HISTORY_LIMIT;

  const handOver = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= historyLimit;
  };
  while (!petition.isTerminal(state)) {
    if (handOver()) {
      await condition(allHandlersFinished);
      await projection;
      const carried = dayCounted ? { state, projectedSeq, calendar } : { state, projectedSeq };
      await continueAsNew<typeof petitionWorkflow>({ ...input, carried });
    }
    const wakeUp = petition.nextWakeUp(state, profile);
    const seen = changes;
    // What ends the wait before its moment: a change that moved the wake-up, ended the case or asks for a new run.
    const moved = (next: number | null) =>
      laterTimerKept ? next !== null && (wakeUp === null || next < wakeUp) : next !== wakeUp;
    const replan = quietChanges
      ? () => petition.isTerminal(state) || moved(petition.nextWakeUp(state, profile)) || handOver()
      : () => changes !== seen;
    if (wakeUp === null) {
      await condition(replan);
      continue;
    }
    const wait = wakeUp - Date.now();
    if (wait > 0 && (await condition(replan, wait))) continue;
    const advanced = petition.advanceClock(state, now());
    if (advanced !== state) await change(advanced);
  }

  await condition(allHandlersFinished);
  await projection;
  return state;
}
