/**
 * The API never waits forever on an update. `executeUpdate` is a loop in the SDK (1.24): it re-sends
 * `UpdateWorkflowExecution` until the server says the update is accepted, then re-polls
 * `PollWorkflowExecutionUpdate` until it has an outcome. With no worker to run the update, neither loop ends,
 * and a deadline of one gRPC call would not end them either: the next call would start afresh. `withDeadline`
 * puts one absolute moment in the call context, which every call of both loops reads when it is made, so the
 * whole update is bounded by it; past it grpc-js fails the call with DEADLINE_EXCEEDED (not retried by the
 * connection's retry interceptor) and the SDK throws WorkflowUpdateRPCTimeoutOrCancelledError, which the API
 * answers TIMEOUT: the update may have been admitted and may still be applied, so the client retries with the
 * same requestId (the same update id, applied once per run).
 */
import type { Client } from '@temporalio/client';
import {
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { apiError, fromTemporal } from './errors';

const GRPC_FAILED_PRECONDITION = 9;

/** `FENGQIAO_UPDATE_TIMEOUT_MS` when unset: long enough for a projection that waits out a worker's crash (~11 s). */
export const DEFAULT_UPDATE_TIMEOUT_MS = 30_000;

/** The bound from its environment variable: a whole number of milliseconds, at least 1; unset means the default. */
export function updateTimeoutFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_UPDATE_TIMEOUT_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1) {
    throw new Error(`FENGQIAO_UPDATE_TIMEOUT_MS must be a whole number of milliseconds (at least 1), not "${value}"`);
  }
  return ms;
}

export function updateTimeout(id: string, timeoutMs: number) {
  return apiError(
    'TIMEOUT',
    `${id}: the command was admitted but not answered within ${timeoutMs} ms; it may still be applied, so retry with the same requestId`,
    { timeoutMs },
  );
}

/**
 * Runs one update (`call` sends it and waits for its outcome) within `timeoutMs`, and rethrows its failure as a
 * typed API error: TIMEOUT past the bound; UNAVAILABLE when the server refuses to admit it (FAILED_PRECONDITION,
 * e.g. "Unable to perform workflow execution update due to Workflow Task in failed state." for a workflow whose
 * task keeps failing, which api/stuck-workflows.ts lists): nothing was changed; otherwise what `fromTemporal`
 * makes of it (UNAVAILABLE for a server that cannot be reached, within the connection's retry budget of ~3 s,
 * which the bound should exceed).
 */
export async function callUpdate<T>(
  deps: { temporal: Client; updateTimeoutMs?: number | undefined },
  id: string,
  call: () => Promise<T>,
): Promise<T> {
  const timeoutMs = deps.updateTimeoutMs ?? DEFAULT_UPDATE_TIMEOUT_MS;
  try {
    return await deps.temporal.withDeadline(Date.now() + timeoutMs, call);
  } catch (err) {
    if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) throw updateTimeout(id, timeoutMs);
    // An update-with-start under an id that has run: the caller knows what the id means (./start-once.ts).
    if (err instanceof WorkflowExecutionAlreadyStartedError) throw err;
    const cause =
      err instanceof ServiceError ? (err.cause as { code?: number; details?: string } | undefined) : undefined;
    if (cause?.code === GRPC_FAILED_PRECONDITION) {
      throw apiError(
        'UNAVAILABLE',
        `${id} cannot take commands now (Temporal: ${cause.details ?? 'failed precondition'}); nothing was changed, retry later`,
      );
    }
    throw fromTemporal(err, id);
  }
}
