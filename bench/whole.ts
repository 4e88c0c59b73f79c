/**
 * `npm run bench [-- --petitions N --concurrency C --cached K]`: the whole back end on real servers, against
 * bare Temporal. A benchmark, not a test: progress on stderr, a table on stdout, bench/results/whole.json.
 *
 * On the Temporal CLI's dev server, with the real worker (a temp SQLite read model) and the real GraphQL API
 * (in-process `yoga.fetch`, a REGISTRAR token):
 *   1. registration: N `registerPetition` (C at a time) against N no-op workflows started by the bare client;
 *   2. an update round trip: `acceptPetition` and `urge` through GraphQL against the same update sent with
 *      `handle.executeUpdate`, one at a time;
 *   3. the worker's memory per open petition held in its sticky cache.
 * Then on the Java time-skipping test server: one petition's whole life (~160 simulated days) through GraphQL.
 *
 * Neither server is downloaded: both are `existing-path` executables (temporal-dev.sh cli-path and
 * scripts/temporal-test-server), as in the tests.
 */
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, makeTelemetryFilterString, Runtime, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { issueToken, type Role } from '../api/auth';
import { createFengqiaoYoga } from '../api/create-yoga';
import { residentIdCheckChar } from '../api/input-rules';
import { openReadModel } from '../db/connection';
import { seedUnits } from '../db/seed-units';
import type { PetitionState } from '../domain/petition';
import { DEFAULT_PROFILE_ID } from '../domain/statute';
import { createPetitionWorker } from '../worker/create-worker';
import { bundleWorkflows } from '../worker/replay';
import { ensureSearchAttributes } from '../worker/search-attributes-setup';
import { petitionUpdates, petitionWorkflowId, TASK_QUEUE } from '../workflows/definitions';
import { PETITION_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { benchNoopWorkflow } from './noop-workflow';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DAY = 86_400_000;

const { values } = parseArgs({
  options: {
    petitions: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    cached: { type: 'string' },
    warmup: { type: 'string', default: '8' },
  },
});
function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number ≥ 1, not ${text}`);
    process.exit(2);
  }
  return n;
}
const N = positive('petitions', values.petitions);
const CONCURRENCY = positive('concurrency', values.concurrency);
// More petitions than N by default: the per-petition figure is a difference of two RSS readings, and a larger
// difference drowns their noise (a few MB).
const K = positive('cached', values.cached ?? String(Math.max(2 * N, 400)));
const WARMUP = positive('warmup', values.warmup);

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────────────────

const log = (line: string) => console.error(`[bench] ${line}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/**
 * `npm run bench` runs plain `tsx`, without --expose-gc; the flag can still be set at run time, and a context
 * created after that carries `gc`. Set only when the memory readings need it, not before the timings.
 */
let gcFunction: (() => void) | undefined;
function collectGarbage(): void {
  if (!gcFunction) {
    if (!globalThis.gc) setFlagsFromString('--expose-gc');
    gcFunction = globalThis.gc ?? (runInNewContext('gc') as () => void);
  }
  gcFunction();
}

/** What to undo, newest first: servers, workers, read model files. Run at the end, on an error, and on Ctrl-C. */
const cleanups: (() => unknown)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (err) {
      console.error('[bench] cleanup:', err);
    }
  }
}

interface Timing {
  ops: number;
  totalMs: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

function summarize(samples: number[], totalMs: number): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    ops: sorted.length,
    totalMs,
    opsPerSecond: (sorted.length * 1000) / totalMs,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** Runs `count` operations, at most `concurrency` at a time, timing each; reports progress every tenth. */
async function timedPool(label: string, count: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  const step = Math.max(1, Math.ceil(count / 10));
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const opStarted = process.hrtime.bigint();
        await op(i);
        samples.push(elapsedMs(opStarted));
        if (samples.length % step === 0 || samples.length === count) log(`${label} ${samples.length}/${count}`);
      }
    }),
  );
  return summarize(samples, elapsedMs(started));
}

interface GraphQLAnswer {
  data?: Record<string, any>;
  errors?: unknown[];
}

