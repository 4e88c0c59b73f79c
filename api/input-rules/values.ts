/** Numbers, choices and moments. */
import { badInput } from '../errors';

export function wholeNumber(field: string, value: number, min: number, max?: number): number {
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    throw badInput(
      field,
      max === undefined
        ? `${field} must be a whole number of at least ${min}`
        : `${field} must be a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

export const MAX_PAGE = 100;

export function pageSize(field: string, value: number | null | undefined): number {
  return wholeNumber(field, value ?? 20, 1, MAX_PAGE);
}

/** A String argument that takes one of a few words (where the schema has no enum for it). */
export function optionalChoice<T extends string>(
  field: string,
  value: string | null | undefined,
  choices: readonly T[],
): T | null {
  if (value == null) return null;
  if (!(choices as readonly string[]).includes(value))
    throw badInput(field, `${field} must be one of ${choices.join(', ')}, not ${JSON.stringify(value).slice(0, 40)}`);
  return value as T;
}

// Whether a date-time is well formed, real and of a sensible year is the DateTime scalar's rule (scalars.ts);
// these are the rules of particular fields.

// A client's clock may run a little ahead of ours.
const CLOCK_SKEW_MS = 60_000;
const DAY_MS = 86_400_000;

/** A moment that has happened (receipt, delivery): not in the future. */
export function pastMoment(field: string, value: number | null | undefined, now = Date.now()): number | null {
  if (value == null) return null;
  if (value > now + CLOCK_SKEW_MS)
    throw badInput(field, `${field} lies in the future: give the moment it happened, with its offset`);
  return value;
}

/** A moment still to come (a deadline), and not further off than `maxDays`. */
export function futureMoment(
  field: string,
  value: number | null | undefined,
  maxDays: number,
  now = Date.now(),
): number | null {
  if (value == null) return null;
  if (value <= now) throw badInput(field, `${field} lies in the past`);
  if (value > now + maxDays * DAY_MS) throw badInput(field, `${field} lies more than ${maxDays} days ahead`);
  return value;
}

/** The start and end of a filter's period: in that order. */
export function period(
  fromField: string,
  from: number | null | undefined,
  toField: string,
  to: number | null | undefined,
): void {
  if (from != null && to != null && to < from)
    throw badInput(toField, `${toField} lies before ${fromField}: the period must end after it starts`);
}
