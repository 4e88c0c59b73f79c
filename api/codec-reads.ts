/**
 * Which petition a codec decode was for. The codec protocol carries payloads only; the Temporal UI calls it from
 * the workflow's page, so the page's address (the Referer the browser sends, passed on by the UI's proxy) names
 * the workflow. The access log then says which petition a tester read in the UI; a caller without that address
 * (the CLI's `--codec-endpoint`) is logged as such rather than guessed.
 */
import { petitionWorkflowId } from '../workflows/definitions';
import { panelWorkflowId } from '../workflows/panel-definitions';

/** What the access log's petition column holds for a decode whose workflow is not known. */
export const UNKNOWN_WORKFLOW = '(codec: workflow not named)';

const PETITION_WORKFLOW_PREFIX = petitionWorkflowId('');
const PANEL_WORKFLOW_PREFIX = panelWorkflowId('');
const WORKFLOW_IN_PATH = /\/workflows\/([^/?#]+)/;

/** A petition's id, a panel's workflow id as it is (`panel-…`), or UNKNOWN_WORKFLOW. */
export function decodedWorkflowOf(referer: string | null): string {
  if (!referer) return UNKNOWN_WORKFLOW;
  let path: string;
  try {
    path = new URL(referer).pathname;
  } catch {
    return UNKNOWN_WORKFLOW;
  }
  const match = WORKFLOW_IN_PATH.exec(path);
  if (!match) return UNKNOWN_WORKFLOW;
  let workflowId: string;
  try {
    workflowId = decodeURIComponent(match[1]!);
  } catch {
    return UNKNOWN_WORKFLOW;
  }
  if (workflowId.startsWith(PETITION_WORKFLOW_PREFIX)) return workflowId.slice(PETITION_WORKFLOW_PREFIX.length);
  if (workflowId.startsWith(PANEL_WORKFLOW_PREFIX)) return workflowId;
  return UNKNOWN_WORKFLOW;
}
