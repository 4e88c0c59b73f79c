/**
 * A long life (DOMAIN.md §3): a petition that continues as new in mid-case, through the GraphQL API on a real
 * worker and the Java time-skipping test server, with the read model in a real SQLite file.
 */
import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../domain/calendar';
import type { Registration } from '../../domain/petition';
import { petitionWorkflowId, TASK_QUEUE } from '../../workflows/definitions';
import { petitionWorkflow } from '../../workflows/petition-workflow';
import { deadline, lifecycleSteps, MINUTE } from '../support/lifecycle';
import { eventually, useTimeSkippingSystem } from '../support/system';
import { calendar } from '../support/calendar';

const ts = useTimeSkippingSystem();
const { ok, live, sleepUntil, readModelRow } = lifecycleSteps(ts);

describe('long lives', () => {
  it('continue-as-new in mid-case loses nothing: state, timeline, read model and running clocks carry over', async () => {
    const petitionId = `XF-CAN-${Date.now()}`;
    const registration: Registration = {
      petitionId,
      petitioner: { name: '续跑测试', idNumber: '440304199001019999', phone: null, address: null },
      channel: 'ONLINE',
      category: 'CLAIM',
      summary: '长期事项',
      content: '需要多次听证的复杂事项',
      receivedAt: null,
      respondentUnitId: null,
      registeredBy: { id: 'registrar-can', role: 'REGISTRAR' },
    };
    const handle = await ts.env.client.workflow.start(petitionWorkflow, {
      workflowId: petitionWorkflowId(petitionId),
      taskQueue: TASK_QUEUE,
      // A tiny history budget, so that a handful of steps forces a new run.
      args: [{ registration, profileId: 'national-2022', historyLimit: 40, calendar }],
    });
    const firstRunId = handle.firstExecutionRunId;
    await eventually(() => readModelRow(petitionId));
    await ok(ts.tokens.registrar, `acceptPetition(id: "${petitionId}", unitId: "U-FT-01")`);
    for (let i = 0; i < 3; i += 1) {
      await ok(ts.tokens.handler, `startHearing(id: "${petitionId}", note: "第${i + 1}次听证")`);
      await ok(ts.tokens.handler, `endHearing(id: "${petitionId}")`);
    }
    await ok(ts.tokens.handler, `requestExtension(id: "${petitionId}", days: 10, reason: "多次听证")`);
    await ok(ts.tokens.head, `decideExtension(id: "${petitionId}", approve: true)`);

    const description = await eventually(async () => {
      const d = await ts.env.client.workflow.getHandle(petitionWorkflowId(petitionId)).describe();
      return d.runId !== firstRunId && d;
    });
    expect(description.status.name).toBe('RUNNING');
    const firstRun = await ts.env.client.workflow.getHandle(petitionWorkflowId(petitionId), firstRunId).describe();
    expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');

    const state = await live(petitionId);
    expect(state.timeline.map((e) => e.seq)).toEqual(state.timeline.map((_, i) => i + 1));
    expect(state.timeline.filter((e) => e.type === 'HEARING_STARTED')).toHaveLength(3);
    expect(state.extensions).toEqual([
      expect.objectContaining({ days: 10, decision: expect.objectContaining({ approved: true }) }),
    ]);
    const handling = deadline(state, 'HANDLING');
    // 60 days and the 10 approved, counted from 受理 (docs/statute.md).
    expect(handling.dueAt).toBe(periodEnd(handling.startedAt, 70, 'CALENDAR_DAYS', calendar));
    await eventually(() => readModelRow(petitionId)?.lastSeq === state.lastSeq);

    // The clock keeps running in the new run: overdue right at the extended deadline.
    await sleepUntil(handling.dueAt + MINUTE);
    const late = await eventually(async () => {
      const s = await live(petitionId);
      return deadline(s, 'HANDLING').overdueAt !== null && s;
    });
    expect(deadline(late, 'HANDLING').overdueAt! - handling.dueAt).toBeLessThan(1_000);
    await eventually(() => readModelRow(petitionId)?.overdue === true);
  });
});
