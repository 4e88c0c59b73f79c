/**
 * `Petition.live` asks the workflow itself, one query per petition: one request may make at most
 * WORKFLOW_QUERIES_PER_REQUEST of them (api/workflow-queries.ts), the rest refused with LIMIT_EXCEEDED before they
 * reach Temporal, and a query that fails answers UNAVAILABLE, never INTERNAL_SERVER_ERROR. On a real read model
 * with a real Temporal client (counting the queries it sends) whose server is down.
 */
import { Client, QueryNotRegisteredError, QueryRejectedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { connectApiToTemporal } from '../../api/temporal-connection';
import { callQuery, QueryBudget, WORKFLOW_QUERIES_PER_REQUEST } from '../../api/workflow-queries';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';
import { openReadModelHarness, type ReadModelHarness } from '../support/read-model';

let harness: ReadModelHarness;
let sent = 0;
let gql: (query: string) => Promise<{ data?: any; errors?: { message: string; path?: unknown[]; extensions?: any }[] }>;

beforeAll(() => {
  harness = openReadModelHarness();
  for (let i = 0; i < WORKFLOW_QUERIES_PER_REQUEST + 5; i += 1)
    harness.petition({ received: '2026-11-02', summary: `限流${i}` }).project();
  const temporal = new Client({
    connection: connectApiToTemporal('127.0.0.1:1', 1),
    interceptors: { workflow: [{ query: (input, next) => ((sent += 1), next(input)) }] },
  });
  const yoga = createFengqiaoYoga({ db: harness.db, temporal, taskQueue: 'unused', profileId: DEFAULT_PROFILE_ID });
  const admin = harness.token('ADMIN');
  gql = async (query) => {
    const response = await yoga.fetch('http://fengqiao.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query }),
    });
    return response.json();
  };
});

afterAll(() => harness.close());

describe('Petition.live', () => {
  it(`a list asking live of ${WORKFLOW_QUERIES_PER_REQUEST + 5} petitions sends ${WORKFLOW_QUERIES_PER_REQUEST} queries; the rest are LIMIT_EXCEEDED, the failed ones UNAVAILABLE`, async () => {
    sent = 0;
    const started = Date.now();
    const answer = await gql(`{ petitions(first: 100) { edges { node { id live } } } }`);
    const elapsed = Date.now() - started;
    expect(answer.data.petitions.edges).toHaveLength(WORKFLOW_QUERIES_PER_REQUEST + 5);
    expect(sent).toBe(WORKFLOW_QUERIES_PER_REQUEST);
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.filter((c) => c === 'UNAVAILABLE')).toHaveLength(WORKFLOW_QUERIES_PER_REQUEST);
    expect(codes.filter((c) => c === 'LIMIT_EXCEEDED')).toHaveLength(5);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
    const refused = answer.errors!.find((e) => e.extensions?.code === 'LIMIT_EXCEEDED')!;
    expect(refused.extensions.limit).toBe(WORKFLOW_QUERIES_PER_REQUEST);
    expect(refused.message).toMatch(/at most 20 times/);
    expect(refused.path).toEqual(['petitions', 'edges', expect.any(Number), 'node', 'live']);
    // The other fields still answer from the read model.
    expect(answer.data.petitions.edges.every((e: any) => typeof e.node.id === 'string' && e.node.live === null)).toBe(
      true,
    );
    expect(elapsed).toBeLessThan(10_000);
  });

  it('with aliases too: the budget is the request’s, not the field’s', async () => {
    sent = 0;
    const aliases = Array.from({ length: 4 }, (_, i) => `a${i}: petitions(first: 10) { edges { node { live } } }`);
    const answer = await gql(`{ ${aliases.join(' ')} }`);
    expect(sent).toBe(WORKFLOW_QUERIES_PER_REQUEST);
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.filter((c) => c === 'LIMIT_EXCEEDED')).toHaveLength(40 - WORKFLOW_QUERIES_PER_REQUEST);
    // The next request has its own budget.
    sent = 0;
    await gql(`{ petitions(first: 3) { edges { node { live } } } }`);
    expect(sent).toBe(3);
  });

  it('a query the workflow fails, or Temporal rejects, is UNAVAILABLE with nothing of its own message', async () => {
    const temporal = new Client({ connection: connectApiToTemporal('127.0.0.1:1', 1) });
    const failures = [
      new QueryNotRegisteredError('Query handler threw: secret detail', 3),
      new QueryRejectedError(2 as never),
      new TypeError('Invalid response from server'),
    ];
    for (const failure of failures) {
      const err = await callQuery({ temporal, queryBudget: new QueryBudget() }, 'XF-1', () =>
        Promise.reject(failure),
      ).catch((e: unknown) => e as { message: string; extensions: Record<string, unknown> });
      expect(err.extensions.code, failure.name).toBe('UNAVAILABLE');
      expect(err.message).not.toContain('secret');
    }
  });
});
