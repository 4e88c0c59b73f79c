/**
 * The open petition workflows, a page at a time, for the workflow that carries a holiday notice to them where the
 * server has no batch operations (workflows/holiday-calendar-publication.ts). ListOpenWorkflowExecutions filtered by
 * type, not a visibility query: the Java time-skipping test server answers that call and no ListWorkflowExecutions.
 */
import type { Client } from '@temporalio/client';

/** Petitions per page: a page is signalled at once by the workflow. */
export const OPEN_PETITIONS_PAGE = 100;

export interface OpenPetitionPage {
  workflowIds: string[];
  /** Base64 of the server's page token; null on the last page. */
  nextPageToken: string | null;
}

export interface CalendarFanOutActivities {
  listOpenPetitionWorkflows(input: { pageToken: string | null }): Promise<OpenPetitionPage>;
}

export function createCalendarFanOutActivities(client: Client): CalendarFanOutActivities {
  return {
    async listOpenPetitionWorkflows({ pageToken }) {
      const response = await client.workflowService.listOpenWorkflowExecutions({
        namespace: client.options.namespace,
        maximumPageSize: OPEN_PETITIONS_PAGE,
        typeFilter: { name: 'petitionWorkflow' },
        ...(pageToken ? { nextPageToken: Buffer.from(pageToken, 'base64') } : {}),
      });
      const next = response.nextPageToken;
      return {
        workflowIds: response.executions.flatMap((e) => (e.execution?.workflowId ? [e.execution.workflowId] : [])),
        nextPageToken: next?.length ? Buffer.from(next).toString('base64') : null,
      };
    },
  };
}
