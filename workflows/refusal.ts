/** How a refusal of the pure rules reaches the client: the typed failure an update validator reports. */
import { ApplicationFailure } from '@temporalio/workflow';
import { Refusal } from '../domain/error-codes';

/** Runs a rule check; a `Refusal` becomes a non-retryable `ApplicationFailure` of the same code and details. */
export function refuseAsFailure(check: () => unknown): void {
  try {
    check();
  } catch (err) {
    if (err instanceof Refusal) {
      throw ApplicationFailure.create({
        type: err.code,
        message: err.message,
        details: [err.details],
        nonRetryable: true,
      });
    }
    throw err;
  }
}
