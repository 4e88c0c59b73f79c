/**
 * 1. On a Temporal server (the CLI's dev server, or a cluster: ./cluster.ts): registration and update round trips
 * through GraphQL against the same work done by the bare client, throughput 8 and 25 at a time with the CPU each
 * part spent per mutation, and the worker's memory per open petition in its sticky cache.
 */
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { petitionUpdates, petitionWorkflowId } from '../../workflows/definitions';
import { PETITION_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { benchNoopWorkflow } from '../noop-workflow';
import { measureAnchors } from './anchors';
import { cleanups } from './cleanup';
import { memoryReading, settledCacheSize } from './memory';
import type { cpuProbe } from './cpu';
import { CONCURRENCY, K, N, RUN_TAG, WARMUP } from './options';
import {
  ACCEPT,
  REGISTER,
  registration,
  runWorker,
  startSystem,
  URGE,
  type SystemOptions,
  type TemporalServer,
} from './system';
import { elapsedMs, log, summarize, timedPool, type Timing } from './timing';

/** The CLI's dev server with the petition search attributes, torn down by cleanUp. */
export async function startDevServer(cliPath: string): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cliPath },
      searchAttributes: [...PETITION_SEARCH_ATTRIBUTES],
      ui: false,
    },
  });
  cleanups.push(() => env.teardown());
  return env;
}

/** A pool of operations timed as ./timing.ts times them, with the CPU each part of the system spent on them. */
async function withCpu(
  probe: ReturnType<typeof cpuProbe>,
  ...pool: Parameters<typeof timedPool>
): Promise<Timing & { cpuMsPerOp: Record<string, number | null> }> {
  const stop = await probe.start();
  const timing = await timedPool(...pool);
  const cpu = await stop();
  const perOp = (ms: number | null) => (ms === null ? null : ms / timing.ops);
  return {
    ...timing,
    cpuMsPerOp: {
      benchProcess: perOp(cpu.benchProcessMs),
      temporal: perOp(cpu.temporalMs),
      postgres: perOp(cpu.postgresMs),
    },
  };
}

