/**
 * Replays a workflow history against the current workflow code: the check that today's code still runs the
 * cases started months ago. Used by the API (`replayHistory`), `npm run replay` and the CI gate.
 */
import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { WORKFLOWS_PATH } from './create-worker';

export type ReplayOutcome =
  | { ok: true; runId: string; events: number }
  | { ok: false; kind: 'NONDETERMINISM' | 'FAILED'; message: string; runId: string; events: number };

const ignore = () => undefined;

/** Bundles workflow code without webpack's progress chatter; warnings and errors still show. */
export async function bundleWorkflows(workflowsPath: string = WORKFLOWS_PATH): Promise<{ code: string }> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: { log: ignore, trace: ignore, debug: ignore, info: ignore, warn: console.warn, error: console.error },
  });
  return { code };
}

let bundled: Promise<WorkflowBundleOption> | null = null;

/** The current workflow code, bundled once per process. */
export function currentWorkflowBundle(): Promise<WorkflowBundleOption> {
  bundled ??= bundleWorkflows();
  return bundled;
}

/** Parses a history as the Temporal CLI and UI export it; throws a readable error when it is not one. */
export function parseHistory(json: unknown): History {
  const value = typeof json === 'string' ? JSON.parse(json) : json;
  if (!value || typeof value !== 'object' || !Array.isArray((value as { events?: unknown }).events)) {
    throw new Error('a history is an object with an "events" array, as `temporal workflow show --output json` writes it');
  }
  const history = historyFromJSON(value);
  if (!history.events?.length || !history.events[0]?.workflowExecutionStartedEventAttributes) {
    throw new Error('a history starts with its WorkflowExecutionStarted event');
  }
  return history;
}

export async function replay(history: History, workflowBundle?: WorkflowBundleOption): Promise<ReplayOutcome> {
  // An exported history does not carry its workflow id; the run id names it.
  const runId = history.events![0]!.workflowExecutionStartedEventAttributes!.originalExecutionRunId ?? '';
  const events = history.events!.length;
  try {
    await Worker.runReplayHistory({ workflowBundle: workflowBundle ?? (await currentWorkflowBundle()) }, history, `replay-${runId}`);
    return { ok: true, runId, events };
  } catch (err) {
    const name = (err as Error).name;
    const kind = name === 'DeterminismViolationError' ? 'NONDETERMINISM' : 'FAILED';
    return { ok: false, kind, message: (err as Error).message, runId, events };
  }
}
