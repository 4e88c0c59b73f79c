/**
 * The API's connection to Temporal. Lazy, so the API starts (and answers UNAVAILABLE) while Temporal is down;
 * and with a short retry budget, because a person is waiting: a few attempts within about three seconds, then
 * UNAVAILABLE ("nothing was changed, safe to retry") rather than the SDK's default minute of retries.
 */
import {
  Connection,
  type ConnectionOptions,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';

/**
 * `target` is an address or the connection options of worker/temporal-config.ts (TLS, API key); `maxAttempts` is
 * for tests: a server known to be down need not be retried.
 */
export function connectApiToTemporal(target: string | ConnectionOptions, maxAttempts = 4): Connection {
  const retry = defaultGrpcRetryOptions({ maxAttempts, initialIntervalMs: () => 200, maxIntervalMs: () => 1_000 });
  const options = typeof target === 'string' ? { address: target } : target;
  return Connection.lazy({ ...options, interceptors: [makeGrpcRetryInterceptor(retry)] });
}
