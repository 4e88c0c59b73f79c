/**
 * The API's connection to Temporal. Lazy, so the API starts (and answers UNAVAILABLE) while Temporal is down;
 * and with a short retry budget, because a person is waiting: a few attempts within about three seconds, then
 * UNAVAILABLE ("nothing was changed, safe to retry") rather than the SDK's default minute of retries.
 */
import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

/** `maxAttempts` is for tests: a server known to be down need not be retried. */
export function connectApiToTemporal(address: string, maxAttempts = 4): Connection {
  const retry = defaultGrpcRetryOptions({ maxAttempts, initialIntervalMs: () => 200, maxIntervalMs: () => 1_000 });
  return Connection.lazy({ address, interceptors: [makeGrpcRetryInterceptor(retry)] });
}
