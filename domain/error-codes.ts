/**
 * The error codes of the API contract (docs/api.md), declared once: the API answers with them, the rules refuse
 * with a subset of them, and the tests check against this list.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'INVALID_TRANSITION',
  'WINDOW_CLOSED',
  'LIMIT_EXCEEDED',
  'ALREADY_EXISTS',
  'NONDETERMINISM',
  'WORKFLOW_TASK_FAILED',
  'HISTORY_INVALID',
  'UNAVAILABLE',
  'TIMEOUT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes with which a workflow's rules may refuse a command (and so the codes an update failure carries). */
export const REFUSAL_CODES = [
  'INVALID_TRANSITION',
  'BAD_USER_INPUT',
  'WINDOW_CLOSED',
  'LIMIT_EXCEEDED',
  'FORBIDDEN',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value);
}

export function isRefusalCode(value: unknown): value is RefusalCode {
  return (REFUSAL_CODES as readonly unknown[]).includes(value);
}

/**
 * A command the rules refuse before anything is written: the workflows turn it into the typed failure of an
 * update validator, the API into the GraphQL error with the same code.
 */
export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details: Record<string, string | number | null> = {},
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
