/**
 * The evaluation panel's I/O: projecting the panel into the read model (idempotent by panel and version) and
 * delivering each case's verdict to its petition workflow — by signal when it runs, or by starting its next
 * run from its final state when it has closed (the petition applies a panel's verdict once).
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import type { ReadModel } from '../db/connection';
import { evaluations, panelCases, panelMembers, panels } from '../db/schema';
import type { PanelState, Verdict } from '../domain/evaluation';
import type { PetitionState } from '../domain/petition';
import { panelVerdictSignal, petitionWorkflowId, TASK_QUEUE, type PetitionWorkflowInput } from '../workflows/definitions';

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
      db.transaction((tx) => {
        const stored = tx.select({ version: panels.version }).from(panels).where(eq(panels.id, panel.panelId)).get();
        if (stored && stored.version > panel.version) return;
        const row = {
          id: panel.panelId,
          title: panel.title,
          status: panel.status,
          quorum: panel.quorum,
          convenedAt: new Date(panel.convenedAt),
          convenedBy: panel.convenedBy,
          deadlineAt: new Date(panel.deadlineAt),
          closedAt: panel.closedAt === null ? null : new Date(panel.closedAt),
          version: panel.version,
        };
        const { id: _id, ...update } = row;
        tx.insert(panels).values(row).onConflictDoUpdate({ target: panels.id, set: update }).run();
        tx.delete(panelMembers).where(eq(panelMembers.panelId, panel.panelId)).run();
        for (const m of panel.members) {
          tx.insert(panelMembers)
            .values({ panelId: panel.panelId, ...m, attended: panel.votes.some((v) => v.memberId === m.memberId) })
            .run();
        }
        tx.delete(panelCases).where(eq(panelCases.panelId, panel.panelId)).run();
        panel.petitionIds.forEach((petitionId, ordinal) => {
          const result = panel.results.find((r) => r.petitionId === petitionId);
          tx.insert(panelCases)
            .values({ panelId: panel.panelId, petitionId, ordinal, verdict: result?.verdict ?? null, votes: result?.votes ?? 0 })
            .run();
        });
        tx.delete(evaluations).where(eq(evaluations.panelId, panel.panelId)).run();
        for (const v of panel.votes) {
          tx.insert(evaluations).values({ panelId: panel.panelId, ...v, at: new Date(v.at) }).run();
        }
      });
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
        carried: { state, projectedSeq: state.lastSeq },
      };
      await client.workflow.signalWithStart('petitionWorkflow', {
        workflowId: petitionWorkflowId(petitionId),
        taskQueue,
        args: [input],
        signal: panelVerdictSignal,
        signalArgs: [payload],
      });
    },
  };
}
