/** How a refusal of the pure rules, or a rule that broke, reaches the client: as the failure of one update. */
import { ApplicationFailure } from '@temporalio/workflow';
import { Refusal } from '../domain/error-codes';

function refusalFailure(refusal: Refusal): ApplicationFailure {
  return ApplicationFailure.create({
    type: refusal.code,
    message: refusal.message,
    details: [refusal.details],
    nonRetryable: true,
  });
}

/** Runs a rule check; a `Refusal` becomes a non-retryable `ApplicationFailure` of the same code and details. */
export function refuseAsFailure(check: () => unknown): void {
  try {
    check();
  } catch (err) {
    if (err instanceof Refusal) throw refusalFailure(err);
    throw err;
  }
}

/**
 * What an update handler throws in place of an error. Any error that is not an `ApplicationFailure` would fail
 * the workflow task instead of the update, on every retry, and the petition would answer nothing again; so a
 * rule that broke after its check passed fails only the command that found it (type `INTERNAL`).
 */
export function updateFailure(update: string, err: unknown): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  if (err instanceof Refusal) return refusalFailure(err);
  return ApplicationFailure.create({
    type: 'INTERNAL',
    message: `${update} could not be applied: ${String(err)}`,
    nonRetryable: true,
  });
}