/** One system: a worker on its own read model file, and the API over it, both on the given server. */
async function startSystem(env: TestWorkflowEnvironment, code: string) {
  const dir = mkdtempSync(join(os.tmpdir(), 'fengqiao-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = openReadModel(join(dir, 'fengqiao.db'));
  cleanups.push(() => db.$client.close());
  seedUnits(db);
  const worker = await createPetitionWorker({ connection: env.nativeConnection, db, workflowBundle: { code } });
  runWorker(worker);
  const yoga = createFengqiaoYoga({ db, temporal: env.client, taskQueue: TASK_QUEUE, profileId: DEFAULT_PROFILE_ID, workflowBundle: { code } });
  let principals = 0;
  return {
    worker,
    token(role: Role, unitId: string | null = null): string {
      principals += 1;
      return issueToken(db, { role, principalId: `bench-${role.toLowerCase()}-${principals}`, unitId });
    },
    /** The named mutation's or query's answer; any GraphQL error fails the bench. */
    async call(token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
      const response = await yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as GraphQLAnswer;
      if (answer.errors || !answer.data) throw new Error(`GraphQL: ${JSON.stringify(answer.errors)}`);
      return Object.values(answer.data)[0];
    },
  };
}

/** Runs a worker until cleanup shuts it down. */
function runWorker(worker: Worker): Promise<void> {
  const running = worker.run();
  // The operations on a worker that failed would wait for it until their timeouts: stop the bench instead.
  running.catch((err: unknown) => {
    console.error('[bench] a worker failed:', err);
    void cleanUp().finally(() => process.exit(1));
  });
  cleanups.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
  });
  return running;
}

const REGISTER = `mutation Register($input: RegisterPetitionInput!) { registerPetition(input: $input) { id status } }`;
const ACCEPT = `mutation Accept($id: ID!) { acceptPetition(id: $id, unitId: "U-FT-01") { id status } }`;
const URGE = `mutation Urge($id: ID!) { urge(id: $id, message: "请报告办理进展") { id status } }`;

/** A valid resident ID number (GB 11643 check character), different for every (tag, i): born on a day of its own. */
function idNumberFor(tag: number, i: number): string {
  const born = new Date(Date.UTC(1950, 0, 1) + (tag * 2_000 + i) * 86_400_000);
  const first17 = `440304${born.toISOString().slice(0, 10).replaceAll('-', '')}001`;
  return first17 + residentIdCheckChar(first17);
}

/** A petitioner of their own per petition: the same one twice would be a repeat (重复信访), declined at once. */
function registration(tag: string, i: number) {
  return {
    petitioner: { name: `压测人${tag}${i}`, idNumber: idNumberFor(Number(tag), i) },
    channel: 'LETTER',
    category: 'CLAIM',
    summary: '征收补偿争议',
    content: '对房屋征收补偿标准有异议，申请重新核定',
    respondentUnitId: 'U-FT-01',
  };
}

// ── 1. The dev server ────────────────────────────────────────────────────────────────────────────────────────

