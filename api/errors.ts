/**
 * Client errors with the stable codes of API.md. Anything else is masked by graphql-yoga as
 * "Unexpected error." and never reaches the client with a stack trace.
 */
import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import Database from 'better-sqlite3';
import { GraphQLError } from 'graphql';
import { isRefusalCode, type ErrorCode } from '../domain/error-codes';

export type { ErrorCode } from '../domain/error-codes';

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badInput(field: string, message: string): GraphQLError {
  return apiError('BAD_USER_INPUT', message, { field });
}

const GRPC_NOT_FOUND = 5;

/**
 * gRPC status codes that mean "the server could not be reached or did not answer": nothing was changed. For the
 * calls that change nothing or that a retry makes whole (starts, queries, history); an update past its bound is
 * TIMEOUT instead (./update-bound.ts), as the SDK tells it apart (WorkflowUpdateRPCTimeoutOrCancelledError).
 */
const UNREACHABLE_GRPC_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

/** Translates what the Temporal client throws into a typed API error; unknown errors pass through (masked). */
export function fromTemporal(err: unknown, petitionId?: string): unknown {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return apiError(
      'TIMEOUT',
      `${petitionId ?? 'the command'}: admitted but not answered in time; it may still be applied, so retry with the same requestId`,
    );
  }
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const failure = err.cause;
    if (isRefusalCode(failure.type)) {
      const details = (failure.details?.[0] ?? {}) as Record<string, unknown>;
      return apiError(failure.type, failure.message, details);
    }
  }
  if (err instanceof WorkflowNotFoundError) {
    return apiError('NOT_FOUND', `petition ${petitionId ?? ''} does not exist or is no longer open`.replace('  ', ' '));
  }
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return apiError('ALREADY_EXISTS', `petition ${petitionId ?? ''} already exists`);
  }
  if (err instanceof ServiceError) {
    const code = (err.cause as { code?: number } | undefined)?.code;
    if (code === GRPC_NOT_FOUND) return apiError('NOT_FOUND', `${petitionId ?? 'it'} does not exist`);
    if (code === undefined || UNREACHABLE_GRPC_CODES.has(code)) {
      return apiError(
        'UNAVAILABLE',
        'the workflow service (Temporal) is unreachable; nothing was changed, retry later',
      );
    }
  }
  // Some client calls (fetchHistory) surface the raw gRPC error rather than a ServiceError.
  const grpcCode =
    (err as { code?: unknown; metadata?: unknown }).metadata !== undefined
      ? (err as { code?: unknown }).code
      : undefined;
  if (grpcCode === GRPC_NOT_FOUND) return apiError('NOT_FOUND', `${petitionId ?? 'it'} does not exist`);
  if (typeof grpcCode === 'number' && UNREACHABLE_GRPC_CODES.has(grpcCode)) {
    return apiError('UNAVAILABLE', 'the workflow service (Temporal) is unreachable; nothing was changed, retry later');
  }
  return err;
}

/** Runs a Temporal call and rethrows its failure as a typed API error. */
export async function callTemporal<T>(petitionId: string | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw fromTemporal(err, petitionId);
  }
}

/**
 * Whether an error came from the read model's SQLite file (locked past the busy timeout, I/O error, corrupt,
 * closed): the request is answered UNAVAILABLE, and as the API reads the file before it sends anything to
 * Temporal (the token, the petition), a command refused this way changed nothing.
 */
export function isReadModelFailure(err: unknown): boolean {
  return (
    err instanceof Database.SqliteError ||
    (err instanceof TypeError && err.message === 'The database connection is not open')
  );
}

export const READ_MODEL_UNAVAILABLE = 'the read model (SQLite) is unavailable; nothing was changed, retry later';
