/**
 * Temporal's own floor, the anchors Fengqiao's figures are divided by, on the same dev server in the same run:
 * - a bare update whose handler returns at once; one awaiting a local activity; one awaiting a regular activity;
 *   one giving the commands a Fengqiao mutation gives (one at a time, on one open workflow);
 * - a bare start plus one no-op update, as update-with-start sends them together (C at a time, and 25).
 * Each is timed with only its own worker in the process, before the petition worker starts.
 */
import { WithStartWorkflowOperation } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  benchAnswerThenActivity,
  benchAsACommand,
  benchEcho,
  benchUpdateWorkflow,
  benchViaActivity,
  benchViaLocalActivity,
} from '../noop-workflow';
import { CONCURRENCY, N, RUN_TAG, WARMUP } from './options';
import { runWorker, type TemporalServer } from './system';
import { elapsedMs, log, summarize, timedPool, type Timing } from './timing';

/** What an update's argument weighs in Fengqiao: an actor and a short note. */
const ARGUMENT = { message: '请报告办理进展', respondWithinDays: null, actor: { id: 'bench', role: 'SUPERVISOR' } };

/** `count` calls of `op`, one at a time, after `WARMUP` untimed ones (given -1, -2, …). */
export async function oneAtATime(label: string, count: number, op: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i += 1) await op(-1 - i);
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    const t = process.hrtime.bigint();
    await op(i);
    samples.push(elapsedMs(t));
  }
  const timing = summarize(samples, elapsedMs(started));
  log(`${label}: p50 ${timing.p50Ms.toFixed(1)} ms, p99 ${timing.p99Ms.toFixed(1)} ms`);
  return timing;
}

export async function measureAnchors(env: TemporalServer, noopCode: string) {
  const taskQueue = `bench-anchors-${RUN_TAG}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { code: noopCode },
    activities: { benchNothing: async (value: unknown) => value },
  });
  const running = runWorker(worker);
  const client = env.client;
  const handle = await client.workflow.start(benchUpdateWorkflow, {
    taskQueue,
    workflowId: `bench-anchor-updates-${RUN_TAG}`,
  });
  const update = (definition: typeof benchEcho) => () => handle.executeUpdate(definition, { args: [ARGUMENT] });
  const noopUpdate = await oneAtATime('bare no-op update', N, update(benchEcho));
  const localActivityUpdate = await oneAtATime('bare update + local activity', N, update(benchViaLocalActivity));
  const activityUpdate = await oneAtATime('bare update + activity', N, update(benchViaActivity));
  const commandUpdate = await oneAtATime('bare update as a command (LA, SA, timer)', N, update(benchAsACommand));
  const answerThenActivity = await oneAtATime(
    'bare update answered before its activity (SA, timer)',
    N,
    update(benchAnswerThenActivity),
  );
  await handle.terminate('bench done');

  const startWithUpdate = (key: string) =>
    client.workflow.executeUpdateWithStart(benchEcho, {
      args: [ARGUMENT],
      startWorkflowOperation: new WithStartWorkflowOperation(benchUpdateWorkflow, {
        taskQueue,
        workflowId: `bench-anchor-start-${RUN_TAG}-${key}`,
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
  for (let i = 0; i < WARMUP; i += 1) await startWithUpdate(`warm-${i}`);
  const startUpdate = await timedPool(`bare start + update, ${CONCURRENCY} at a time`, N, CONCURRENCY, (i) =>
    startWithUpdate(`c-${i}`),
  );
  const startUpdate25 = await timedPool('bare start + update, 25 at a time', N, 25, (i) => startWithUpdate(`25-${i}`));
  worker.shutdown();
  await running;
  return {
    noopUpdate,
    localActivityUpdate,
    activityUpdate,
    commandUpdate,
    answerThenActivity,
    startUpdate,
    startUpdate25,
  };
}
