/**
 * A retried registration or convening (the same requestId) answers what the first call started, whatever became
 * of it since — declined, concluded (终结), a panel closed at its deadline, or with no worker running — and never
 * starts a second run under its id. Through GraphQL on the time-skipping server.
 */
import { describe, expect, it } from 'vitest';
import { petitionWorkflowId } from '../../workflows/definitions';
import { panelWorkflowId } from '../../workflows/panel-definitions';
import { okField } from '../support/graphql';
import { lifecycleSteps } from '../support/lifecycle';
import { PANEL_OF_FIVE } from '../support/panel-members';
import { eventually, useTimeSkippingSystem } from '../support/system';

const ts = useTimeSkippingSystem();
const { ok, readModelRow, toReexamination } = lifecycleSteps(ts);
const NO_CACHE = { maxCachedWorkflows: 0 };

const REGISTER = `mutation($input: RegisterPetitionInput!) {
  registerPetition(input: $input) { id status stage timeline { type } } }`;

let requests = 0;
/** A registration with a requestId of its own; `send()` sends it (again). */
function registration() {
  const input = {
    petitioner: { name: '赵六', phone: '13911112222', idNumber: '440304199001011233' },
    channel: 'LETTER',
    category: 'CLAIM',
    summary: '拆迁补偿款未到位',
    content: '房屋征收补偿款至今未发放，请求督促。',
    respondentUnitId: 'U-FT-01',
    requestId: `retry-${Date.now()}-${++requests}`,
  };
  return { send: async () => okField(await ts.system.gql(ts.tokens.registrar, REGISTER, { input })) };
}

/** The latest run under the workflow id: a second run would have another run id. */
async function runsOf(workflowId: string) {
  const latest = await ts.env.client.workflow.getHandle(workflowId).describe();
  return { runId: latest.runId, status: latest.status.name };
}

describe('registerPetition retried with its requestId', () => {
  it('after the petition was declined: the declined petition, no fresh REGISTERED run', async () => {
    const request = registration();
    const first = await request.send();
    const before = await runsOf(petitionWorkflowId(first.id));
    await ok(ts.tokens.registrar, `declinePetition(id: "${first.id}", reason: NOT_A_PETITION)`);
    await eventually(() => readModelRow(first.id)?.status === 'DECLINED');

    const again = await request.send();
    expect(again).toMatchObject({ id: first.id, status: 'DECLINED', stage: 'CLOSED' });
    const after = await runsOf(petitionWorkflowId(first.id));
    expect(after).toMatchObject({ runId: before.runId, status: 'COMPLETED' });
    // And again: still the one petition, still closed.
    expect(await request.send()).toMatchObject({ id: first.id, status: 'DECLINED' });
    expect((await runsOf(petitionWorkflowId(first.id))).runId).toBe(before.runId);
  });

  it('after 终结 (复核 answered): the concluded petition', async () => {
    const request = registration();
    const first = await request.send();
    const { runId } = await runsOf(petitionWorkflowId(first.id));
    await toReexamination(first.id);
    await ok(ts.tokens.reexamOrgan, `replyPetition(id: "${first.id}", outcome: NOT_SUPPORT, text: "复核维持")`);
    await eventually(() => readModelRow(first.id)?.status === 'CONCLUDED');

    const again = await request.send();
    expect(again).toMatchObject({ id: first.id, status: 'CONCLUDED', stage: 'CLOSED' });
    expect(again.timeline.at(-1).type).toBe('CONCLUDED');
    expect(await runsOf(petitionWorkflowId(first.id))).toMatchObject({ runId, status: 'COMPLETED' });
  });

  it('while no worker runs: the read model answers for the open petition and for a declined one', async () => {
    // A stopped worker's sticky queue holds its workflows' next tasks until the sticky timeout, a timer the Java
    // test server cannot fire while its clock is held (the panel's deadline below): workers from here keep no cache.
    await ts.system.restartWorker(async () => undefined, NO_CACHE);
    const open = registration();
    const declined = registration();
    const openFirst = await open.send();
    const declinedFirst = await declined.send();
    await ok(ts.tokens.registrar, `declinePetition(id: "${declinedFirst.id}", reason: NOT_A_PETITION)`);
    await eventually(() => readModelRow(declinedFirst.id)?.status === 'DECLINED');
    const openRun = await runsOf(petitionWorkflowId(openFirst.id));
    const declinedRun = await runsOf(petitionWorkflowId(declinedFirst.id));

    await ts.system.restartWorker(async () => {
      const started = Date.now();
      const [openAgain, declinedAgain] = await Promise.all([open.send(), declined.send()]);
      // Each waits out one bounded query (5 s), not forever.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(openAgain).toMatchObject({ id: openFirst.id, status: 'REGISTERED' });
      expect(openAgain.timeline.map((e: { type: string }) => e.type)).toEqual(['REGISTERED']);
      expect(declinedAgain).toMatchObject({ id: declinedFirst.id, status: 'DECLINED' });
    }, NO_CACHE);

    expect((await runsOf(petitionWorkflowId(openFirst.id))).runId).toBe(openRun.runId);
    expect(await runsOf(petitionWorkflowId(declinedFirst.id))).toMatchObject({
      runId: declinedRun.runId,
      status: 'COMPLETED',
    });
    // With the worker back, the workflow itself answers again.
    expect(await open.send()).toMatchObject({ id: openFirst.id, status: 'REGISTERED' });
  });
});

describe('conveneEvaluationPanel retried with its requestId', () => {
  const CONVENE = `mutation($input: ConveneEvaluationPanelInput!) {
    conveneEvaluationPanel(input: $input) { id status deadlineAt } }`;

  async function deliveredPetition() {
    const { id } = await registration().send();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${id}", unitId: "U-FT-01")`);
    await ok(ts.tokens.handler, `replyPetition(id: "${id}", outcome: EXPLAIN, text: "已答复")`);
    return id as string;
  }

  it('while open, after it closed at its deadline, and while no worker runs: the one panel', async () => {
    const input = {
      title: '重试评议会',
      members: PANEL_OF_FIVE,
      petitionIds: [await deliveredPetition()],
      requestId: `panel-retry-${Date.now()}`,
    };
    const convene = async () => okField(await ts.system.gql(ts.tokens.supervisor, CONVENE, { input }));
    const first = await convene();
    expect(first.status).toBe('OPEN');
    const { runId } = await runsOf(panelWorkflowId(first.id));
    expect(await convene()).toMatchObject({ id: first.id, status: 'OPEN' });

    // No one votes: the panel closes at its deadline and its workflow completes.
    await ts.env.sleep(Date.parse(first.deadlineAt) - (await ts.env.currentTimeMs()) + 60_000);
    await eventually(async () => (await runsOf(panelWorkflowId(first.id))).status === 'COMPLETED');
    await eventually(async () => (await convene()).status === 'CLOSED');
    expect(await convene()).toMatchObject({ id: first.id, status: 'CLOSED' });

    await ts.system.restartWorker(async () => {
      expect(await convene()).toMatchObject({ id: first.id, status: 'CLOSED' });
    }, NO_CACHE);
    expect(await runsOf(panelWorkflowId(first.id))).toMatchObject({ runId, status: 'COMPLETED' });
  });
});
