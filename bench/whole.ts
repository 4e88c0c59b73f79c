/**
 * `npm run bench [-- --petitions N --concurrency C --cached K | --lifecycle-only]`: the whole back end on real servers, against
 * bare Temporal. A benchmark, not a test: progress on stderr, a table on stdout, bench/results/whole.json.
 * `-- --cluster [--shards S]` runs the same on a Temporal cluster of the bench's own (deploy/cluster.sh), or
 * `-- --temporal-address HOST:PORT` on a running one; `-- --pg` puts the read model on PostgreSQL; on a cluster the
 * figures go to bench/results/whole-cluster.json (whole-pg.json for the dev server with --pg), and the 160-day
 * life, which does not depend on the server, is not run.
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
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflows } from '../worker/replay';
import { cleanUp, cleanups } from './whole/cleanup';
import { ownCluster, runningCluster, terminateBenchWorkflows } from './whole/cluster';
import { cpuProbe } from './whole/cpu';
import { onServer, startDevServer } from './whole/dev-server';
import { onTimeSkippingServer } from './whole/lifecycle';
import {
  CLUSTER,
  CONCURRENCY,
  K,
  N,
  ONLY_LIFECYCLE,
  READ_MODEL,
  RUN_TAG,
  SHARDS,
  TEMPORAL_ADDRESS,
  WARMUP,
} from './whole/options';
import { postgresScript } from './whole/system';
import { lifecycleTable, machine, table } from './whole/report';
import { elapsedMs, log } from './whole/timing';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A client call still retrying when its server is stopped rejects with nobody awaiting it: that must not end the
 * process before the last cleanups (a cluster's `reset`) have run.
 */
function finalCleanUp(): Promise<void> {
  process.on('unhandledRejection', (err) => log(`while cleaning up: ${(err as Error).message ?? err}`));
  return cleanUp();
}

process.once('SIGINT', () => void finalCleanUp().finally(() => process.exit(130)));

/** The dev server (started here), a cluster of the bench's own, or the running cluster named on the command line. */
async function temporalServer(cliPath: string) {
  if (TEMPORAL_ADDRESS) {
    const cluster = await runningCluster(TEMPORAL_ADDRESS);
    cleanups.push(() => terminateBenchWorkflows(cluster.client, RUN_TAG));
    return cluster;
  }
  if (CLUSTER) return ownCluster(SHARDS);
  const started = process.hrtime.bigint();
  const env = await startDevServer(cliPath);
  log(`dev server up in ${(elapsedMs(started) / 1000).toFixed(1)} s`);
  return {
    client: env.client,
    connection: env.connection,
    nativeConnection: env.nativeConnection,
    name: 'the dev server',
    startupMs: elapsedMs(started),
    pids: [] as number[],
    databases: [] as string[],
    external: false,
  };
}

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
    execFileSync('bash', [join(ROOT, file), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  const cliPath = CLUSTER ? '' : script('temporal-dev.sh', 'cli-path');
  if (CLUSTER) script('deploy/cluster.sh', 'install');
  else script('scripts/install-test-server.sh');
  if (CLUSTER || READ_MODEL === 'postgres') script('scripts/postgres.sh', 'ensure');
  const testServerPath = join(ROOT, 'scripts/temporal-test-server');
  log(`N=${N} concurrency=${CONCURRENCY} cached=${K} read model ${READ_MODEL}; bundling the workflows`);
  const [{ code }, { code: noopCode }] = await Promise.all([
    bundleWorkflows(),
    bundleWorkflows(fileURLToPath(new URL('./noop-workflow.ts', import.meta.url))),
  ]);

  const server = ONLY_LIFECYCLE ? null : await temporalServer(cliPath);
  const dev = server
    ? await onServer(server, server.startupMs, code, noopCode, {
        readModel: READ_MODEL,
        // On a cluster that outlives the bench, a queue of its own: that cluster's workers never see its petitions.
        ...(server.external ? { taskQueue: `fengqiao-bench-${RUN_TAG}` } : {}),
        probe: (database) =>
          cpuProbe(server.pids, server.databases.length || database ? postgresScript('url') : null, [
            ...server.databases,
            ...(database ? [database] : []),
          ]),
      })
    : null;
  await cleanUp();
  const life = CLUSTER ? null : await onTimeSkippingServer(testServerPath, code);
  await cleanUp();

  const m = { ...machine(loadAtStart, ROOT), server: server?.name ?? null, readModel: READ_MODEL };
  console.log(dev ? table(m, dev, life) : lifecycleTable(life!));
  const results = {
    machine: m,
    options: { petitions: N, concurrency: CONCURRENCY, cached: K, warmup: WARMUP },
    wallSeconds: elapsedMs(benchStarted) / 1000,
    ...dev,
    lifecycle: life,
  };
  // The lifecycle alone is kept apart, so that it never overwrites a whole run's figures.
  const name = !dev ? 'lifecycle' : CLUSTER ? 'whole-cluster' : READ_MODEL === 'postgres' ? 'whole-pg' : 'whole';
  const out = fileURLToPath(new URL(`./results/${name}.json`, import.meta.url));
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`written ${out} (whole run ${results.wallSeconds.toFixed(0)} s)`);
} catch (err) {
  console.error('[bench] failed:', err);
  process.exitCode = 1;
} finally {
  await finalCleanUp();
}
