/** Readings of the worker's memory: its sticky cache once settled, and the process after garbage collection. */
import type { Worker } from '@temporalio/worker';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pause } from './timing';

/**
 * `npm run bench` runs plain `tsx`, without --expose-gc; the flag can still be set at run time, and a context
 * created after that carries `gc`. Set only when the memory readings need it, not before the timings.
 */
let gcFunction: (() => void) | undefined;
function collectGarbage(): void {
  if (!gcFunction) {
    if (!globalThis.gc) setFlagsFromString('--expose-gc');
    gcFunction = globalThis.gc ?? (runInNewContext('gc') as () => void);
  }
  gcFunction();
}

/** The worker's cache size once it has nothing in flight (the last projections of a batch still run). */
export async function settledCacheSize(worker: Worker): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = worker.getStatus();
    if ((status.numInFlightWorkflowActivations === 0 && status.numInFlightActivities === 0) || Date.now() > deadline) {
      return status.numCachedWorkflows;
    }
    await pause(50);
  }
}

export async function memoryReading(worker: Worker) {
  await settledCacheSize(worker);
  for (let i = 0; i < 3; i += 1) {
    collectGarbage();
    await pause(300);
  }
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}
