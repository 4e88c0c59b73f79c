/**
 * A published holiday notice carried to every open petition workflow (the `holidayCalendarPublished` signal), by
 * Temporal's own means: one batch operation over the visibility query of running petition workflows, which the
 * server runs, paces and keeps going by itself. Where the server has no batch operations (the Java time-skipping
 * test server answers UNIMPLEMENTED), a workflow of ours does the same (workflows/holiday-calendar-publication.ts).
 *
 * The fan-out's id is the year, its revision and a hash of the content (and of the requestId, if any): the same
 * notice sent again finds its fan-out started (ALREADY_EXISTS) and starts none, while each change of a year gets
 * one of its own. A change stops the fan-out of the revision it replaces first; a petition applies the last year
 * it receives, and a batch activity already under way may still deliver a few of the older signals after that, so
 * the stop narrows the window without closing it (docs/calendar.md).
 */
import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { toPayloads } from '@temporalio/common';
import type { CalendarYear, HolidayCalendar } from '../domain/calendar';
import { calendarForNewPetition } from '../db/holiday-calendars';
import { holidayCalendarSignal } from '../workflows/definitions';
import { holidayCalendarPublicationWorkflow } from '../workflows/holiday-calendar-publication';
import type { ApiDeps } from './context';

/** Every open petition: a petition's workflow runs until its case is closed. */
export const OPEN_PETITIONS_QUERY = "WorkflowType = 'petitionWorkflow' AND ExecutionStatus = 'Running'";

const GRPC_ALREADY_EXISTS = 6;
const GRPC_UNIMPLEMENTED = 12;

export interface FanOut {
  /** This call started it; false when it had been started before (the same notice sent again). */
  started: boolean;
  batchJobId: string | null;
  workflowId: string | null;
}

/**
 * The fan-out of `revision` of a year: the same notice sent again (a client's retry, with its requestId or
 * without one) finds it; a new requestId of the same principal asks for the notice to be sent out once more.
 */
export function fanOutId(year: CalendarYear, revision: number, request: string | null = null): string {
  const content = JSON.stringify([year.holidays, year.workingWeekends, year.source, request]);
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  return `holiday-calendar-${year.year}-r${revision}-${hash}`;
}

function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** The signal's argument as the client's data converter (and any codec of it) encodes it. */
async function signalInput(client: Client, year: CalendarYear) {
  const { payloadConverter, payloadCodecs } = client.options.loadedDataConverter;
  let payloads = toPayloads(payloadConverter, year) ?? [];
  for (const codec of payloadCodecs) payloads = await codec.encode(payloads);
  return { payloads };
}

/** Stops a fan-out that a newer revision of its year replaces; one that has ended, or is unknown, is left be. */
async function stopFanOut(client: Client, id: string, reason: string): Promise<void> {
  const { namespace, identity } = client.options;
  try {
    await client.workflowService.stopBatchOperation({ namespace, jobId: id, reason, identity });
    return;
  } catch (err) {
    if (grpcCode(err) !== GRPC_UNIMPLEMENTED) return;
  }
  await client.workflow
    .getHandle(id)
    .terminate(reason)
    .catch(() => undefined);
}

async function startBatch(client: Client, id: string, year: CalendarYear): Promise<boolean> {
  const { namespace, identity } = client.options;
  try {
    await client.workflowService.startBatchOperation({
      namespace,
      jobId: id,
      reason: `holiday notice of ${year.year} published: ${year.source}`.slice(0, 1000),
      visibilityQuery: OPEN_PETITIONS_QUERY,
      signalOperation: { signal: holidayCalendarSignal.name, input: await signalInput(client, year), identity },
    });
    return true;
  } catch (err) {
    if (grpcCode(err) === GRPC_ALREADY_EXISTS) return false;
    throw err;
  }
}

async function startWorkflow(deps: ApiDeps, id: string, year: CalendarYear): Promise<boolean> {
  try {
    await deps.temporal.workflow.start(holidayCalendarPublicationWorkflow, {
      workflowId: id,
      taskQueue: deps.taskQueue,
      args: [{ year }],
      // A fan-out that completed is not run again; one that failed or was stopped may be.
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}

/**
 * Sends `year` to every open petition under the fan-out `id`, after stopping `superseded` (the fan-out of the
 * revision this one replaces). Throws what the Temporal client threw when the server cannot start it.
 */
export async function fanOutCalendarYear(
  deps: ApiDeps,
  year: CalendarYear,
  id: string,
  superseded: string | null,
): Promise<FanOut> {
  if (superseded && superseded !== id) await stopFanOut(deps.temporal, superseded, `superseded by ${id}`);
  try {
    return { started: await startBatch(deps.temporal, id, year), batchJobId: id, workflowId: null };
  } catch (err) {
    if (grpcCode(err) !== GRPC_UNIMPLEMENTED) throw err;
  }
  return { started: await startWorkflow(deps, id, year), batchJobId: null, workflowId: id };
}

/**
 * A notice stored while a petition was being started may miss it: its calendar was read before, and its workflow
 * may not be visible yet when the fan-out lists the open ones. The registration reads the notices again once the
 * workflow has started and sends it any year that changed in between (usually none: one read of a small table).
 */
export async function sendNoticesStoredSince(deps: ApiDeps, workflowId: string, given: HolidayCalendar) {
  const handle = deps.temporal.workflow.getHandle(workflowId);
  for (const year of (await calendarForNewPetition(deps.db, Date.now())).years) {
    const before = given.years.find((y) => y.year === year.year);
    if (year.provisional || (before && !before.provisional && before.revision === year.revision)) continue;
    await handle.signal(holidayCalendarSignal, year);
  }
}
