/**
 * Tracing, with OpenTelemetry's in-memory exporter in place of OTLP: a mutation through the API, the Temporal
 * update it sends, the workflow's handling of it and the projection activity it runs are spans of one trace. The
 * workflow interceptors are bundled into the workflow code for this, which must change nothing a history
 * replays: the recorded corpus replays against that bundle too.
 */
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Client } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { openReadModel, type SqliteReadModel } from '../../db/connection';
import { seedUnits } from '../../db/seed-units';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';
import { createPetitionWorker, WORKFLOWS_PATH } from '../../worker/create-worker';
import { bundleWorkflows, listHistoryFiles, parseHistory, replay } from '../../worker/replay';
import { startTracing } from '../../worker/tracing';
import { WORKFLOW_TRACING_MODULE } from '../../worker/tracing-interceptors';
import { TASK_QUEUE } from '../../workflows/definitions';
import { testDataConverter } from '../support/codec';
import { startDevServer } from '../support/environments';
import { okField } from '../support/graphql';
import { eventually } from '../support/system';
import { tokensPerRole } from '../support/tokens';

const HISTORIES = fileURLToPath(new URL('../histories/', import.meta.url));
const exporter = new InMemorySpanExporter();
const tracing = startTracing('fengqiao-test', new SimpleSpanProcessor(exporter));

let env: TestWorkflowEnvironment;
let dir: string;
let db: SqliteReadModel;
let bundle: { code: string };
let worker: Worker;
let running: Promise<void>;
let yoga: ReturnType<typeof createFengqiaoYoga>;
let registrar: string;

beforeAll(async () => {
  env = await startDevServer();
  bundle = await bundleWorkflows(WORKFLOWS_PATH, [WORKFLOW_TRACING_MODULE]);
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-tracing-'));
  db = openReadModel(join(dir, 'fengqiao.db'));
  await seedUnits(db);
  registrar = tokensPerRole(db, 'tracing').registrar;
  worker = await createPetitionWorker({
    connection: env.nativeConnection,
    db,
    workflowBundle: bundle,
    dataConverter: testDataConverter(),
    tracing,
  });
  running = worker.run();
  // The API's client as api/main.ts builds it when tracing is on.
  const temporal = new Client({
    connection: env.connection,
    dataConverter: testDataConverter(),
    interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
  });
  yoga = createFengqiaoYoga({ db, temporal, taskQueue: TASK_QUEUE, profileId: DEFAULT_PROFILE_ID });
});

afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await tracing.shutdown();
  await env?.teardown();
  db?.$client.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function gql(query: string): Promise<any> {
  const response = await yoga.fetch('http://fengqiao.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${registrar}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

describe('tracing across the API, Temporal and the activities', () => {
  it('a mutation, its update, the workflow handling it and its activity are one trace', async () => {
    const { id } = okField(
      await gql(`mutation Register { registerPetition(input: { petitioner: { name: "追踪" }, channel: LETTER,
        category: CLAIM, summary: "追踪检查", content: "一次变更的各段在同一追踪中" }) { id } }`),
    );
    okField(await gql(`mutation Accept { acceptPetition(id: "${id}", unitId: "U-FT-02") { status } }`));

    const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
    const root = await eventually(() => spans().find((s) => s.name === 'mutation Accept'));
    const traceId = root.spanContext().traceId;
    const inTrace = () => spans().filter((s) => s.spanContext().traceId === traceId);
    // Workflow spans leave the sandbox through a sink after the workflow task completes: a moment later.
    await eventually(() => inTrace().some((s) => s.name === 'RunActivity:projectPetitionChange'), 20_000);
    const named = (name: string) => {
      const span = inTrace().find((s) => s.name === name);
      expect(span, `${name} in the trace: ${inTrace().map((s) => s.name)}`).toBeDefined();
      return span!;
    };
    expect(root.parentSpanId).toBeUndefined();
    expect(root.attributes).toMatchObject({ 'graphql.operation.name': 'Accept', 'graphql.operation.type': 'mutation' });
    // Each span the child of the one before: API → client's update → the workflow's handler → the projection.
    const chain = [
      'mutation Accept',
      'StartWorkflowUpdate:accept',
      'HandleUpdate:accept',
      'StartActivity:projectPetitionChange',
      'RunActivity:projectPetitionChange',
    ].map(named);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.parentSpanId).toBe(chain[i - 1]!.spanContext().spanId);
    expect(named('ValidateUpdate:accept').parentSpanId).toBe(chain[1]!.spanContext().spanId);

    // The registration is a trace of its own, started by its mutation; nothing the petitioner wrote is in a span.
    const register = await eventually(() => spans().find((s) => s.name === 'mutation Register'));
    expect(register.spanContext().traceId).not.toBe(traceId);
    expect(JSON.stringify(spans().map((s) => [s.name, s.attributes]))).not.toMatch(/追踪/);
  });

  it('a refused mutation marks its span with the code', async () => {
    const answer = await gql(`mutation Forbidden { urge(id: "XF-NONE", message: "催办") { id } }`);
    const code = answer.errors?.[0]?.extensions?.code;
    expect(code).toBeTruthy();
    const span = await eventually(() => exporter.getFinishedSpans().find((s) => s.name === 'mutation Forbidden'));
    expect(span.status).toMatchObject({ code: 2, message: code });
    expect(span.attributes['fengqiao.error_codes']).toEqual([code]);
  });

  // The workflow interceptors add headers to commands, which a replay does not compare: every history recorded
  // without them replays against the bundle with them.
  it.each(listHistoryFiles(HISTORIES).map((f) => f.slice(HISTORIES.length)))('replays %s with them', async (file) => {
    const outcome = await replay(parseHistory(readFileSync(HISTORIES + file, 'utf8')), bundle);
    expect(outcome, outcome.ok ? '' : outcome.message).toMatchObject({ ok: true });
  });
});
