/**
 * The read model can be lost and rebuilt from Temporal alone: on the CLI's dev server (the rebuild lists
 * workflows, which needs visibility), petitions in several states, one of them continued-as-new, are rebuilt
 * into a fresh file that equals the live one row for row.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openReadModel } from '../../db/connection';
import { PANEL_WORKFLOWS, PETITION_WORKFLOWS, rebuildReadModel } from '../../db/rebuild';
import { panelWorkflowId } from '../../workflows/panel-definitions';
import { petitionWorkflowId, TASK_QUEUE } from '../../workflows/definitions';
import { petitionWorkflow } from '../../workflows/petition-workflow';
import { startDevServer } from '../support/environments';
import { mutationsSelecting, okData } from '../support/graphql';
import { attachVia, tinyPdf, tinyPng } from '../support/material-files';
import { newResidentId } from '../support/petitioners';
import { readModelCaughtUp, readModelTables as tables } from '../support/read-model-tables';
import { eventually, startSystem, type System } from '../support/system';
import { tokensPerRole } from '../support/tokens';

let env: TestWorkflowEnvironment;
let system: System;
let dir: string;

beforeAll(async () => {
  env = await startDevServer();
  system = await startSystem(env);
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-rebuild-'));
});

afterAll(async () => {
  await system?.stop();
  await env?.teardown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ok = mutationsSelecting('id status', () => system);

it('a lost read model is rebuilt from Temporal, equal to the live one row for row', async () => {
  const { registrar, handler, supervisor } = tokensPerRole(system.db);
  const register = (summary: string) =>
    ok(
      registrar,
      `registerPetition(input: { petitioner: { name: "王某", idNumber: "${newResidentId()}" }, channel: ONLINE, category: CLAIM, summary: "${summary}", content: "${summary}，请求处理。" })`,
    );

  const waiting = await register('道路积水');
  const delivered = await register('供暖不足');
  await ok(registrar, `acceptPetition(id: "${delivered.id}", unitId: "U-FT-01")`);
  await ok(handler, `replyPetition(id: "${delivered.id}", outcome: SUPPORT, text: "已协调供暖公司")`);
  await ok(registrar, `recordSatisfaction(id: "${delivered.id}", level: SATISFIED)`);
  // 材料: their rows come from the petition's state, in this run and carried over by continue-as-new (below).
  const attach = async (token: string, id: string, bytes: Buffer, name: string) =>
    okData((await attachVia(system, token, { id, kind: 'EVIDENCE' }, { bytes, name })).body);
  await attach(registrar, delivered.id, tinyPdf('rebuild'), '来信.pdf');
  await ok(registrar, `requestReview(id: "${delivered.id}", reason: "仍不满意")`);
  // Supervision and a third-party panel leave rows of their own.
  await ok(supervisor, `urge(id: "${delivered.id}", message: "请复查机关按期办理")`);
  await ok(supervisor, `escalate(id: "${waiting.id}", leaderId: "leader-1", reason: "多次来访")`);
  const members = ['NPC_DEPUTY', 'NPC_DEPUTY', 'CPPCC_MEMBER', 'PARTY_DEPUTY', 'LAWYER'].map((kind, i) => ({
    memberId: `M-${i}`,
    name: `委员${i}`,
    kind,
  }));
  const convened = await system.gql(
    supervisor,
    'mutation($input: ConveneEvaluationPanelInput!) { conveneEvaluationPanel(input: $input) { id } }',
    { input: { title: '评议会', members, petitionIds: [delivered.id] } },
  );
  const panelId = convened.data.conveneEvaluationPanel.id;
  for (const m of members) {
    const voter = system.token('REVIEWER', { memberId: m.memberId });
    await system.gql(
      voter,
      `mutation { recordEvaluation(panelId: "${panelId}", petitionId: "${delivered.id}", verdict: SATISFIED) { id } }`,
    );
  }
  await eventually(() =>
    system.db.$client.prepare("SELECT 1 FROM panels WHERE id = ? AND status = 'CLOSED'").get(panelId),
  );
  const declined = await register('法院判决执行');
  await ok(registrar, `declinePetition(id: "${declined.id}", reason: NOT_A_PETITION)`);

  // One that continues as new in mid-case.
  const longId = `XF-REBUILD-${Date.now()}`;
  const handle = await env.client.workflow.start(petitionWorkflow, {
    workflowId: petitionWorkflowId(longId),
    taskQueue: TASK_QUEUE,
    args: [
      {
        registration: {
          petitionId: longId,
          petitioner: { name: '赵某', idNumber: null, phone: null, address: null },
          channel: 'VISIT',
          category: 'CLAIM',
          summary: '征地补偿',
          content: '征地补偿款分配不公',
          receivedAt: null,
          respondentUnitId: null,
          registeredBy: { id: 'registrar', role: 'REGISTRAR' },
        },
        profileId: 'national-2022',
        historyLimit: 30,
      },
    ],
  });
  await eventually(() => system.db.$client.prepare('SELECT 1 FROM petitions WHERE id = ?').get(longId));
  await ok(registrar, `acceptPetition(id: "${longId}", unitId: "U-FT-01")`);
  await attach(handler, longId, tinyPng('before'), '现场.png');
  for (let i = 0; i < 3; i += 1) {
    await ok(handler, `startHearing(id: "${longId}")`);
    await ok(handler, `endHearing(id: "${longId}")`);
  }
  await eventually(async () => (await handle.describe()).runId !== handle.firstExecutionRunId);
  await attach(handler, longId, tinyPng('after'), '补充.png');

  const ids = [waiting.id, delivered.id, declined.id, longId];
  // Both stores settle: the live projection has every petition's newest state, and visibility lists them all.
  await eventually(async () => {
    if (!(await readModelCaughtUp(env.client, system.db, [waiting.id, delivered.id, longId]))) return false;
    const listed = new Set<string>();
    for await (const wf of env.client.workflow.list({ query: PETITION_WORKFLOWS })) listed.add(wf.workflowId);
    for await (const wf of env.client.workflow.list({ query: PANEL_WORKFLOWS })) listed.add(wf.workflowId);
    return ids.every((id) => listed.has(petitionWorkflowId(id))) && listed.has(panelWorkflowId(panelId));
  }, 30_000);

  const rebuilt = openReadModel(join(dir, 'rebuilt.db'));
  const progress: number[] = [];
  const written = await rebuildReadModel(env.client, rebuilt, ({ done }) => progress.push(done));
  expect(written).toBe(5);
  expect(progress).toEqual([1, 2, 3, 4, 5]);

  const live = tables(system.db);
  const fresh = tables(rebuilt);
  expect(live.petitions.map((p: any) => p.status).sort()).toEqual([
    'DECLINED',
    'HANDLING',
    'REGISTERED',
    'UNDER_REVIEW',
  ]);
  expect(live.events.length).toBeGreaterThan(15);
  expect(live.urges).toHaveLength(1);
  expect(live.materials.map((m: any) => [m.petition_id, m.name])).toEqual([
    [delivered.id, '来信.pdf'],
    [longId, '现场.png'],
    [longId, '补充.png'],
  ]);
  // The 督办 and the escalation were told to their unit and leader: the notices compared are not none.
  expect(live.notifications.map((n: any) => n.recipient)).toContain('PRINCIPAL:leader-1');
  expect(live.panelCases).toEqual([
    expect.objectContaining({ petition_id: delivered.id, verdict: 'SATISFIED', votes: 5 }),
  ]);
  expect(live.search.map((ids) => ids.length)).toEqual([1, 1, 1, 1, 1]);
  // The statistics counters the triggers kept, not an empty table that would equal any other.
  expect(live.statisticsDays.length).toBeGreaterThan(0);
  expect(fresh).toEqual(live);
  rebuilt.$client.close();
});
