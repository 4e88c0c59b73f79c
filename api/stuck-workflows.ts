/**
 * Workflows whose workflow task keeps failing (code that throws on their input, a nondeterminism) or timing out:
 * they run none of their timers or commands until the code or the input is fixed (Temporal refuses an update to a
 * workflow whose task failed, which the API answers UNAVAILABLE; see ./update-bound.ts). The `TemporalReportedProblems` search attribute of newer servers (1.30 on) would list them in
 * one visibility query; the dev server of CLI v1.5.1 (Server 1.29.1) has no such attribute (a query naming it is refused: "column
 * name 'TemporalReportedProblems' is not a valid search attribute"). So this lists our open workflows through
 * visibility, page by page, and describes each: one whose pending workflow task is at its third attempt or
 * later has failed or timed out twice in a row (the count Temporal's change log names for its own flag). The tail of its history gives
 * what failed and since when (after the first failure the attempts are transient, not written to the history,
 * so the last WorkflowTaskFailed or WorkflowTaskTimedOut event is the first of the run of failures).
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import protos from '@temporalio/proto';
import { petitionWorkflowId } from '../workflows/definitions';

// @temporalio/proto is CommonJS: its namespaces come through the default export under ESM.
const { EventType, TimeoutType, WorkflowTaskFailedCause } = protos.temporal.api.enums.v1;
type HistoryEvent = protos.temporal.api.history.v1.IHistoryEvent;
type Timestamp = protos.google.protobuf.ITimestamp;

/** A pending workflow task at this attempt or later has failed or timed out at least twice in a row. */
export const STUCK_AFTER_ATTEMPTS = 3;
/** Describes in flight at once during a scan. */
const DESCRIBE_CONCURRENCY = 8;
/** History events read back from the end to find the failure (signals and timers may have come after it). */
const HISTORY_TAIL_EVENTS = 200;

export type StuckCategory = 'WorkflowTaskFailed' | 'WorkflowTaskTimedOut' | 'Unknown';

export interface StuckWorkflow {
  workflowId: string;
  runId: string;
  workflowType: string;
  /** The petition, for a petition's workflow; null for a panel's. */
  petitionId: string | null;
  /** Named as `TemporalReportedProblems` names it (category=WorkflowTaskFailed …). */
  category: StuckCategory;
  /** The failure's cause (WORKFLOW_WORKER_UNHANDLED_FAILURE …) or the timeout's type (START_TO_CLOSE …). */
  cause: string | null;
  /** What the worker reported (the message of what the workflow code threw); no stack trace. */
  message: string | null;
  /** When the first failure of the run ended (ms since the epoch). */
  since: number;
  /** The pending workflow task's attempt. */
  attempt: number;
}

const PETITION_PREFIX = petitionWorkflowId('');

function toMs(ts: Timestamp | null | undefined): number | null {
  if (!ts?.seconds) return null;
  return Number(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}

function enumName(names: Record<number, string>, value: number | null | undefined, prefix: string): string | null {
  if (value === null || value === undefined) return null;
  const name = names[value];
  return name ? name.replace(prefix, '') : String(value);
}

/** The last workflow-task failure or timeout of the run, if it comes after the last completed workflow task. */
async function lastTaskProblem(client: Client, info: WorkflowExecutionInfo) {
  const response = await client.workflowService.getWorkflowExecutionHistoryReverse({
    namespace: client.options.namespace,
    execution: { workflowId: info.workflowId, runId: info.runId },
    maximumPageSize: HISTORY_TAIL_EVENTS,
  });
  for (const event of (response.history?.events ?? []) as HistoryEvent[]) {
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) return null;
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) {
      const failed = event.workflowTaskFailedEventAttributes;
      return {
        category: 'WorkflowTaskFailed' as const,
        cause: enumName(WorkflowTaskFailedCause, failed?.cause, 'WORKFLOW_TASK_FAILED_CAUSE_'),
        message: failed?.failure?.message ?? null,
        at: toMs(event.eventTime),
      };
    }
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT) {
      return {
        category: 'WorkflowTaskTimedOut' as const,
        cause: enumName(TimeoutType, event.workflowTaskTimedOutEventAttributes?.timeoutType, 'TIMEOUT_TYPE_'),
        message: null,
        at: toMs(event.eventTime),
      };
    }
  }
  return null;
}

async function stuckOrNull(client: Client, info: WorkflowExecutionInfo): Promise<StuckWorkflow | null> {
  const described = await client.workflow.getHandle(info.workflowId, info.runId).describe();
  const task = described.raw.pendingWorkflowTask;
  const attempt = task?.attempt ?? 0;
  if (!task || attempt < STUCK_AFTER_ATTEMPTS) return null;
  const problem = await lastTaskProblem(client, info);
  const isPetition = info.type === 'petitionWorkflow' && info.workflowId.startsWith(PETITION_PREFIX);
  return {
    workflowId: info.workflowId,
    runId: info.runId,
    workflowType: info.type,
    petitionId: isPetition ? info.workflowId.slice(PETITION_PREFIX.length) : null,
    category: problem?.category ?? 'Unknown',
    cause: problem?.cause ?? null,
    message: problem?.message ?? null,
    since: problem?.at ?? toMs(task.originalScheduledTime) ?? toMs(task.scheduledTime) ?? Date.now(),
    attempt,
  };
}

/** The open workflows of the task queue whose workflow task keeps failing, the longest stuck first. */
export async function findStuckWorkflows(client: Client, taskQueue: string): Promise<StuckWorkflow[]> {
  const query = `TaskQueue = '${taskQueue.replace(/'/g, "\\'")}' AND ExecutionStatus = 'Running'`;
  const found: StuckWorkflow[] = [];
  let batch: WorkflowExecutionInfo[] = [];
  const flush = async () => {
    const results = await Promise.all(batch.map((info) => stuckOrNull(client, info)));
    for (const result of results) if (result) found.push(result);
    batch = [];
  };
  for await (const info of client.workflow.list({ query, pageSize: 100 })) {
    batch.push(info);
    if (batch.length >= DESCRIBE_CONCURRENCY) await flush();
  }
  await flush();
  return found.sort((a, b) => a.since - b.since || a.workflowId.localeCompare(b.workflowId));
}

/**
 * What /health says of them: a scan at most every `ttlMs` (a health probe may come every second; a scan
 * describes every open workflow), shared by the requests that arrive while it runs.
 */
export function cachedStuckScan(client: Client, taskQueue: string, ttlMs: number) {
  let last: { at: number; result: Promise<StuckWorkflow[]> } | null = null;
  return (): Promise<StuckWorkflow[]> => {
    if (!last || Date.now() - last.at > ttlMs) {
      const result = findStuckWorkflows(client, taskQueue);
      const entry = { at: Date.now(), result };
      last = entry;
      // A failed scan is not kept: the next probe tries again.
      result.catch(() => {
        if (last === entry) last = null;
      });
    }
    return last.result;
  };
}
