/**
 * Runs the petition worker against the Temporal server of Temporal's environment configuration
 * (worker/temporal-config.ts: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS, API key, a TOML profile; by default
 * localhost:7233). With
 * FENGQIAO_WORKFLOW_BUNDLE (a file written by `bundleWorkflows`) it starts in a second instead of bundling the
 * workflow code again: the crash tests restart workers many times. Its Prometheus metrics (./metrics.ts) and
 * OpenTelemetry tracing (./tracing.ts) are set by FENGQIAO_WORKER_METRICS and FENGQIAO_TRACING /
 * OTEL_EXPORTER_OTLP_ENDPOINT.
 */
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { deliveryConfigFromEnv, describeDelivery } from '../activities/delivery-config';
import { openConfiguredReadModel } from '../db/open-read-model';
import { createPetitionWorker } from './create-worker';
import { fengqiaoDataConverter } from './data-converter';
import { installWorkerRuntime, workerMetricsSetting } from './metrics';
import { ensureSearchAttributes } from './search-attributes-setup';
import { describeTarget, temporalTarget } from './temporal-config';
import { tracingFromEnv } from './tracing';

const target = temporalTarget();
const { namespace } = target;
// Before the first NativeConnection: the runtime is made once per process.
const metricsAddress = installWorkerRuntime(workerMetricsSetting());
const tracing = tracingFromEnv('fengqiao-worker');

// The SQLite file by default; PostgreSQL when DATABASE_URL names one (db/open-read-model.ts).
const db = await openConfiguredReadModel();
const client = await Connection.connect(target.connection);
await ensureSearchAttributes(client, namespace);
await client.close();

// Read before connecting: a channel configured wrong stops the worker at once rather than at the first notice.
const delivery = deliveryConfigFromEnv();
const connection = await NativeConnection.connect(target.connection);
const bundlePath = process.env.FENGQIAO_WORKFLOW_BUNDLE;
const worker = await createPetitionWorker({
  connection,
  db,
  namespace,
  dataConverter: fengqiaoDataConverter(),
  tracing,
  delivery,
  ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : {}),
});
console.log(`[worker] polling task queue "${worker.options.taskQueue}" on ${describeTarget(target)}`);
console.log(
  `[worker] metrics: ${metricsAddress ? `http://${metricsAddress}/metrics` : 'off'}   tracing: ${tracing ? 'on' : 'off'}`,
);
console.log(`[worker] notices leave on: ${describeDelivery(delivery)}`);
try {
  // Worker.run() shuts down gracefully on SIGINT/SIGTERM by default.
  await worker.run();
} finally {
  await tracing?.shutdown();
  await connection.close();
  await db.close();
}
