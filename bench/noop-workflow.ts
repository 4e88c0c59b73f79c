import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/**
 * The baseline of bench/whole.ts: a workflow that does nothing, so that starting it and having a worker run it
 * costs only what Temporal itself costs. Bundled on its own, for its own worker and task queue.
 */
export async function benchNoopWorkflow(): Promise<void> {}

/**
 * The bare update's baseline: a workflow whose update handler returns at once, open until cancelled, so that
 * `executeUpdate` on it costs only Temporal's round trip (and the data converter's work on its payloads).
 */
export const benchEcho = defineUpdate<unknown, [unknown]>('benchEcho');

export async function benchUpdateWorkflow(): Promise<void> {
  setHandler(benchEcho, (value) => value);
  await condition(() => false);
}
