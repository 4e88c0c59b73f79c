/**
 * A petition whose workflow task keeps failing is visible: listed by the ADMIN query `stuckPetitions` and counted
 * by /health, which answers 200 `degraded`. On the CLI's dev server (visibility; the Java test server has none to
 * list with): a petition workflow started under a jurisdiction profile the code does not know throws on its
 * first workflow task (getProfile, a plain Error, fails the task rather than the workflow), and again on each
 * attempt. The dev server of CLI v1.5.1 (Server 1.29.1) has no `TemporalReportedProblems` search attribute, so
 * the API finds such workflows by describing the open ones (api/stuck-workflows.ts); this file checks that too.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '../../domain/petition';
import { petitionUpdates, petitionWorkflowId, TASK_QUEUE } from '../../workflows/definitions';
import { petitionWorkflow } from '../../workflows/petition-workflow';
import { GraphQLError } from 'graphql';
import { STUCK_AFTER_ATTEMPTS } from '../../api/stuck-workflows';
import { callUpdate } from '../../api/update-bound';
import { startDevServer } from '../support/environments';
import { errorCode, mutationsSelecting, okData } from '../support/graphql';
import { eventually, startSystem, type System } from '../support/system';
import { type RoleTokens, tokensPerRole } from '../support/tokens';

let env: TestWorkflowEnvironment;
let system: System;
let tokens: RoleTokens;

beforeAll(async () => {
  env = await startDevServer();
  system = await startSystem(env);
  tokens = tokensPerRole(system.db, 'stuck');
});

afterAll(async () => {
  await system?.stop();
  await env?.teardown();
});

const ok = mutationsSelecting('id status', () => system);

async function health(): Promise<{ httpStatus: number; body: any }> {
  const response = await system.yoga.fetch('http://fengqiao.test/health');
  return { httpStatus: response.status, body: await response.json() };
}

const STUCK_QUERY = `{ stuckPetitions { workflowId workflowType petitionId category cause message since attempt } }`;

describe('petitions whose workflow task keeps failing', () => {
  const stuckId = 'XF-STUCK-1';
  let startedAt: number;
  let healthy: string;

  it('none at first: health is ok and the list is empty', async () => {
    healthy = (
      await ok(
        tokens.registrar,
        `registerPetition(input: { petitioner: { name: "正常" }, channel: ONLINE, category: CLAIM, summary: "正常件", content: "正常件，请求处理" })`,
      )
    ).id;
    expect(okData(await system.gql(tokens.admin, STUCK_QUERY)).stuckPetitions).toEqual([]);
    const { httpStatus, body } = await health();
    expect(httpStatus).toBe(200);
    expect(body).toMatchObject({ status: 'ok', temporal: 'ok', readModel: 'ok', stuck: 'ok', stuckWorkflows: 0 });
  });

  it('a workflow that throws on its every task is listed, with what it threw and since when', async () => {
    const registration: Registration = {
      petitionId: stuckId,
      petitioner: { name: '卡住', idNumber: null, phone: null, address: null },
      channel: 'LETTER',
      category: 'CLAIM',
      summary: '未知辖区',
      content: '以未知辖区规则登记的信访件',
      receivedAt: null,
      respondentUnitId: null,
      registeredBy: { id: 'registrar', role: 'REGISTRAR' },
    };
    startedAt = Date.now();
    const handle = await env.client.workflow.start(petitionWorkflow, {
      workflowId: petitionWorkflowId(stuckId),
      taskQueue: TASK_QUEUE,
      args: [{ registration, profileId: 'no-such-profile' }],
    });
    // The first failure is in the history at once; the attempts after it are transient (core lets each time out).
    const listed = await eventually(async () => {
      const answer = okData(await system.gql(tokens.admin, STUCK_QUERY));
      return answer.stuckPetitions.find((s: any) => s.workflowId === handle.workflowId);
    }, 60_000);
    expect(listed).toMatchObject({
      workflowType: 'petitionWorkflow',
      petitionId: stuckId,
      category: 'WorkflowTaskFailed',
      cause: 'WORKFLOW_WORKER_UNHANDLED_FAILURE',
    });
    expect(listed.message).toContain('unknown jurisdiction profile "no-such-profile"');
    expect(listed.attempt).toBeGreaterThanOrEqual(STUCK_AFTER_ATTEMPTS);
    // `since` is the first failure's moment, a moment after the start, not the latest attempt's.
    const since = Date.parse(listed.since);
    expect(since).toBeGreaterThanOrEqual(startedAt - 1_000);
    expect(since).toBeLessThan(startedAt + 5_000);
    // The healthy petition is not listed.
    const all = okData(await system.gql(tokens.admin, STUCK_QUERY)).stuckPetitions;
    expect(all.map((s: any) => s.petitionId)).toEqual([stuckId]);
    expect(all.map((s: any) => s.petitionId)).not.toContain(healthy);
  }, 90_000);

  it('an update sent to it is refused at once: UNAVAILABLE, nothing was changed', async () => {
    // Through the API's own sending (the GraphQL mutation would stop earlier: this petition never reached the
    // read model, as its workflow never ran a task). Temporal refuses the update outright (FAILED_PRECONDITION,
    // "Workflow Task in failed state"), so it is not TIMEOUT: it was never admitted.
    const handle = env.client.workflow.getHandle(petitionWorkflowId(stuckId));
    const started = Date.now();
    const err = await callUpdate({ temporal: env.client, updateTimeoutMs: 5_000 }, stuckId, () =>
      handle.executeUpdate(petitionUpdates.accept, {
        args: [{ unitId: 'U-FT-01', note: null, actor: { id: 'registrar', role: 'REGISTRAR' } }],
      }),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).extensions.code).toBe('UNAVAILABLE');
    expect((err as GraphQLError).message).toMatch(
      /cannot take commands now .*Workflow Task in failed state.*nothing was changed/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('only ADMIN may list them', async () => {
    expect(errorCode(await system.gql(tokens.tester, STUCK_QUERY))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(tokens.registrar, STUCK_QUERY))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(null, STUCK_QUERY))).toBe('UNAUTHENTICATED');
  });

  it('health answers 200 degraded with their count; once the workflow is gone, ok again', async () => {
    const degraded = await eventually(async () => {
      const answer = await health();
      return answer.body.stuckWorkflows === 1 && answer;
    }, 30_000);
    expect(degraded.httpStatus).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', temporal: 'ok', readModel: 'ok', stuckWorkflows: 1 });
    expect(degraded.body.stuck).toMatch(/1 workflow's task keeps failing/);

    await env.client.workflow.getHandle(petitionWorkflowId(stuckId)).terminate('test: stuck on purpose');
    const recovered = await eventually(async () => {
      const answer = await health();
      return answer.body.stuckWorkflows === 0 && answer;
    }, 30_000);
    expect(recovered.httpStatus).toBe(200);
    expect(recovered.body).toMatchObject({ status: 'ok', stuck: 'ok' });
    expect(okData(await system.gql(tokens.admin, STUCK_QUERY)).stuckPetitions).toEqual([]);
  }, 90_000);
});
