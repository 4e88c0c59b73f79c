/**
 * Why a send failed, and whether trying again can help: a channel that is busy or down (HTTP 429, 5xx, a network
 * error, the robot's rate limit) is retried by the activity's policy; a request the channel refuses as such (any
 * other 4xx, a robot key it does not know) would be refused again, so it fails at once.
 */
import { ApplicationFailure } from '@temporalio/common';

/** The failure types the delivery activity's retry policy does not retry. */
export const REFUSED = 'DeliveryRefused';

export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }

  /** Throws unless the status is a 2xx. */
  static throwUnlessOk(status: number, what: string): void {
    if (status >= 200 && status < 300) return;
    const retryable = status === 429 || status >= 500;
    throw new DeliveryFailure(`${what} answered HTTP ${status}`, retryable);
  }

  /** As the activity throws it: a non-retryable ApplicationFailure for a refusal, itself otherwise. */
  toActivityError(): Error {
    return this.retryable ? this : ApplicationFailure.nonRetryable(this.message, REFUSED);
  }
}