async function onDevServer(cliPath: string, code: string, noopCode: string) {
  const started = process.hrtime.bigint();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: cliPath }, searchAttributes: [...PETITION_SEARCH_ATTRIBUTES], ui: false },
  });
  cleanups.push(() => env.teardown());
  const serverMs = elapsedMs(started);
  log(`dev server up in ${(serverMs / 1000).toFixed(1)} s`);
  const client: Client = env.client;

  // ── a. registration ──
  // Each side is timed with only its own worker in the process, so that neither shares the two cores with the
  // other's pollers and workflow thread: the bare baselines run before the petition worker exists, and the no-op
  // workflows get a worker of their own, stopped before the petition worker starts.
  /**
   * The bare counterpart of a registration: start a workflow and wait until a worker has run it. Registration
   * does as much (it starts the petition, then queries it, which waits for the worker's first task); a start
   * alone (`bareStart`, on a queue no worker polls) is shown too, as the floor.
   */
  const bareStart = (key: string) => client.workflow.start(benchNoopWorkflow, { taskQueue: 'bench-unpolled', workflowId: `bench-unpolled-${key}` });
  for (let i = 0; i < WARMUP; i += 1) await bareStart(`warm-${i}`);
  const bareStartTiming = await timedPool('bare start (no worker)', N, CONCURRENCY, (i) => bareStart(String(i)));

  const noopQueue = 'bench-noop';
  const noopWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: noopQueue, workflowBundle: { code: noopCode } });
  const noopRunning = runWorker(noopWorker);
  const bareRun = (key: string) => client.workflow.execute(benchNoopWorkflow, { taskQueue: noopQueue, workflowId: `bench-noop-${key}` });
  for (let i = 0; i < WARMUP; i += 1) await bareRun(`warm-${i}`);
  const bareRunTiming = await timedPool('bare start + run no-op', N, CONCURRENCY, (i) => bareRun(String(i)));
  noopWorker.shutdown();
  await noopRunning;

  const system = await startSystem(env, code);
  const registrar = system.token('REGISTRAR');
  const supervisor = system.token('SUPERVISOR');
  const registrarActor = { id: 'bench-registrar-bare', role: 'REGISTRAR' as const };
  const supervisorActor = { id: 'bench-supervisor-bare', role: 'SUPERVISOR' as const };
  const register = async (tag: string, i: number): Promise<string> => {
    const petition = await system.call(registrar, REGISTER, { input: registration(tag, i) });
    if (petition.status !== 'REGISTERED') throw new Error(`petition ${petition.id} registered as ${petition.status}`);
    return petition.id as string;
  };
  const bareAccept = (id: string) =>
    client.workflow.getHandle(petitionWorkflowId(id)).executeUpdate(petitionUpdates.accept, { args: [{ unitId: 'U-FT-01', note: null, actor: registrarActor }] });
  const bareUrge = (id: string) =>
    client.workflow
      .getHandle(petitionWorkflowId(id))
      .executeUpdate(petitionUpdates.urge, { args: [{ message: '请报告办理进展', respondWithinDays: null, actor: supervisorActor }] });

  // Warm-up of the petition worker, the API and the read model, on every path timed below.
  const warm: string[] = [];
  for (let i = 0; i < WARMUP; i += 1) warm.push(await register('9', i));
  for (const [i, id] of warm.entries()) {
    await (i % 2 ? bareAccept(id) : system.call(registrar, ACCEPT, { id }));
    await (i % 2 ? system.call(supervisor, URGE, { id }) : bareUrge(id));
  }
  log(`petition worker and API up and warmed up with ${WARMUP} of each operation`);
  const ids: string[] = [];
  const graphqlRegister = await timedPool('registered', N, CONCURRENCY, async (i) => ids.push(await register('0', i)));

  // ── b. update round trips ──
  // Every petition is in the same state before its accept (and again before its urge), and the two paths
  // alternate over them, so neither gets the warmer caches or the shorter histories. One at a time: a round
  // trip, not a throughput.
  const alternating = async (label: string, graphqlFirst: boolean, graphql: (id: string) => Promise<unknown>, bare: (id: string) => Promise<unknown>) => {
    const samples = { graphql: [] as number[], bare: [] as number[] };
    const totals = { graphql: 0, bare: 0 };
    for (const [i, id] of ids.entries()) {
      const viaGraphql = (i % 2 === 0) === graphqlFirst;
      const opStarted = process.hrtime.bigint();
      await (viaGraphql ? graphql(id) : bare(id));
      const ms = elapsedMs(opStarted);
      samples[viaGraphql ? 'graphql' : 'bare'].push(ms);
      totals[viaGraphql ? 'graphql' : 'bare'] += ms;
      if ((i + 1) % Math.max(1, Math.ceil(ids.length / 5)) === 0) log(`${label} ${i + 1}/${ids.length}`);
    }
    return { graphql: summarize(samples.graphql, totals.graphql), bare: summarize(samples.bare, totals.bare) };
  };
  const accept = await alternating('accepted', true, (id) => system.call(registrar, ACCEPT, { id }), bareAccept);
  const urge = await alternating('urged', false, (id) => system.call(supervisor, URGE, { id }), bareUrge);

  // ── c. memory per cached open petition ──
  // The marginal cost: readings with the N petitions above already cached (so the worker's one-off costs, JIT
  // and bundle, are paid), then after K more were registered and accepted, divided by K. Registration runs each
  // petition's first workflow task on this worker and acceptance another, so each one is in its sticky cache;
  // the worker's own count confirms it. Workflow state lives in the workflow thread's V8 isolate and in the Rust
  // core's run cache: RSS (the whole process) shows both; the main thread's heapUsed shows only what the
  // activities, client and API keep. The workflow thread cannot be made to collect its garbage, so RSS carries
  // some of it: a reading, not an exact size.
  const maxCached = system.worker.options.maxCachedWorkflows;
  const cachedBefore = await settledCacheSize(system.worker);
  if (cachedBefore + K > maxCached) throw new Error(`--cached ${K} would overflow the worker's cache (${cachedBefore} of ${maxCached} used)`);
  const before = await memoryReading(system.worker);
  await timedPool('memory: registered and accepted', K, CONCURRENCY, async (i) => {
    const id = await register('1', i);
    await system.call(registrar, ACCEPT, { id });
  });
  const cachedAfter = await settledCacheSize(system.worker);
  const after = await memoryReading(system.worker);
  const cachedAdded = cachedAfter - cachedBefore;
  if (cachedAdded < K) log(`warning: only ${cachedAdded} of the ${K} new petitions stayed in the cache`);
  const perPetition = (key: 'rss' | 'heapUsed' | 'external') => (after[key] - before[key]) / cachedAdded;

  return {
    serverStartupMs: serverMs,
    registration: {
      graphql: graphqlRegister,
      bareRun: bareRunTiming,
      bareStart: bareStartTiming,
      ratioP50VsBareRun: graphqlRegister.p50Ms / bareRunTiming.p50Ms,
      ratioTotalVsBareRun: graphqlRegister.totalMs / bareRunTiming.totalMs,
      ratioP50VsBareStart: graphqlRegister.p50Ms / bareStartTiming.p50Ms,
    },
    updates: [
      { update: 'accept', ...accept, ratioP50: accept.graphql.p50Ms / accept.bare.p50Ms, ratioP99: accept.graphql.p99Ms / accept.bare.p99Ms },
      { update: 'urge', ...urge, ratioP50: urge.graphql.p50Ms / urge.bare.p50Ms, ratioP99: urge.graphql.p99Ms / urge.bare.p99Ms },
    ],
    memory: {
      maxCachedWorkflows: maxCached,
      cachedBefore,
      cachedAfter,
      added: cachedAdded,
      before,
      after,
      perPetitionBytes: { rss: perPetition('rss'), heapUsedMainThread: perPetition('heapUsed'), external: perPetition('external') },
    },
  };
}

