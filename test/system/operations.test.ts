/**
 * What a platform team watches, on the system as separate processes (the CLI's dev server, `api/main.ts`,
 * `worker/main.ts`): /health degraded while no worker polls the task queue and ok once one does; the worker's
 * Prometheus exporter; the API's /metrics counting an operation by name and outcome code; the API's request log
 * naming principal and operation, and nothing a petitioner wrote.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startDevServer } from '../support/environments';
import { errorCode, type GraphQLAnswer, okField } from '../support/graphql';
import { residentId } from '../support/petitioners';
import { freePort, type Managed, startEntryPoint } from '../support/processes';
import { eventually } from '../support/system';

let env: TestWorkflowEnvironment;
let dir: string;
let apiPort: number;
let metricsPort: number;
let api: Managed;
let worker: Managed | undefined;
let tokens: { role: string; token: string; principalId: string }[];

const common = () => ({ TEMPORAL_ADDRESS: env.address, FENGQIAO_DB: join(dir, 'fengqiao.db') });

async function health(): Promise<{ status: number; body: any }> {
  const response = await fetch(`http://127.0.0.1:${apiPort}/health`);
  return { status: response.status, body: await response.json() };
}

async function gql(role: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer> {
  const token = tokens.find((t) => t.role === role)!.token;
  const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer;
}

beforeAll(async () => {
  env = await startDevServer();
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-operations-'));
  [apiPort, metricsPort] = [await freePort(), await freePort()];
  // The request log is on by default in the API process: nothing here turns it on.
  api = startEntryPoint('api', 'api/main.ts', {
    ...common(),
    PORT: String(apiPort),
    FENGQIAO_DEV_TOKENS: join(dir, 'tokens.json'),
  });
  await api.waitForOutput(/dev tokens/);
  tokens = JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8'));
});

afterAll(async () => {
  await Promise.all([api?.stop(), worker?.stop()]);
  await env?.teardown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('health, metrics and the request log', () => {
  it('/health is 200 degraded while no worker polls the task queue, naming what is missing', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'degraded', temporal: 'ok', readModel: 'ok', stuck: 'ok' });
    expect(body.workers).toMatch(/no worker has polled task queue "petitions" \(workflow and activity tasks\)/);
  });

  it('a worker with the exporter: /health turns ok, and the worker serves temporal_ metrics', async () => {
    worker = startEntryPoint('worker', 'worker/main.ts', {
      ...common(),
      FENGQIAO_WORKFLOW_BUNDLE: inject('workflowBundlePath'),
      FENGQIAO_WORKER_METRICS: `127.0.0.1:${metricsPort}`,
    });
    await worker.waitForOutput(/metrics: http:\/\/127\.0\.0\.1:\d+\/metrics/);
    // The probe's answer is shared for two seconds; the worker's polls reach the server a moment after it starts.
    const ok = await eventually(async () => {
      const answer = await health();
      return answer.body.status === 'ok' && answer;
    }, 30_000);
    expect(ok.body).toMatchObject({ status: 'ok', workers: 'ok' });

    const text = await eventually(async () => {
      const body = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      return /^temporal_\w+/m.test(body) && body;
    }, 30_000);
    expect(text).toMatch(/^temporal_\w+\{[^}]*task_queue="petitions"/m);
  });

  it('/metrics counts operations by name and outcome code; the log names who and what, never the petitioner', async () => {
    const petitioner = { name: '运维测试人', idNumber: residentId('44030419850315002'), phone: '13700001111' };
    const registered = okField(
      await gql(
        'REGISTRAR',
        `mutation Register($input: RegisterPetitionInput!) { registerPetition(input: $input) { id status } }`,
        {
          input: {
            petitioner,
            channel: 'LETTER',
            category: 'CLAIM',
            summary: '运维日志检查',
            content: '检查请求日志不含个人信息',
          },
        },
      ),
    );
    // Accepting twice: the second is refused by the workflow's validator with a code of API.md.
    const accept = `mutation Accept { acceptPetition(id: "${registered.id}", unitId: "U-FT-02") { status } }`;
    expect(okField(await gql('REGISTRAR', accept)).status).toBe('HANDLING');
    const refusedCode = errorCode(await gql('REGISTRAR', accept));
    expect(refusedCode).toBe('INVALID_TRANSITION');

    const metrics = await (await fetch(`http://127.0.0.1:${apiPort}/metrics`)).text();
    const count = (labels: string) =>
      Number(new RegExp(`^fengqiao_graphql_operations_total\\{${labels}\\} (\\d+)`, 'm').exec(metrics)?.[1] ?? 0);
    expect(count('operationName="Register",operationType="mutation",code="OK"')).toBe(1);
    expect(count('operationName="Accept",operationType="mutation",code="OK"')).toBe(1);
    expect(count(`operationName="Accept",operationType="mutation",code="${refusedCode}"`)).toBe(1);
    expect(metrics).toMatch(
      /^fengqiao_graphql_operation_duration_seconds_count\{operationName="Register",operationType="mutation",code="OK"\} 1$/m,
    );
    expect(metrics).toMatch(
      new RegExp(
        `^graphql_envelop_error_result\\{[^}]*operationName="Accept"[^}]*code="${refusedCode}"[^}]*\\} 1$`,
        'm',
      ),
    );
    expect(metrics).toMatch(/^fengqiao_api_process_cpu_seconds_total /m);

    const registrar = tokens.find((t) => t.role === 'REGISTRAR')!;
    const lines = api.output.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    const logged = (operation: string) => lines.filter((l) => l.msg === 'graphql' && l.operation === operation);
    expect(logged('Register')).toEqual([
      expect.objectContaining({
        principal: registrar.principalId,
        role: 'REGISTRAR',
        type: 'mutation',
        outcome: 'OK',
        codes: [],
        durationMs: expect.any(Number),
        time: expect.any(String),
      }),
    ]);
    expect(logged('Accept').map((l) => l.codes)).toEqual([[], [refusedCode]]);
    // Nothing the API printed holds what the petitioner gave; the log lines hold no token either (the dev tokens
    // themselves are printed at start, on purpose).
    const everything = api.output.join('\n');
    for (const secret of [petitioner.name, petitioner.idNumber, petitioner.phone, '运维日志检查'])
      expect(everything).not.toContain(secret);
    expect(JSON.stringify(lines)).not.toContain(registrar.token);
  });
});
