/**
 * End to end over HTTP, as a newcomer runs it: the Temporal CLI's dev server (started here with the same
 * executable temporal-dev.sh builds), and the worker and API as real processes started from their entry
 * points, with migrations, seeded units and dev tokens. Also checks that operators can find petitions by their
 * search attributes, which needs the dev server's visibility store.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer } from '../support/environments';
import { errorCode, type GraphQLAnswer, okField } from '../support/graphql';
import { freePort, type Managed, postGraphQL, startEntryPoint } from '../support/processes';
import { eventually } from '../support/system';

let env: TestWorkflowEnvironment;
let dir: string;
let port: number;
const children: Managed[] = [];
let tokens: { role: string; token: string; unitId: string | null }[];

async function gql(token: string | null, query: string): Promise<GraphQLAnswer> {
  return (await (await postGraphQL(port, token, query)).json()) as GraphQLAnswer;
}

const tokenOf = (role: string) => tokens.find((t) => t.role === role)!.token;

beforeAll(async () => {
  env = await startDevServer();
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-e2e-'));
  port = await freePort();
  const common = { TEMPORAL_ADDRESS: env.address, FENGQIAO_DB: join(dir, 'fengqiao.db') };
  // The worker bundles the workflow code itself, as it does for a newcomer.
  children.push(startEntryPoint('worker', 'worker/main.ts', common));
  children.push(
    startEntryPoint('api', 'api/main.ts', {
      ...common,
      PORT: String(port),
      FENGQIAO_DEV_TOKENS: join(dir, 'tokens.json'),
    }),
  );
  // `ok` only once the worker, which bundles the workflow code first, polls the task queue.
  await eventually(
    async () => (await (await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.json())?.status === 'ok',
    60_000,
  ).catch((err: Error) => {
    throw new Error(
      `${err.message}\n${children.map((c) => `${c.name}:\n${c.output.slice(-20).join('\n')}`).join('\n')}`,
    );
  });
  tokens = JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8'));
});

afterAll(async () => {
  await Promise.all(children.map((child) => child.stop()));
  await env?.teardown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the running system, over HTTP', () => {
  it('health reports Temporal and the read model', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', temporal: 'ok', readModel: 'ok', workers: 'ok' });
  });

  it('seeds a token for every role, and for the handlers of the 复查 and 复核 organs', () => {
    expect(new Set(tokens.map((t) => t.role))).toEqual(
      new Set(['ADMIN', 'LEADER', 'REGISTRAR', 'REVIEWER', 'SUPERVISOR', 'TESTER', 'UNIT_HANDLER', 'UNIT_HEAD']),
    );
    expect(
      tokens
        .filter((t: any) => t.role === 'UNIT_HANDLER')
        .map((t: any) => t.unitId)
        .sort(),
    ).toEqual(['O-FT-GOV', 'O-SZ-GOV', 'U-FT-01']);
  });

  it('registers and accepts a petition; operators find it by its search attributes', async () => {
    const registered = okField(
      await gql(
        tokenOf('REGISTRAR'),
        `mutation { registerPetition(input: { petitioner: { name: "赵六" }, channel: VISIT, category: SUGGESTION,
        summary: "建议增设公交站点", content: "建议在福田区某路口增设公交站点" }) { id status } }`,
      ),
    );
    const id = registered.id as string;
    expect(registered.status).toBe('REGISTERED');

    const accepted = await gql(
      tokenOf('REGISTRAR'),
      `mutation { acceptPetition(id: "${id}", unitId: "U-FT-02") { status unit { id } } }`,
    );
    expect(accepted.data.acceptPetition).toEqual({ status: 'HANDLING', unit: { id: 'U-FT-02' } });

    const refused = await gql(
      tokenOf('REGISTRAR'),
      `mutation { routePetition(id: "${id}", unitId: "U-FT-01", mode: TRANSFER) { id } }`,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'HANDLING' });
    expect(
      errorCode(await gql(tokenOf('SUPERVISOR'), `mutation { declinePetition(id: "${id}", reason: OTHER) { id } }`)),
    ).toBe('FORBIDDEN');

    const found = await eventually(async () => {
      const ids: string[] = [];
      for await (const wf of env.client.workflow.list({
        query: `PetitionStatus = "HANDLING" AND PetitionUnit = "U-FT-02"`,
      }))
        ids.push(wf.workflowId);
      return ids.includes(`petition-${id}`) && ids;
    });
    expect(found).toContain(`petition-${id}`);

    const listed = await gql(
      tokenOf('SUPERVISOR'),
      `{ petitions(filter: { status: [HANDLING] }) { totalCount edges { node { id petitioner { masked } } } } }`,
    );
    expect(listed.data.petitions.edges).toEqual([{ node: { id, petitioner: { masked: true } } }]);
  });
});
