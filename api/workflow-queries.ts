/**
 * Workflow queries as the API makes them. A query runs on a worker (a closed workflow's too, replayed from its
 * history), so with no worker it would wait for one without end; and every `Petition.live` in a list is one
 * query, so one request could fan out into hundreds. Each query is therefore:
 * - bounded in time: past the bound it answers UNAVAILABLE, as a server that cannot be reached does;
 * - counted against its request's budget: past WORKFLOW_QUERIES_PER_REQUEST it is refused (LIMIT_EXCEEDED)
 *   without reaching Temporal;
 * - UNAVAILABLE whenever it fails (a query handler that throws, one the server rejects, the server out of
 *   reach), never an unexpected error: nothing was changed and a retry is safe. A workflow that does not
 *   exist (or is gone past its retention) stays NOT_FOUND, which the callers answer from the read model.
 */
import type { Client } from '@temporalio/client';
import { GraphQLError } from 'graphql';
import { apiError, fromTemporal } from './errors';
import { DEFAULT_UPDATE_TIMEOUT_MS } from './update-bound';

/** A query answers in milliseconds when a worker runs; waiting longer only holds the request. */
export const QUERY_TIMEOUT_MS = 5_000;

/** How many workflow queries one GraphQL request may make (each `live`, a just-registered petition read). */
export const WORKFLOW_QUERIES_PER_REQUEST = 20;

/** The workflow queries one request has left; made afresh for each request (api/create-yoga.ts). */
export class QueryBudget {
  private used = 0;
  constructor(readonly limit = WORKFLOW_QUERIES_PER_REQUEST) {}

  /** Takes one query, or refuses it once the request has made `limit`. */
  take(id: string): void {
    this.used += 1;
    if (this.used > this.limit) {
      throw apiError(
        'LIMIT_EXCEEDED',
        `${id}: one request may ask the workflows themselves (live) at most ${this.limit} times; ask for fewer, or read the read model's fields`,
        { limit: this.limit },
      );
    }
  }
}

export interface QueryDeps {
  temporal: Client;
  /** The API's update bound: a query never waits longer than a command would. */
  updateTimeoutMs?: number | undefined;
  queryBudget?: QueryBudget | undefined;
}

function codeOf(err: unknown): unknown {
  return err instanceof GraphQLError ? err.extensions.code : undefined;
}

/**
 * Runs one workflow query (`query` sends it), bounded, counted, and its failure typed as above. `timeoutMs`: a
 * caller with nothing to fall back on (a registration's own answer, which waits for the workflow's first task)
 * waits as long as a command would.
 */
export async function callQuery<T>(
  deps: QueryDeps,
  id: string,
  query: () => Promise<T>,
  timeoutMs = Math.min(deps.updateTimeoutMs ?? DEFAULT_UPDATE_TIMEOUT_MS, QUERY_TIMEOUT_MS),
): Promise<T> {
  deps.queryBudget?.take(id);
  const startedAt = Date.now();
  try {
    return await deps.temporal.withDeadline(startedAt + timeoutMs, query);
  } catch (err) {
    const known = fromTemporal(err, id);
    if (codeOf(known) === 'NOT_FOUND') throw known;
    const late = Date.now() - startedAt >= timeoutMs;
    // A query handler's own message is not passed on: it may say more about the workflow than the client may read.
    throw apiError(
      'UNAVAILABLE',
      late
        ? `${id}: its workflow did not answer within ${timeoutMs} ms (no worker running?); nothing was changed, retry later`
        : `${id}: its workflow could not be asked (Temporal unreachable or the query failed); nothing was changed, retry later`,
      late ? { timeoutMs } : {},
    );
  }
}

/** Whether an error is the UNAVAILABLE of a query that could not be answered. */
export function isUnanswered(err: unknown): boolean {
  return codeOf(err) === 'UNAVAILABLE';
}
