/**
 * A published holiday notice carried to every open petition, for a Temporal server without batch operations (the
 * Java time-skipping test server answers StartBatchOperation UNIMPLEMENTED; api/calendar-publication.ts uses a
 * batch operation wherever there is one). An activity lists the open petition workflows a page at a time and this
 * workflow signals each page, so a worker or API that dies midway loses nothing: the workflow goes on where it was.
 */
import { continueAsNew, getExternalWorkflowHandle, proxyActivities } from '@temporalio/workflow';
import type { CalendarFanOutActivities } from '../activities/calendar-fan-out-activities';
import type { CalendarYear } from '../domain/calendar';
import { holidayCalendarSignal } from './definitions';

const { listOpenPetitionWorkflows } = proxyActivities<CalendarFanOutActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Two events per signal: past this many pages a run hands over to the next, well inside any history limit. */
const PAGES_PER_RUN = 10;

export interface HolidayCalendarPublicationInput {
  year: CalendarYear;
  /** Where the listing stands, carried over by continue-as-new. */
  pageToken?: string | null;
  signalled?: number;
  gone?: number;
}

export interface HolidayCalendarPublicationResult {
  /** Open petitions that received the year. */
  signalled: number;
  /** Petitions listed open that had ended before their signal reached them (they count on nothing any more). */
  gone: number;
}

export async function holidayCalendarPublicationWorkflow(
  input: HolidayCalendarPublicationInput,
): Promise<HolidayCalendarPublicationResult> {
  let { pageToken = null, signalled = 0, gone = 0 } = input;
  for (let page = 0; page < PAGES_PER_RUN; page += 1) {
    const listed = await listOpenPetitionWorkflows({ pageToken });
    const sent = await Promise.allSettled(
      listed.workflowIds.map((id) => getExternalWorkflowHandle(id).signal(holidayCalendarSignal, input.year)),
    );
    const delivered = sent.filter((s) => s.status === 'fulfilled').length;
    signalled += delivered;
    gone += sent.length - delivered;
    if (!listed.nextPageToken) return { signalled, gone };
    pageToken = listed.nextPageToken;
  }
  return continueAsNew<typeof holidayCalendarPublicationWorkflow>({ year: input.year, pageToken, signalled, gone });
}
