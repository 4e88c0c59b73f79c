/** Builds the worker that runs petition workflows and their activities; shared by worker/main.ts and the tests. */
import { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { createActivities } from '../activities';
import type { DeliveryConfig } from '../activities/delivery-config';
import type { ReadModel } from '../db/read-model';
import { TASK_QUEUE } from '../workflows/definitions';
import type { Tracing } from './tracing';
import { clientTracingInterceptors, workerTracingOptions } from './tracing-interceptors';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface PetitionWorkerOptions {
  connection: NativeConnection;
  db: ReadModel;
  namespace?: string;
  taskQueue?: string;
  /** A prebuilt bundle (tests build it once); otherwise the workflows are bundled from source. */
  workflowBundle?: WorkflowBundleOption;
  /** The sticky cache's size (the SDK's default when absent); 0 sends every workflow task to the shared queue. */
  maxCachedWorkflows?: number;
  /**
   * How payloads are encoded: worker/main.ts and the tests pass the encrypting one (worker/data-converter.ts).
   * Absent, payloads are plain JSON: the recording of the replay corpus (test/histories/) is plain on purpose.
   */
  dataConverter?: DataConverter;
  /**
   * Tracing on (./tracing.ts): the OpenTelemetry interceptors. A prebuilt `workflowBundle` must have been built
   * with WORKFLOW_TRACING_MODULE for the workflow's own spans; activities are traced either way.
   */
  tracing?: Tracing | null;
  /** Where notices leave the system (activities/delivery-config.ts); absent, nowhere: worker/main.ts reads the env. */
  delivery?: DeliveryConfig;
}

export function createPetitionWorker(options: PetitionWorkerOptions): Promise<Worker> {
  const namespace = options.namespace ?? 'default';
  const taskQueue = options.taskQueue ?? TASK_QUEUE;
  // Activities that talk to other workflows (a panel's verdicts) share the worker's connection.
  const dataConverter = options.dataConverter ?? {};
  const { tracing } = options;
  const client = new Client({
    connection: options.connection,
    namespace,
    dataConverter,
    ...(tracing ? { interceptors: clientTracingInterceptors() } : {}),
  });
  return Worker.create({
    connection: options.connection,
    namespace,
    taskQueue,
    dataConverter,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(options.db, client, taskQueue, options.delivery),
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
    ...(tracing ? workerTracingOptions(tracing, Boolean(options.workflowBundle)) : {}),
  });
}
