/**
 * The read-only Temporal UI as temporal-dev.sh sets it up: the dev server's own UI on an
 * internal port, scripts/dev/ui-proxy.ts in front of it. The UI's settings turn every write action off and keep
 * the codec endpoint; a terminate sent past the UI is refused with 405 and the workflow runs on; a workflow
 * query (a POST the UI needs to read) passes.
 */
import type { AddressInfo } from 'node:net';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uiProxy, WRITE_ACTIONS_OFF } from '../../scripts/dev/ui-proxy';
import { freePort } from '../support/processes';

const CODEC = 'http://localhost:4999/codec';
let env: TestWorkflowEnvironment;
let proxy: ReturnType<typeof uiProxy>;
let base: string;
let uiPortOfEnv: number;

beforeAll(async () => {
  const uiPort = await freePort();
  env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: inject('temporalCliPath') },
      ui: true,
      uiPort,
      extraArgs: ['--ui-codec-endpoint', CODEC],
    },
  });
  uiPortOfEnv = uiPort;
  proxy = uiProxy(uiPort);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await env?.teardown();
});

/** The UI server's CSRF cookie and header, as the UI's own requests carry them. */
async function csrf(): Promise<Record<string, string>> {
  const answer = await fetch(`${base}/api/v1/settings`);
  const token = /_csrf=([^;]+)/.exec(answer.headers.get('set-cookie') ?? '')![1]!;
  return { cookie: `_csrf=${token}`, 'x-csrf-token': token, 'content-type': 'application/json' };
}

describe('the Temporal UI behind ui-proxy.ts', () => {
  it('answers settings with every write action off and the codec endpoint kept', async () => {
    const settings = await (await fetch(`${base}/api/v1/settings`, { headers: { 'accept-encoding': 'gzip' } })).json();
    expect(settings).toMatchObject(WRITE_ACTIONS_OFF);
    expect(settings.Codec.Endpoint).toBe(CODEC);
  });

  it("with the API's address, points the UI's codec at the proxy's own origin, where the tester's session is", async () => {
    const withCodec = uiProxy(uiPortOfEnv, { apiUrl: 'http://127.0.0.1:9' });
    await new Promise<void>((resolve) => withCodec.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(withCodec.address() as AddressInfo).port}`;
    try {
      const settings = await (await fetch(`${origin}/api/v1/settings`)).json();
      expect(settings).toMatchObject(WRITE_ACTIONS_OFF);
      expect(settings.Codec).toMatchObject({ Endpoint: `${origin}/codec`, PassAccessToken: false });
    } finally {
      await new Promise((resolve) => withCodec.close(resolve));
    }
  });

  it('refuses a terminate with 405, and the workflow runs on; a query passes', async () => {
    const handle = await env.client.workflow.start('nothingRunsMe', {
      taskQueue: 'no-worker',
      workflowId: 'ui-proxy-1',
    });
    const headers = await csrf();
    const terminate = await fetch(`${base}/api/v1/namespaces/default/workflows/ui-proxy-1/terminate`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ reason: 'from the UI' }),
    });
    expect(terminate.status).toBe(405);
    const signal = await fetch(`${base}/api/v1/namespaces/default/workflows/ui-proxy-1/signal/x`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(signal.status).toBe(405);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // Through to the server: an unknown workflow's query answers NOT_FOUND from Temporal, not the proxy's 405.
    const query = await fetch(`${base}/api/v1/namespaces/default/workflows/no-such-workflow/query/__stack_trace`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: { queryType: '__stack_trace' } }),
    });
    // Temporal's answer (404 not found; under load the UI server may answer 503 for a slow frontend), never the
    // proxy's refusal.
    expect(query.status).not.toBe(405);
    expect([404, 503]).toContain(query.status);
  });
});