export async function onServer(
  env: TemporalServer,
  serverMs: number,
  code: string,
  noopCode: string,
  options: SystemOptions & { probe: (database: string | null) => ReturnType<typeof cpuProbe> },
) {
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
  const bareStart = (key: string) =>
    client.workflow.start(benchNoopWorkflow, {
      taskQueue: `bench-unpolled-${RUN_TAG}`,
      workflowId: `bench-unpolled-${RUN_TAG}-${key}`,
    });
  for (let i = 0; i < WARMUP; i += 1) await bareStart(`warm-${i}`);
  const bareStartTiming = await timedPool('bare start (no worker)', N, CONCURRENCY, (i) => bareStart(String(i)));

  const noopQueue = `bench-noop-${RUN_TAG}`;
  const noopWorker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: noopQueue,
    workflowBundle: { code: noopCode },
  });
  const noopRunning = runWorker(noopWorker);
  const bareRun = (key: string) =>
    client.workflow.execute(benchNoopWorkflow, { taskQueue: noopQueue, workflowId: `bench-noop-${RUN_TAG}-${key}` });
  for (let i = 0; i < WARMUP; i += 1) await bareRun(`warm-${i}`);
  const bareRunTiming = await timedPool('bare start + run no-op', N, CONCURRENCY, (i) => bareRun(String(i)));
  noopWorker.shutdown();
  await noopRunning;
  const anchors = await measureAnchors(env, noopCode);

  const system = await startSystem(env, code, options);
  const probe = options.probe(system.database);
  const registrar = await system.token('REGISTRAR');
  const supervisor = await system.token('SUPERVISOR');
  const registrarActor = { id: 'bench-registrar-bare', role: 'REGISTRAR' as const };
  const supervisorActor = { id: 'bench-supervisor-bare', role: 'SUPERVISOR' as const };
  const register = async (tag: string, i: number): Promise<string> => {
    const petition = await system.call(registrar, REGISTER, { input: registration(tag, i) });
    if (petition.status !== 'REGISTERED') throw new Error(`petition ${petition.id} registered as ${petition.status}`);
    return petition.id as string;
  };
  const bareAccept = (id: string) =>
    client.workflow
      .getHandle(petitionWorkflowId(id))
      .executeUpdate(petitionUpdates.accept, { args: [{ unitId: 'U-FT-01', note: null, actor: registrarActor }] });
  const bareUrge = (id: string) =>
    client.workflow.getHandle(petitionWorkflowId(id)).executeUpdate(petitionUpdates.urge, {
      args: [{ message: '请报告办理进展', respondWithinDays: null, actor: supervisorActor }],
    });

  // Warm-up of the petition worker, the API and the read model, on every path timed below.
  const warm: string[] = [];
  for (let i = 0; i < WARMUP; i += 1) warm.push(await register('9', i));
  for (const [i, id] of warm.entries()) {
    await (i % 2 ? bareAccept(id) : system.call(registrar, ACCEPT, { id }));
    await (i % 2 ? system.call(supervisor, URGE, { id }) : bareUrge(id));
  }
  log(`petition worker and API up and warmed up with ${WARMUP} of each operation`);
  const ids: string[] = [];
  const graphqlRegister = await withCpu(probe, 'registered', N, CONCURRENCY, async (i) =>
    ids.push(await register('0', i)),
  );

  // ── b. update round trips ──
  // Every petition is in the same state before its accept (and again before its urge), and the two paths
  // alternate over them, so neither gets the warmer caches or the shorter histories. One at a time: a round
  // trip, not a throughput.
  const alternating = async (
    label: string,
    graphqlFirst: boolean,
    graphql: (id: string) => Promise<unknown>,
    bare: (id: string) => Promise<unknown>,
  ) => {
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
  if (cachedBefore + K > maxCached)
    throw new Error(`--cached ${K} would overflow the worker's cache (${cachedBefore} of ${maxCached} used)`);
  const before = await memoryReading(system.worker);
  await timedPool('memory: registered and accepted', K, CONCURRENCY, async (i) => {
    const id = await register('1', i);
    await system.call(registrar, ACCEPT, { id });
  });
  const cachedAfter = await settledCacheSize(system.worker);
  const after = await memoryReading(system.worker);
  // After the memory readings, so that these petitions do not fill the cache the readings need.
  const fresh: string[] = [];
  const graphqlRegister25 = await withCpu(probe, 'registered, 25 at a time', N, 25, async (i) =>
    fresh.push(await register('5', i)),
  );
  // Throughput of an update: half of those petitions accepted C at a time, the other half 25 at a time.
  const half = Math.floor(fresh.length / 2);
  const acceptC = await withCpu(probe, `accepted, ${CONCURRENCY} at a time`, half, CONCURRENCY, (i) =>
    system.call(registrar, ACCEPT, { id: fresh[i] }),
  );
  const accept25 = await withCpu(probe, 'accepted, 25 at a time', fresh.length - half, 25, (i) =>
    system.call(registrar, ACCEPT, { id: fresh[half + i] }),
  );
  const cachedAdded = cachedAfter - cachedBefore;
  if (cachedAdded < K) log(`warning: only ${cachedAdded} of the ${K} new petitions stayed in the cache`);
  const perPetition = (key: 'rss' | 'heapUsed' | 'external') => (after[key] - before[key]) / cachedAdded;

  return {
    serverStartupMs: serverMs,
    anchors,
    registration: {
      graphql: graphqlRegister,
      graphql25: graphqlRegister25,
      bareRun: bareRunTiming,
      bareStart: bareStartTiming,
      ratioP50VsBareRun: graphqlRegister.p50Ms / bareRunTiming.p50Ms,
      ratioTotalVsBareRun: graphqlRegister.totalMs / bareRunTiming.totalMs,
      ratioP50VsBareStart: graphqlRegister.p50Ms / bareStartTiming.p50Ms,
    },
    throughput: { acceptC, accept25 },
    updates: [
      {
        update: 'accept',
        ...accept,
        ratioP50: accept.graphql.p50Ms / accept.bare.p50Ms,
        ratioP99: accept.graphql.p99Ms / accept.bare.p99Ms,
      },
      {
        update: 'urge',
        ...urge,
        ratioP50: urge.graphql.p50Ms / urge.bare.p50Ms,
        ratioP99: urge.graphql.p99Ms / urge.bare.p99Ms,
      },
    ],
    memory: {
      maxCachedWorkflows: maxCached,
      cachedBefore,
      cachedAfter,
      added: cachedAdded,
      before,
      after,
      perPetitionBytes: {
        rss: perPetition('rss'),
        heapUsedMainThread: perPetition('heapUsed'),
        external: perPetition('external'),
      },
    },
  };
}
