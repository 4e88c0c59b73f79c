/**
 * One run per id, for good. A petition's or a panel's id is derived from the client's requestId
 * (./request-ids.ts), so a retried request must answer what the first one started, whatever became of it since:
 * running, closed (declined, concluded, a panel past its deadline), or with no worker to answer for it.
 *
 * - Temporal refuses a second start under the id: REJECT_DUPLICATE once the first run has closed (the default,
 *   ALLOW_DUPLICATE, would start a fresh REGISTERED run), USE_EXISTING while it runs.
 * - A closed workflow is gone from Temporal after its retention period, and REJECT_DUPLICATE with it; the read
 *   model keeps it, so an id the read model knows is never started again.
 * - The answer is the workflow's own query (a closed one's too, while a worker runs); when the query cannot be
 *   answered (no worker, Temporal out of reach) it is the read model's snapshot. A first start has none: its
 *   query waits for the workflow's first task as long as a command waits (the update bound), then TIMEOUT.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { apiError, fromTemporal } from './errors';
import { DEFAULT_UPDATE_TIMEOUT_MS } from './update-bound';
import { callQuery, isUnanswered, type QueryDeps } from './workflow-queries';

/**
 * The start options. Without a requestId the id is random, and a clash (with another client's workflow) is
 * refused rather than answered with what someone else started.
 */
export function startOnceOptions(requestId: string | null) {
  return {
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    workflowIdConflictPolicy: requestId ? WorkflowIdConflictPolicy.USE_EXISTING : WorkflowIdConflictPolicy.FAIL,
  };
}

export interface StartOnce<T> {
  /** The petition's or panel's id, as messages name it. */
  id: string;
  requestId: string | null;
  /**
   * Starts the workflow with startOnceOptions(requestId) (and whatever must follow a start). A start that
   * answers the state itself (update-with-start) returns it as `answer`, and no query follows.
   */
  start: () => Promise<{ answer: T } | unknown>;
  /** The workflow's own state. */
  query: () => Promise<T>;
  /** The read model's snapshot under the id, if it has one. */
  stored: () => Promise<T | null>;
}

/** Starts the workflow unless it was started before, and answers its state (see above). */
export async function startOnce<T>(deps: QueryDeps, run: StartOnce<T>): Promise<T> {
  if (!(run.requestId && (await run.stored()))) {
    try {
      const started = await run.start();
      if (started && typeof started === 'object' && 'answer' in started) return started.answer as T;
    } catch (err) {
      // The same requestId again is a client retry: answer with what the first call started.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError && run.requestId)) throw fromTemporal(err, run.id);
    }
  }
  // With the read model's copy to fall back on, a query need not wait long; without one, as long as a command.
  const timeoutMs = (await run.stored()) ? undefined : (deps.updateTimeoutMs ?? DEFAULT_UPDATE_TIMEOUT_MS);
  try {
    return await callQuery(deps, run.id, run.query, timeoutMs);
  } catch (err) {
    const stored = await run.stored();
    if (stored) return stored;
    if (!isUnanswered(err)) throw err;
    // Started (now or before) but neither its workflow nor the read model can say how it stands yet.
    throw apiError(
      'TIMEOUT',
      `${run.id} was started but could not be read back (${(err as Error).message}); read it again shortly, or retry with the same requestId`,
      { id: run.id },
    );
  }
}
