/**
 * `Petition.live` on a real worker (time-skipping server): one request answers at most
 * WORKFLOW_QUERIES_PER_REQUEST of them from the workflows, the rest LIMIT_EXCEEDED; a workflow that cannot answer
 * (its every task failing, or no worker running) is UNAVAILABLE within the query's bound, never
 * INTERNAL_SERVER_ERROR and never a request left hanging.
 */
import { describe, expect, it } from 'vitest';
import { QUERY_TIMEOUT_MS, WORKFLOW_QUERIES_PER_REQUEST } from '../../api/workflow-queries';
import { petitionWorkflowId, TASK_QUEUE } from '../../workflows/definitions';
import { petitionWorkflow } from '../../workflows/petition-workflow';
import { mutationsSelecting } from '../support/graphql';
import { sampleRegistration } from '../support/registrations';
import { eventually, useTimeSkippingSystem } from '../support/system';

const ts = useTimeSkippingSystem();
const ok = mutationsSelecting('id', () => ts.system);
const NO_CACHE = { maxCachedWorkflows: 0 };

const codesOf = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (answer.errors ?? []).map((e) => e.extensions?.code);

describe('Petition.live', () => {
  it(`a list of ${WORKFLOW_QUERIES_PER_REQUEST + 3}: ${WORKFLOW_QUERIES_PER_REQUEST} answered by their workflows, the rest LIMIT_EXCEEDED`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < WORKFLOW_QUERIES_PER_REQUEST + 3; i += 1) {
      const input = `{ petitioner: { name: "限流${i}" }, channel: ONLINE, category: SUGGESTION, summary: "限流件${i}", content: "限流件" }`;
      ids.push((await ok(ts.tokens.registrar, `registerPetition(input: ${input})`)).id);
    }
    await eventually(() =>
      ids.every((id) => ts.system.db.$client.prepare('SELECT 1 FROM petitions WHERE id = ?').get(id)),
    );
    const answer = await ts.system.gql(
      ts.tokens.admin,
      `{ petitions(first: 100, filter: { text: "限流件" }) { edges { node { id live } } } }`,
    );
    const edges = answer.data.petitions.edges as { node: { id: string; live: { petitionId: string } | null } }[];
    expect(edges.map((e) => e.node.id).sort()).toEqual([...ids].sort());
    const answered = edges.filter((e) => e.node.live !== null);
    expect(answered).toHaveLength(WORKFLOW_QUERIES_PER_REQUEST);
    for (const e of answered) expect(e.node.live!.petitionId).toBe(e.node.id);
    expect(codesOf(answer)).toEqual(Array(3).fill('LIMIT_EXCEEDED'));
  });

  it('a workflow whose every task fails: UNAVAILABLE, not an unexpected error', async () => {
    const petitionId = 'XF-00000FA11ED0';
    const registration = sampleRegistration(Date.now(), { id: 'registrar', role: 'REGISTRAR' }, { petitionId });
    await ts.env.client.workflow.start(petitionWorkflow, {
      workflowId: petitionWorkflowId(petitionId),
      taskQueue: TASK_QUEUE,
      args: [{ registration, profileId: 'no-such-profile' }],
    });
    // Never projected, so `petition` asks the workflow, whose query cannot be answered.
    const started = Date.now();
    const answer = await ts.system.gql(ts.tokens.admin, `{ petition(id: "${petitionId}") { id live } }`);
    expect(codesOf(answer)).toEqual(['UNAVAILABLE']);
    expect(Date.now() - started).toBeLessThan(QUERY_TIMEOUT_MS + 3_000);
    await ts.env.client.workflow.getHandle(petitionWorkflowId(petitionId)).terminate('test done');
  });

  it('with no worker running: live is UNAVAILABLE within the bound, the read model still answers the rest', async () => {
    // A stopped worker's sticky queue would hold the workflows' tasks past the test: workers from here keep no cache.
    await ts.system.restartWorker(async () => undefined, NO_CACHE);
    const input = `{ petitioner: { name: "停机" }, channel: ONLINE, category: SUGGESTION, summary: "停机查询", content: "停机查询" }`;
    const { id } = await ok(ts.tokens.registrar, `registerPetition(input: ${input})`);
    await ts.system.restartWorker(async () => {
      const started = Date.now();
      const answer = await ts.system.gql(ts.tokens.admin, `{ petition(id: "${id}") { id status live } }`);
      expect(Date.now() - started).toBeLessThan(QUERY_TIMEOUT_MS + 3_000);
      expect(answer.data.petition).toEqual({ id, status: 'REGISTERED', live: null });
      expect(codesOf(answer)).toEqual(['UNAVAILABLE']);
      expect(answer.errors![0]!.message).toMatch(/did not answer within 5000 ms/);
    }, NO_CACHE);
  });
});