/** The worker's cache size once it has nothing in flight (the last projections of a batch still run). */
async function settledCacheSize(worker: Worker): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = worker.getStatus();
    if ((status.numInFlightWorkflowActivations === 0 && status.numInFlightActivities === 0) || Date.now() > deadline) {
      return status.numCachedWorkflows;
    }
    await pause(50);
  }
}

async function memoryReading(worker: Worker) {
  await settledCacheSize(worker);
  for (let i = 0; i < 3; i += 1) {
    collectGarbage();
    await pause(300);
  }
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

// ── 2. The time-skipping server: one whole life ─────────────────────────────────────────────────────────────

async function onTimeSkippingServer(testServerPath: string, code: string) {
  let started = process.hrtime.bigint();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: testServerPath } } });
  cleanups.push(() => env.teardown());
  await ensureSearchAttributes(env.connection);
  const system = await startSystem(env, code);
  const startupMs = elapsedMs(started);
  log(`time-skipping server, worker and API up in ${(startupMs / 1000).toFixed(1)} s`);

  const registrar = system.token('REGISTRAR');
  const handler = system.token('UNIT_HANDLER', 'U-FT-01');
  const head = system.token('UNIT_HEAD', 'U-FT-01');
  const reviewOrgan = system.token('UNIT_HANDLER', 'O-FT-GOV');
  const reexamOrgan = system.token('UNIT_HANDLER', 'O-SZ-GOV');

  started = process.hrtime.bigint();
  const clockStart = await env.currentTimeMs();
  const steps: { day: number; mutation: string; status: string; ms: number }[] = [];
  let id = '';
  /** Moves the server's clock to `day` days after the registration, then sends the mutation (written once `id` is known). */
  const at = async (day: number, token: string, mutationText: () => string, expected: string) => {
    const wait = clockStart + day * DAY - (await env.currentTimeMs());
    if (wait > 0) await env.sleep(wait);
    const mutation = mutationText();
    const stepStarted = process.hrtime.bigint();
    const answer = await system.call(token, `mutation { ${mutation} { id status } }`);
    if (answer.status !== expected) throw new Error(`${mutation} on day ${day}: ${answer.status}, expected ${expected}`);
    id ||= answer.id;
    steps.push({ day, mutation: mutation.slice(0, mutation.indexOf('(')), status: answer.status, ms: elapsedMs(stepStarted) });
    log(`lifecycle day ${String(day).padStart(3)}: ${steps.at(-1)!.mutation} → ${answer.status}`);
    return answer;
  };
  // The path of test/system/lifecycle.test.ts (extension, 复查, 复核 with a hearing, 终结), spread over the statutory
  // periods so that no deadline is missed: handling 60 + 20 days from day 1, each window and review 30 days.
  const input = registration('2', 0);
  await at(0, registrar, () => `registerPetition(input: { petitioner: { name: "${input.petitioner.name}", idNumber: "${input.petitioner.idNumber}" },
    channel: LETTER, category: CLAIM, summary: "${input.summary}", content: "${input.content}", respondentUnitId: "U-FT-01" })`, 'REGISTERED');
  await at(1, registrar, () => `acceptPetition(id: "${id}", unitId: "U-FT-01")`, 'HANDLING');
  await at(50, handler, () => `requestExtension(id: "${id}", days: 20, reason: "需委托第三方评估")`, 'HANDLING');
  await at(51, head, () => `decideExtension(id: "${id}", approve: true, note: "同意延期")`, 'HANDLING');
  await at(75, handler, () => `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "补偿标准符合规定", basis: "《国有土地上房屋征收与补偿条例》")`, 'DELIVERED');
  await at(76, registrar, () => `recordSatisfaction(id: "${id}", level: DISSATISFIED)`, 'DELIVERED');
  await at(95, registrar, () => `requestReview(id: "${id}", reason: "不服处理意见")`, 'UNDER_REVIEW');
  await at(120, reviewOrgan, () => `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "维持原处理意见")`, 'REVIEW_DELIVERED');
  await at(135, registrar, () => `requestReview(id: "${id}", reason: "不服复查意见")`, 'UNDER_REEXAMINATION');
  await at(140, reexamOrgan, () => `startHearing(id: "${id}", note: "公开听证")`, 'UNDER_REEXAMINATION');
  await at(150, reexamOrgan, () => `endHearing(id: "${id}", note: "听证结束")`, 'UNDER_REEXAMINATION');
  await at(160, reexamOrgan, () => `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "复核维持")`, 'CONCLUDED');
  const handle = env.client.workflow.getHandle(petitionWorkflowId(id));
  const final = (await handle.result()) as PetitionState;
  const wallMs = elapsedMs(started);

  // Every run's history, should the petition have continued as new on the way.
  let runId: string | undefined;
  let events = 0;
  let timersStarted = 0;
  let timersFired = 0;
  let runs = 0;
  do {
    const history = await env.client.workflow.getHandle(petitionWorkflowId(id), runId).fetchHistory();
    events += history.events?.length ?? 0;
    timersStarted += history.events?.filter((e) => e.timerStartedEventAttributes).length ?? 0;
    timersFired += history.events?.filter((e) => e.timerFiredEventAttributes).length ?? 0;
    runs += 1;
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  } while (runId);

  return {
    startupMs,
    petitionId: id,
    wallMs,
    simulatedDays: ((final.closedAt ?? Number.NaN) - final.registeredAt) / DAY,
    finalStatus: final.status,
    mutations: steps.length,
    historyEvents: events,
    timersStarted,
    timersFired,
    runs,
    steps,
  };
}

