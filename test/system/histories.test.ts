/**
 * Histories for testers: fetch a petition's history (GraphQL and the JSON download), replay it against the
 * current code, and see a change made without `patched()` caught by the replay.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { GraphQLError } from 'graphql';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { replayHistory } from '../../api/histories';
import { bundleWorkflows, parseHistory, replay } from '../../worker/replay';
import { TASK_QUEUE } from '../../workflows/definitions';
import { type System, useTimeSkippingSystem } from '../support/system';

let env: TestWorkflowEnvironment;
let system: System;
let tester: string;
let registrar: string;
let petitionId: string;

useTimeSkippingSystem(async (started, running) => {
  env = started;
  system = running;
  tester = system.token('TESTER');
  registrar = system.token('REGISTRAR');
  const handler = system.token('UNIT_HANDLER', { unitId: 'U-FT-01' });
  const registered = await system.gql(
    registrar,
    'mutation { registerPetition(input: { petitioner: { name: "回放" }, channel: LETTER, category: CLAIM, summary: "回放测试", content: "回放测试" }) { id } }',
  );
  petitionId = registered.data.registerPetition.id;
  await system.gql(registrar, `mutation { acceptPetition(id: "${petitionId}", unitId: "U-FT-01") { id } }`);
  await env.sleep(20 * 86_400_000);
  await system.gql(handler, `mutation { replyPetition(id: "${petitionId}", outcome: EXPLAIN, text: "答复") { id } }`);
});

async function fetchHistory(): Promise<any> {
  const answer = await system.gql(tester, `{ petitionHistory(id: "${petitionId}") }`);
  expect(answer.errors).toBeUndefined();
  return answer.data.petitionHistory;
}

describe('fetching a history', () => {
  it('answers the history in the JSON the Temporal CLI and UI export', async () => {
    const history = await fetchHistory();
    expect(history.events[0]).toMatchObject({ eventId: '1', eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED' });
    expect(history.events.some((e: any) => e.eventType === 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED')).toBe(
      true,
    );
    expect(history.events.some((e: any) => e.eventType === 'EVENT_TYPE_TIMER_STARTED')).toBe(true);
  });

  it('downloads as a file with the same authorization', async () => {
    const get = (token: string | null, id = petitionId) =>
      system.yoga.fetch(`http://fengqiao.test/petitions/${id}/history.json`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const ok = await get(tester);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain(`petition-${petitionId}.history.json`);
    expect((await ok.json()).events.length).toBe((await fetchHistory()).events.length);
    expect((await get(registrar)).status).toBe(403);
    expect((await get(null)).status).toBe(401);
    expect((await get(tester, 'XF-NOPE')).status).toBe(404);
    expect(
      (await system.gql(registrar, `{ petitionHistory(id: "${petitionId}") }`)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('a malformed % escape in the id is 400 BAD_USER_INPUT, never a 500', async () => {
    for (const id of ['%E0%A4%A', '%', 'XF-%ZZ', '%C0%80']) {
      const response = await system.yoga.fetch(`http://fengqiao.test/petitions/${id}/history.json`, {
        headers: { authorization: `Bearer ${tester}` },
      });
      expect(response.status, id).toBe(400);
      expect((await response.json()).errors[0].extensions, id).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
  });
});

describe('replaying a history', () => {
  it('the current code replays it: ok, with the number of events', async () => {
    const history = await fetchHistory();
    const answer = await system.gql(tester, 'mutation($h: JSON!) { replayHistory(history: $h) { ok events runId } }', {
      h: history,
    });
    expect(answer.errors).toBeUndefined();
    // The petition never continued as new: the history is its only run, so the replayed run is the workflow's run.
    const { runId } = await env.client.workflow.getHandle(`petition-${petitionId}`).describe();
    expect(answer.data.replayHistory).toEqual({ ok: true, events: history.events.length, runId });
    expect(history.events[0].workflowExecutionStartedEventAttributes.firstExecutionRunId).toBe(runId);
  });

  it('a malformed history is BAD_USER_INPUT, never a crash', async () => {
    for (const h of [{ foo: 1 }, { events: [] }, 'not json at all', [1, 2, 3]]) {
      const answer = await system.gql(tester, 'mutation($h: JSON!) { replayHistory(history: $h) { ok } }', { h });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'history' });
    }
  });

  it('the gate: a change made without patched() is caught as NONDETERMINISM', async () => {
    const history = await fetchHistory();
    const changed = await bundleWorkflows(
      fileURLToPath(new URL('../fixtures/changed-workflow/index.ts', import.meta.url)),
    );
    const outcome = await replay(parseHistory(history), { code: changed.code });
    expect(outcome).toMatchObject({ ok: false, kind: 'NONDETERMINISM' });
    // …and through the API, which answers with the typed error.
    const deps = {
      db: system.db,
      temporal: env.client,
      taskQueue: TASK_QUEUE,
      profileId: 'national-2022',
      workflowBundle: { code: changed.code },
    };
    const err = await replayHistory(deps, history).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).extensions).toMatchObject({ code: 'NONDETERMINISM', events: history.events.length });
    expect((err as GraphQLError).message).toMatch(/[Nn]ondeterminism/);
  });

  it('a history that fails for another reason answers its own kind, as the CLI prints it, not NONDETERMINISM', async () => {
    const history = await fetchHistory();
    const current = { codePath: inject('workflowBundlePath') };
    const replayed = (h: unknown) =>
      system.gql(tester, 'mutation($h: JSON!) { replayHistory(history: $h) { ok } }', { h });
    // An input the payload converter cannot decode: the workflow code throws before it issues anything.
    const undecodable = structuredClone(history);
    undecodable.events[0].workflowExecutionStartedEventAttributes.input.payloads[0].data =
      Buffer.from('{not json').toString('base64');
    const thrown = await replayed(undecodable);
    expect(thrown.errors?.[0]?.extensions).toMatchObject({
      code: 'WORKFLOW_TASK_FAILED',
      events: history.events.length,
    });
    expect(thrown.errors?.[0]?.message).toMatch(/JSON/);
    expect(await replay(parseHistory(undecodable), current)).toMatchObject({ ok: false, kind: 'WORKFLOW_TASK_FAILED' });
    // An event missing from the middle: Temporal's core refuses the history itself.
    const gap = structuredClone(history);
    gap.events.splice(2, 1);
    const refused = await replayed(gap);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'HISTORY_INVALID',
      events: history.events.length - 1,
    });
    expect(refused.errors?.[0]?.message).toMatch(/out of order/);
    expect(await replay(parseHistory(gap), current)).toMatchObject({ ok: false, kind: 'HISTORY_INVALID' });
  });
});
