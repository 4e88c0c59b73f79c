/**
 * Whether any worker is serving the petitions' task queue, for /health: Temporal keeps who polled each queue and
 * when (DescribeTaskQueue). A running worker holds a long poll open and renews it at least every minute (the
 * server's long-poll expiry), so a poll older than POLLER_WINDOW_MS means no worker is there: commands would wait
 * for their update bound and answer TIMEOUT, timers would fire into nothing.
 */
import type { Client } from '@temporalio/client';
import protos from '@temporalio/proto';

// @temporalio/proto is CommonJS: its namespaces come through the default export under ESM.
const { TaskQueueKind, TaskQueueType } = protos.temporal.api.enums.v1;

/** Longer than the server's one-minute long poll, so an idle worker between two polls still counts. */
export const POLLER_WINDOW_MS = 90_000;
/** A probe may come every second; the answer is shared this long. */
export const POLLER_CHECK_TTL_MS = 2_000;

const QUEUE_TYPES = [
  ['workflow', TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW],
  ['activity', TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY],
] as const;

/** `ok`, or what is missing: the queue types no worker has polled within the window. */
export async function checkWorkerPollers(temporal: Client, taskQueue: string, now = Date.now()): Promise<string> {
  const missing: string[] = [];
  for (const [name, taskQueueType] of QUEUE_TYPES) {
    const { pollers } = await temporal.workflowService.describeTaskQueue({
      namespace: temporal.options.namespace,
      taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType,
    });
    const recent = pollers.some((p) => {
      const seconds = Number(p.lastAccessTime?.seconds ?? 0);
      return seconds > 0 && now - seconds * 1000 <= POLLER_WINDOW_MS;
    });
    if (!recent) missing.push(name);
  }
  if (!missing.length) return 'ok';
  return `no worker has polled task queue "${taskQueue}" (${missing.join(' and ')} tasks) in the last ${POLLER_WINDOW_MS / 1000} s`;
}

/** The check, run at most once per `ttlMs`; probes meanwhile share its answer (or its failure). */
export function cachedWorkerPollers(
  temporal: Client,
  taskQueue: string,
  ttlMs = POLLER_CHECK_TTL_MS,
): () => Promise<string> {
  let last: { at: number; answer: Promise<string> } | null = null;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= ttlMs) last = { at: now, answer: checkWorkerPollers(temporal, taskQueue, now) };
    return last.answer;
  };
}
