/**
 * One evaluation panel (评议会), one workflow: members record their verdicts until all have voted or the
 * deadline passes; then each case's verdict goes to its petition workflow (a DISSATISFIED one reopens it).
 * The panel is projected into the read model after every change.
 */
import { allHandlersFinished, condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { PanelActivities } from '../activities/panel-activities';
import { periodEnd } from '../domain/calendar';
import { LEGACY_CALENDAR } from '../domain/seed-notices';
import {
  allVoted,
  checkAttendance,
  checkVote,
  closePanel,
  recordAttendance,
  recordVote,
  type PanelState,
} from '../domain/evaluation';
import { refuseAsFailure } from './refusal';
import {
  panelStateQuery,
  recordAttendanceUpdate,
  recordEvaluationUpdate,
  type PanelWorkflowInput,
} from './panel-definitions';

const { projectPanel, deliverPanelVerdict } = proxyActivities<PanelActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function evaluationPanelWorkflow(input: PanelWorkflowInput): Promise<PanelState> {
  const convenedAt = Date.now();
  // A panel convened before the calendar was workflow data counts on the notices that were then code.
  const { deadlineDays, calendar = LEGACY_CALENDAR, ...facts } = input;
  let panel: PanelState = {
    ...facts,
    deadlineAt: input.deadlineAt ?? periodEnd(convenedAt, deadlineDays, 'CALENDAR_DAYS', calendar),
    convenedAt,
    status: 'OPEN',
    votes: [],
    results: [],
    closedAt: null,
    version: 1,
  };
  let projection: Promise<void> = Promise.resolve();
  const project = () => {
    const snapshot = panel;
    projection = projection.then(() => projectPanel(snapshot));
    return projection;
  };

  setHandler(panelStateQuery, () => panel);
  setHandler(
    recordEvaluationUpdate,
    async (vote) => {
      const next = recordVote(panel, vote, Date.now());
      if (next !== panel) {
        panel = next;
        await project();
      }
      return panel;
    },
    {
      validator: (vote) => refuseAsFailure(() => checkVote(panel, vote)),
    },
  );

  setHandler(
    recordAttendanceUpdate,
    async (command) => {
      // patched('panel-attendance') (docs/histories.md): no history before this update holds one, so there is no
      // old branch to keep; the marker sits beside the first attendance a panel took, and panels convened
      // before the change (still open) take attendance too.
      patched('panel-attendance');
      const next = recordAttendance(panel, command);
      if (next !== panel) {
        panel = next;
        await project();
      }
      return panel;
    },
    {
      validator: (command) => refuseAsFailure(() => checkAttendance(panel, command)),
    },
  );

  await project();
  const wait = panel.deadlineAt - Date.now();
  if (wait > 0) await condition(() => allVoted(panel), wait);
  await condition(allHandlersFinished);
  panel = closePanel(panel, Date.now());
  for (const result of panel.results) {
    await deliverPanelVerdict({ panelId: panel.panelId, ...result });
  }
  await project();
  return panel;
}
