/**
 * Runs the petition worker against the Temporal server at TEMPORAL_ADDRESS (default localhost:7233). With
 * FENGQIAO_WORKFLOW_BUNDLE (a file written by `bundleWorkflows`) it starts in a second instead of bundling the
 * workflow code again: the crash tests restart workers many times.
 */
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { openReadModel } from '../db/connection';
import { createPetitionWorker } from './create-worker';
import { fengqiaoDataConverter } from './data-converter';
import { ensureSearchAttributes } from './search-attributes-setup';

const address = process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';

const db = openReadModel();
const client = await Connection.connect({ address });
await ensureSearchAttributes(client, namespace);
await client.close();

const connection = await NativeConnection.connect({ address });
const bundlePath = process.env.FENGQIAO_WORKFLOW_BUNDLE;
const worker = await createPetitionWorker({
  connection,
  db,
  namespace,
  dataConverter: fengqiaoDataConverter(),
  ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : {}),
});
console.log(`[worker] polling task queue "${worker.options.taskQueue}" on ${address} (namespace ${namespace})`);
try {
  // Worker.run() shuts down gracefully on SIGINT/SIGTERM by default.
  await worker.run();
} finally {
  await connection.close();
  db.$client.close();
}
