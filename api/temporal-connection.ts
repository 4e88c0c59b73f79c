/**
 * The API's connection to Temporal. Lazy, so the API starts (and answers UNAVAILABLE) while Temporal is down;
 * and with a short retry budget, because a person is waiting: a few attempts within about three seconds, then
 * UNAVAILABLE ("nothing was changed, safe to retry") rather than the SDK's default minute of retries.
 */
import { Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

export function connectApiToTemporal(address: string): Connection {
  return Connection.lazy({
    address,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4, initialIntervalMs: () => 200, maxIntervalMs: () => 1_000 }))],
  });
}
