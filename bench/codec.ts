/**
 * `npm run bench:codec [-- --petitions N]`: what the payload codec (AES-256-GCM, worker/payload-codec.ts) costs,
 * measured in one run on the Temporal CLI's dev server, plain against encrypted:
 *   1. the codec alone: encode + decode of one petition's state (the read model's copy, without its timeline) (µs);
 *   2. a bare `executeUpdate` on a workflow whose handler returns at once, client and worker plain, then both
 *      with the codec (one at a time, p50/p99);
 *   3. `urge` through GraphQL on the whole system (worker, API, read model), plain, then with the codec.
 * A benchmark, not a test: progress on stderr, a table on stdout, bench/results/codec.json.
 */
import { Client } from '@temporalio/client';
import { type DataConverter, defaultPayloadConverter } from '@temporalio/common';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newKeyText } from '../worker/codec-keys';
import { fengqiaoDataConverter, payloadCodec } from '../worker/data-converter';
import { bundleWorkflows } from '../worker/replay';
import { benchEcho, benchUpdateWorkflow } from './noop-workflow';
import { oneAtATime } from './whole/anchors';
import { cleanUp } from './whole/cleanup';
import { startDevServer } from './whole/dev-server';
import { N, WARMUP } from './whole/options';
import { sql } from 'drizzle-orm';
import { ACCEPT, REGISTER, registration, runWorker, startSystem, URGE } from './whole/system';
import { elapsedMs, log, pause, type Timing } from './whole/timing';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const keyring = { encryptKeyId: 'bench', keys: new Map([['bench', Buffer.from(newKeyText(), 'base64')]]) };
  const encrypted: DataConverter = fengqiaoDataConverter(keyring);
  const cliPath = execFileSync('bash', [join(ROOT, 'temporal-dev.sh'), 'cli-path'], { encoding: 'utf8' }).trim();
  const [{ code }, { code: noopCode }] = await Promise.all([
    bundleWorkflows(),
    bundleWorkflows(fileURLToPath(new URL('./noop-workflow.ts', import.meta.url))),
  ]);
  const env = await startDevServer(cliPath);

  // ── 3 first: the systems' states (a real petition's) feed 1 ──
  const mutation: Record<string, Timing> = {};
  let state: unknown;
  for (const [variant, converter] of [
    ['plain', undefined],
    ['codec', encrypted],
  ] as const) {
    const system = await startSystem(env, code, converter ? { dataConverter: converter } : {});
    const registrar = await system.token('REGISTRAR');
    const supervisor = await system.token('SUPERVISOR');
    const ids: string[] = [];
    for (let i = 0; i < N + WARMUP; i += 1) {
      const { id } = await system.call(registrar, REGISTER, {
        input: registration(variant === 'plain' ? '7' : '8', i),
      });
      await system.call(registrar, ACCEPT, { id });
      ids.push(id);
    }
    mutation[variant] = await oneAtATime(`urge through GraphQL, ${variant}`, N, (i) =>
      system.call(supervisor, URGE, { id: ids[i < 0 ? -1 - i : WARMUP + i] }),
    );
    state ??= (await system.db.row<{ state_json: string }>(sql`SELECT state_json FROM petitions LIMIT 1`))?.state_json;
    // The next variant polls the same task queue: this worker must be gone first (the server stays up).
    system.worker.shutdown();
    while (system.worker.getState() !== 'STOPPED' && system.worker.getState() !== 'FAILED') await pause(50);
  }

  // ── 2: the bare update, plain and encrypted ──
  const bare: Record<string, Timing> = {};
  for (const [variant, converter] of [
    ['plain', {}],
    ['codec', encrypted],
  ] as const) {
    const taskQueue = `bench-codec-${variant}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      dataConverter: converter,
      workflowBundle: { code: noopCode },
    });
    const running = runWorker(worker);
    const client = new Client({ connection: env.connection, dataConverter: converter });
    const handle = await client.workflow.start(benchUpdateWorkflow, { taskQueue, workflowId: `bench-${taskQueue}` });
    const value = { note: '请报告办理进展', respondWithinDays: null, actor: { id: 'bench', role: 'SUPERVISOR' } };
    bare[variant] = await oneAtATime(`bare executeUpdate, ${variant}`, N, () =>
      handle.executeUpdate(benchEcho, { args: [value] }),
    );
    await handle.terminate('bench done');
    worker.shutdown();
    await running;
  }

  // ── 1: the codec alone ──
  const codec = payloadCodec(keyring);
  const payload = defaultPayloadConverter.toPayload(JSON.parse(String(state)));
  const rounds = 2000;
  for (let i = 0; i < 200; i += 1) await codec.decode(await codec.encode([payload]));
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i += 1) await codec.decode(await codec.encode([payload]));
  const codecMicros = (elapsedMs(started) * 1000) / rounds;

  const ratio = (t: Record<string, Timing>) => t.codec!.p50Ms / t.plain!.p50Ms;
  const row = (name: string, t: Record<string, Timing>) =>
    `| ${name} | ${t.plain!.p50Ms.toFixed(1)} | ${t.codec!.p50Ms.toFixed(1)} | ${ratio(t).toFixed(2)} |`;
  console.log(
    [
      `codec alone: encode + decode of a ${payload.data!.length}-byte petition state: ${codecMicros.toFixed(0)} µs`,
      '',
      '| operation (one at a time) | p50 plain, ms | p50 codec, ms | ratio |',
      '| --- | --- | --- | --- |',
      row('bare executeUpdate', bare),
      row('urge through GraphQL', mutation),
    ].join('\n'),
  );
  const out = fileURLToPath(new URL('./results/codec.json', import.meta.url));
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  const payloadBytes = payload.data!.length;
  writeFileSync(out, `${JSON.stringify({ runs: N, payloadBytes, codecMicros, bare, mutation }, null, 2)}\n`);
  log(`written ${out}`);
} catch (err) {
  console.error('[bench] failed:', err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