// ── Run, report, clean up ───────────────────────────────────────────────────────────────────────────────────

/** The load average is kept because the figures mean little on a machine busy with other work. */
function machine(loadAtStart: number[]) {
  const cpus = os.cpus();
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Not a checkout: the figures stand without it.
  }
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryMiB: Math.round(os.totalmem() / 2 ** 20),
    loadAverage1mAtStart: loadAtStart[0]!,
    loadAverage1mAtEnd: os.loadavg()[0]!,
    date: new Date().toISOString(),
    commit,
  };
}

type DevResults = Awaited<ReturnType<typeof onDevServer>>;
type LifeResults = Awaited<ReturnType<typeof onTimeSkippingServer>>;

function table(m: ReturnType<typeof machine>, dev: DevResults, life: LifeResults): string {
  const ms = (n: number) => n.toFixed(1).padStart(8);
  const times = (n: number) => `×${n.toFixed(2)}`;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const row = (name: string, t: Timing) =>
    `  ${name.padEnd(40)} ${String(t.ops).padStart(5)} ${(t.totalMs / 1000).toFixed(2).padStart(8)} ${t.opsPerSecond.toFixed(1).padStart(8)} ${ms(t.p50Ms)} ${ms(t.p99Ms)}`;
  const head = `  ${''.padEnd(40)} ${'ops'.padStart(5)} ${'total s'.padStart(8)} ${'ops/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`;
  const r = dev.registration;
  const mem = dev.memory;
  const lines = [
    `Fengqiao whole-system bench — ${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${m.date}`,
    `load average (1 min) ${m.loadAverage1mAtStart.toFixed(2)} at the start, ${m.loadAverage1mAtEnd.toFixed(2)} at the end; N=${N}, K=${K}`,
    '',
    `Registration on the dev server, ${CONCURRENCY} at a time`,
    head,
    row('GraphQL registerPetition', r.graphql),
    row('bare start + run of a no-op workflow', r.bareRun),
    row('bare start only (queue without a worker)', r.bareStart),
    `  GraphQL / bare start+run: p50 ${times(r.ratioP50VsBareRun)}, total ${times(r.ratioTotalVsBareRun)};  GraphQL / bare start only: p50 ${times(r.ratioP50VsBareStart)}`,
    '',
    'Update round trip on the dev server, one at a time, alternating over the same petitions',
    head,
    ...dev.updates.flatMap((u) => [
      row(`GraphQL ${u.update === 'accept' ? 'acceptPetition' : 'urge'}`, u.graphql),
      row(`bare executeUpdate(${u.update})`, u.bare),
      `  GraphQL / bare: p50 ${times(u.ratioP50)}, p99 ${times(u.ratioP99)}`,
    ]),
    '',
    `Worker memory per cached open petition (HANDLING), ${mem.added} added to ${mem.cachedBefore} cached (cache max ${mem.maxCachedWorkflows})`,
    `  RSS                       ${mib(mem.before.rss).padStart(10)} → ${mib(mem.after.rss).padStart(10)}   ${kib(mem.perPetitionBytes.rss).padStart(11)} per petition`,
    `  heapUsed (main thread)    ${mib(mem.before.heapUsed).padStart(10)} → ${mib(mem.after.heapUsed).padStart(10)}   ${kib(mem.perPetitionBytes.heapUsedMainThread).padStart(11)} per petition`,
    '',
    'One whole life on the time-skipping server, through GraphQL',
    `  ${life.mutations} mutations (register → accept → extension → reply → 复查 → reply → 复核 with a hearing → ${life.finalStatus})`,
    `  wall ${(life.wallMs / 1000).toFixed(2)} s for ${life.simulatedDays.toFixed(1)} simulated days; ${life.historyEvents} history events in ${life.runs} run(s)`,
    `  ${life.timersStarted} timers started (each change re-plans the next wake-up), ${life.timersFired} fired${life.timersFired === 0 ? ' (every step came before the next warning)' : ''}`,
    '',
    `Start-up: dev server ${(dev.serverStartupMs / 1000).toFixed(1)} s; time-skipping server + worker + API ${(life.startupMs / 1000).toFixed(1)} s`,
  ];
  return lines.join('\n');
}

