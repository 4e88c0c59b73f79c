/**
 * Replays a workflow history against the current workflow code: the check that today's code still runs the
 * cases started months ago. Used by the API (`replayHistory`), `npm run replay` and the CI gate.
 */
import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, ReplayError, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOWS_PATH } from './create-worker';
import { fengqiaoDataConverter } from './data-converter';

/**
 * Why a history did not replay: `npm run replay` prints it and the API answers it as its error code. Only
 * NONDETERMINISM says the code is incompatible with the history (a change without `patched()`); the others call
 * for another fix, so they must not be reported as one.
 * - WORKFLOW_TASK_FAILED: the workflow code threw while replaying (a bug, an unknown workflow type, an input
 *   the payload converter cannot decode).
 * - HISTORY_INVALID: Temporal's core refused the history itself (events missing, out of order or of the wrong
 *   type), or it ends before the workflow ever ran.
 */
export type ReplayFailureKind = 'NONDETERMINISM' | 'WORKFLOW_TASK_FAILED' | 'HISTORY_INVALID';

export type ReplayOutcome =
  | { ok: true; runId: string; events: number }
  | { ok: false; kind: ReplayFailureKind; message: string; runId: string; events: number };

export function replayFailureKind(err: unknown): ReplayFailureKind {
  if (err instanceof DeterminismViolationError) return 'NONDETERMINISM';
  // The SDK throws ReplayError for a workflow task failure and for what its core refused: only the message differs.
  if (err instanceof ReplayError && err.message.startsWith('Replay failed due workflow task failure'))
    return 'WORKFLOW_TASK_FAILED';
  return 'HISTORY_INVALID';
}

const ignore = () => undefined;

/**
 * Bundles workflow code without webpack's progress chatter; warnings and errors still show. `interceptorModules`
 * go into the bundle with it (the tracing one, worker/tracing-interceptors.ts).
 */
export async function bundleWorkflows(
  workflowsPath: string = WORKFLOWS_PATH,
  interceptorModules: string[] = [],
): Promise<{ code: string }> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules: interceptorModules,
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

/**
 * Every history file under a directory, sorted. Subdirectories count: each recording adds a dated set beside the
 * older ones, which running cases still need.
 */
export function listHistoryFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Parses a history as the Temporal CLI and UI export it; throws a readable error when it is not one. */
export function parseHistory(json: unknown): History {
  const value = typeof json === 'string' ? JSON.parse(json) : json;
  if (!value || typeof value !== 'object' || !Array.isArray((value as { events?: unknown }).events)) {
    throw new Error(
      'a history is an object with an "events" array, as `temporal workflow show --output json` writes it',
    );
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
    await Worker.runReplayHistory(
      // An encrypted history (fetched from the server, or exported) is decoded with this process's codec keys;
      // plain ones (the corpus) pass through the codec unchanged.
      { workflowBundle: workflowBundle ?? (await currentWorkflowBundle()), dataConverter: fengqiaoDataConverter() },
      history,
      `replay-${runId}`,
    );
    return { ok: true, runId, events };
  } catch (err) {
    return { ok: false, kind: replayFailureKind(err), message: (err as Error).message, runId, events };
  }
}
