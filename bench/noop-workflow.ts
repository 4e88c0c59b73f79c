import {
  condition,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { PETITION_STATUS } from '../workflows/search-attributes';

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
/** The same, its handler awaiting an activity that does nothing: a local one, then a regular one. */
export const benchViaLocalActivity = defineUpdate<unknown, [unknown]>('benchViaLocalActivity');
export const benchViaActivity = defineUpdate<unknown, [unknown]>('benchViaActivity');
/**
 * The commands a Fengqiao mutation gives, with no rule and no read model behind them: a local activity that does
 * nothing, one search attribute changed, and the waiting timer replaced by another.
 */
export const benchAsACommand = defineUpdate<unknown, [unknown]>('benchAsACommand');
/**
 * The same commands with the activity after the answer: the handler returns at once and the workflow then runs a
 * regular activity that does nothing, so the update's round trip ends with its first workflow task.
 */
export const benchAnswerThenActivity = defineUpdate<unknown, [unknown]>('benchAnswerThenActivity');

/** The bench worker's activity: nothing, so its cost is Temporal's scheduling of it. */
export interface BenchActivities {
  benchNothing(value: unknown): Promise<unknown>;
}
const local = proxyLocalActivities<BenchActivities>({ startToCloseTimeout: '10s' });
const regular = proxyActivities<BenchActivities>({ startToCloseTimeout: '10s' });

export async function benchUpdateWorkflow(): Promise<void> {
  let changes = 0;
  setHandler(benchEcho, (value) => value);
  setHandler(benchViaLocalActivity, (value) => local.benchNothing(value));
  setHandler(benchViaActivity, (value) => regular.benchNothing(value));
  setHandler(benchAsACommand, async (value) => {
    const answer = await local.benchNothing(value);
    changes += 1;
    upsertSearchAttributes([{ key: PETITION_STATUS, value: changes % 2 ? 'HANDLING' : 'REGISTERED' }]);
    return answer;
  });
  let after: Promise<unknown> = Promise.resolve();
  setHandler(benchAnswerThenActivity, (value) => {
    changes += 1;
    upsertSearchAttributes([{ key: PETITION_STATUS, value: changes % 2 ? 'HANDLING' : 'REGISTERED' }]);
    after = after.then(() => regular.benchNothing(value));
    return value;
  });
  for (;;) {
    const seen = changes;
    // A deadline weeks away, re-planned by every command as a petition's next wake-up is.
    await condition(() => changes !== seen, '30 days');
  }
}
