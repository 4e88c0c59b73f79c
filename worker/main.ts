/**
 * Runs the petition worker against the Temporal server of Temporal's environment configuration
 * (worker/temporal-config.ts: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS, API key, a TOML profile; by default
 * localhost:7233). With
 * FENGQIAO_WORKFLOW_BUNDLE (a file written by `bundleWorkflows`) it starts in a second instead of bundling the
 * workflow code again: the crash tests restart workers many times.
 */
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { openConfiguredReadModel } from '../db/open-read-model';
import { createPetitionWorker } from './create-worker';
import { fengqiaoDataConverter } from './data-converter';
import { ensureSearchAttributes } from './search-attributes-setup';
import { describeTarget, temporalTarget } from './temporal-config';

const target = temporalTarget();
const { namespace } = target;

// The SQLite file by default; PostgreSQL when DATABASE_URL names one (db/open-read-model.ts).
const db = await openConfiguredReadModel();
const client = await Connection.connect(target.connection);
await ensureSearchAttributes(client, namespace);
await client.close();

const connection = await NativeConnection.connect(target.connection);
const bundlePath = process.env.FENGQIAO_WORKFLOW_BUNDLE;
const worker = await createPetitionWorker({
  connection,
  db,
  namespace,
  dataConverter: fengqiaoDataConverter(),
  ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : {}),
});
console.log(`[worker] polling task queue "${worker.options.taskQueue}" on ${describeTarget(target)}`);
try {
  // Worker.run() shuts down gracefully on SIGINT/SIGTERM by default.
  await worker.run();
} finally {
  await connection.close();
  await db.close();
}
