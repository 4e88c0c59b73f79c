/**
 * The evaluation panel's I/O: projecting the panel into the read model (db/panel-projection.ts) and
 * delivering each case's verdict to its petition workflow — by signal when it runs, or by starting its next
 * run from its final state when it has closed (the petition applies a panel's verdict once).
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { petitionWorkflow } from '../workflows/petition-workflow';
import type { ReadModel } from '../db/read-model';
import { calendarForNewPetition } from '../db/holiday-calendars';
import type { PanelState, Verdict } from '../domain/evaluation';
import type { PetitionState } from '../domain/petition';
import {
  panelVerdictSignal,
  petitionWorkflowId,
  TASK_QUEUE,
  type PetitionWorkflowInput,
} from '../workflows/definitions';

export interface PanelVerdictInput {
  panelId: string;
  petitionId: string;
  verdict: Verdict | null;
  votes: number;
}

export interface PanelActivities {
  projectPanel(panel: PanelState): Promise<void>;
  deliverPanelVerdict(input: PanelVerdictInput): Promise<void>;
}

export function createPanelActivities(db: ReadModel, client: Client, taskQueue = TASK_QUEUE): PanelActivities {
  return {
    async projectPanel(panel) {
      await db.projectPanel(panel);
    },

    async deliverPanelVerdict({ panelId, petitionId, verdict, votes }) {
      const handle = client.workflow.getHandle(petitionWorkflowId(petitionId));
      const description = await handle.describe().catch((err: unknown) => {
        if (err instanceof WorkflowNotFoundError) return null;
        throw err;
      });
      if (!description) return; // retention removed it: the read model keeps the panel's result
      const payload = { panelId, verdict, votes };
      if (description.status.name === 'RUNNING') {
        await handle.signal(panelVerdictSignal, payload);
        return;
      }
      const state = (await handle.result()) as PetitionState;
      if (state.evaluations.some((e) => e.panelId === panelId)) return;
      // A closed case runs again from its final state, to record the verdict (and be handled again if so).
      const input: PetitionWorkflowInput = {
        // Only read when nothing is carried; kept whole so the input reads as any other.
        registration: {
          petitionId: state.petitionId,
          petitioner: state.petitioner,
          channel: state.channel,
          category: state.category,
          summary: state.summary,
          content: state.content,
          receivedAt: state.receivedAt,
          respondentUnitId: state.respondentUnitId,
          registeredBy: { id: 'system', role: 'SYSTEM' },
          repeatOf: state.repeatOf,
        },
        profileId: state.profileId,
        // The published notices as they are now: the case may have closed before some of them.
        carried: { state, projectedSeq: state.lastSeq, calendar: await calendarForNewPetition(db, Date.now()) },
      };
      await client.workflow.signalWithStart(petitionWorkflow, {
        workflowId: petitionWorkflowId(petitionId),
        taskQueue,
        args: [input],
        signal: panelVerdictSignal,
        signalArgs: [payload],
      });
    },
  };
}
