/** Workflow histories for testers: fetch a petition's history (as the Temporal CLI/UI export it) and replay one. */
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { parseHistory, replay } from '../worker/replay';
import { petitionWorkflowId } from '../workflows/definitions';
import type { ApiDeps } from './context';
import { apiError, badInput, callTemporal } from './errors';
import { IDS, requiredId } from './input-rules';
import { decodeHistoryJson } from './payload-json';

export async function petitionHistory(deps: ApiDeps, givenId: string): Promise<unknown> {
  const petitionId = requiredId('id', givenId, IDS.petition);
  const history = await callTemporal(petitionId, () =>
    deps.temporal.workflow.getHandle(petitionWorkflowId(petitionId)).fetchHistory(),
  );
  // Temporal holds the payloads encrypted; the tester gets them decoded by the client's own codec.
  return decodeHistoryJson(JSON.parse(historyToJSON(history)), deps.temporal.options.loadedDataConverter.payloadCodecs);
}

export async function replayHistory(deps: ApiDeps, json: unknown) {
  let history;
  try {
    history = parseHistory(json);
  } catch (err) {
    throw badInput('history', `not a workflow history: ${(err as Error).message}`);
  }
  const outcome = await replay(history, deps.workflowBundle);
  if (outcome.ok) return outcome;
  throw apiError(outcome.kind, outcome.message, { runId: outcome.runId, events: outcome.events });
}