process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

try {
  // Worker lifecycle lines at INFO would bury the progress lines; warnings and errors still show, the native
  // core's too, on stderr with the rest rather than on stdout before the table.
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
  });
  const benchStarted = process.hrtime.bigint();
  const loadAtStart = os.loadavg();
  const script = (file: string, ...args: string[]) =>
    execFileSync('bash', [join(ROOT, file), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const cliPath = script('temporal-dev.sh', 'cli-path');
  script('scripts/install-test-server.sh');
  const testServerPath = join(ROOT, 'scripts/temporal-test-server');
  log(`N=${N} concurrency=${CONCURRENCY} cached=${K}; bundling the workflows`);
  const [{ code }, { code: noopCode }] = await Promise.all([
    bundleWorkflows(),
    bundleWorkflows(fileURLToPath(new URL('./noop-workflow.ts', import.meta.url))),
  ]);

  const dev = await onDevServer(cliPath, code, noopCode);
  await cleanUp();
  const life = await onTimeSkippingServer(testServerPath, code);
  await cleanUp();

  const m = machine(loadAtStart);
  console.log(table(m, dev, life));
  const results = {
    machine: m,
    options: { petitions: N, concurrency: CONCURRENCY, cached: K, warmup: WARMUP },
    wallSeconds: elapsedMs(benchStarted) / 1000,
    ...dev,
    lifecycle: life,
  };
  const out = fileURLToPath(new URL('./results/whole.json', import.meta.url));
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`written ${out} (whole run ${results.wallSeconds.toFixed(0)} s)`);
} catch (err) {
  console.error('[bench] failed:', err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
