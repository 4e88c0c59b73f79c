/**
 * Rebuilds the read model from Temporal alone, with no worker running: for every petition workflow, the state
 * it last handed to the projection (the result of its last `projectPetitionChange` local activity, with the events
 * of every earlier one, or the input of its last `projectPetition` in runs begun before the local projection), on
 * top of the state the current run was started with; the notices of each change as that change addressed them,
 * in this run and the runs it continued from; and every evaluation panel from the last `projectPanel` in its
 * history. That is exactly what the live activities wrote, so the rebuilt tables equal the live ones.
 */
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { decodeOptionalSinglePayload } from '@temporalio/common/lib/internal-non-workflow/codec-helpers';
import type { PetitionChange, ProjectPetitionInput } from '../activities/projection-activities';
import type { PanelState } from '../domain/evaluation';
import { notifiesSupervisor, type PetitionState, type TimelineEvent } from '../domain/petition';
import { noticeFacts, noticesOf, type Notice } from '../domain/petition/notices';
import type { PetitionWorkflowInput } from '../workflows/definitions';
import type { ReadModel } from './read-model';

/** The name the SDK's core gives a local activity's marker in the history. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

export const PETITION_WORKFLOWS = `WorkflowType = 'petitionWorkflow'`;
export const PANEL_WORKFLOWS = `WorkflowType = 'evaluationPanelWorkflow'`;

export interface RebuildProgress {
  done: number;
  total: number;
  workflowId: string;
}

/** A payload of a history as the client's data converter reads it: through its codec (the payloads are encrypted). */
async function fromPayload<T>(client: Client, payload: Payload): Promise<T> {
  return (await decodeOptionalSinglePayload<T>(client.options.loadedDataConverter, payload)) as T;
}

/** What one run of a petition workflow handed to the projection, and the run it continued from. */
interface ProjectedRun {
  /** The newest state the run recorded. */
  state: PetitionState | null;
  /** The notices of each change, addressed as the petition stood at that change (as the live projection did). */
  notices: Notice[];
  continuedFrom: string | null;
}

/** A run of a petition workflow (the current one without `runId`), read from its history. */
export async function projectedRun(client: Client, workflowId: string, runId?: string): Promise<ProjectedRun> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  let state: PetitionState | null = null;
  let continuedFrom: string | null = null;
  const notices: Notice[] = [];
  for (const event of history.events ?? []) {
    const started = event.workflowExecutionStartedEventAttributes;
    if (started) continuedFrom = started.continuedExecutionRunId || null;
    if (started?.input?.payloads?.[0]) {
      const input = await fromPayload<PetitionWorkflowInput>(client, started.input.payloads[0]);
      state = input.carried?.state ?? null;
    }
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name === 'projectPetition' && scheduled.input?.payloads?.[0]) {
      const input = await fromPayload<ProjectPetitionInput>(client, scheduled.input.payloads[0]);
      state = input.state;
      // Those runs told only of what `notifiesSupervisor` picks (activities/notification-activities.ts).
      notices.push(...noticesOf(noticeFacts(input.state), input.events.filter(notifiesSupervisor)));
    }
    const result = localActivityResult(event.markerRecordedEventAttributes, 'projectPetitionChange');
    if (result) {
      const change = await fromPayload<PetitionChange>(client, result);
      const earlier: TimelineEvent[] = (state?.timeline ?? []).filter(
        (e) => e.seq < (change.events[0]?.seq ?? Infinity),
      );
      state = { ...change.state, timeline: [...earlier, ...change.events] };
      notices.push(...noticesOf(noticeFacts(change.state), change.events));
    }
  }
  return { state, notices, continuedFrom };
}

/** A petition's notices over all its runs, oldest first: a carried timeline's events were told of by earlier runs. */
async function noticesOfAllRuns(client: Client, workflowId: string, current: ProjectedRun): Promise<Notice[]> {
  const runs = [current.notices];
  for (let runId = current.continuedFrom; runId;) {
    const earlier = await projectedRun(client, workflowId, runId);
    runs.unshift(earlier.notices);
    runId = earlier.continuedFrom;
  }
  return runs.flat();
}

type Marker = temporal.api.history.v1.IMarkerRecordedEventAttributes | null | undefined;

/**
 * The result payload of a local activity of the given type, from its marker. The marker's `data` is written by
 * the SDK's core as plain JSON (never through the payload codec); its `result` is the activity's encoded answer.
 */
function localActivityResult(marker: Marker, activityType: string): Payload | null {
  if (marker?.markerName !== LOCAL_ACTIVITY_MARKER || marker.failure) return null;
  const data = marker.details?.data?.payloads?.[0]?.data;
  if (!data) return null;
  const { activity_type: type } = JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string };
  return type === activityType ? (marker.details?.result?.payloads?.[0] ?? null) : null;
}

/** The newest snapshot an evaluation panel workflow projected. */
async function latestPanelState(client: Client, workflowId: string): Promise<PanelState | null> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  let panel: PanelState | null = null;
  for (const event of history.events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name === 'projectPanel' && scheduled.input?.payloads?.[0]) {
      panel = await fromPayload<PanelState>(client, scheduled.input.payloads[0]);
    }
  }
  return panel;
}

/** Projects every petition and panel workflow into `db` (a fresh read model); answers how many were written. */
export async function rebuildReadModel(
  client: Client,
  db: ReadModel,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<number> {
  const total =
    (await client.workflow.count(PETITION_WORKFLOWS)).count + (await client.workflow.count(PANEL_WORKFLOWS)).count;
  const seen = new Set<string>();
  let done = 0;
  // A petition that continued as new (or ran again for a panel's verdict) is listed once per run: the handle
  // without a run id reads the current one.
  for await (const execution of client.workflow.list({ query: PETITION_WORKFLOWS })) {
    if (seen.has(execution.workflowId)) continue;
    seen.add(execution.workflowId);
    const run = await projectedRun(client, execution.workflowId);
    if (run.state) {
      await db.projectPetition(execution.workflowId, run.state, run.state.timeline);
      await db.writeNotifications(await noticesOfAllRuns(client, execution.workflowId, run));
    }
    done += 1;
    onProgress({ done, total, workflowId: execution.workflowId });
  }
  for await (const execution of client.workflow.list({ query: PANEL_WORKFLOWS })) {
    if (seen.has(execution.workflowId)) continue;
    seen.add(execution.workflowId);
    const panel = await latestPanelState(client, execution.workflowId);
    if (panel) await db.projectPanel(panel);
    done += 1;
    onProgress({ done, total, workflowId: execution.workflowId });
  }
  return done;
}
