/**
 * `npm run bench [-- --petitions N --concurrency C --cached K | --lifecycle-only]`: the whole back end on real servers, against
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
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflows } from '../worker/replay';
import { cleanUp } from './whole/cleanup';
import { onDevServer } from './whole/dev-server';
import { onTimeSkippingServer } from './whole/lifecycle';
import { CONCURRENCY, K, N, ONLY_LIFECYCLE, WARMUP } from './whole/options';
import { lifecycleTable, machine, table } from './whole/report';
import { elapsedMs, log } from './whole/timing';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

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
    execFileSync('bash', [join(ROOT, file), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  const cliPath = script('temporal-dev.sh', 'cli-path');
  script('scripts/install-test-server.sh');
  const testServerPath = join(ROOT, 'scripts/temporal-test-server');
  log(`N=${N} concurrency=${CONCURRENCY} cached=${K}; bundling the workflows`);
  const [{ code }, { code: noopCode }] = await Promise.all([
    bundleWorkflows(),
    bundleWorkflows(fileURLToPath(new URL('./noop-workflow.ts', import.meta.url))),
  ]);

  const dev = ONLY_LIFECYCLE ? null : await onDevServer(cliPath, code, noopCode);
  await cleanUp();
  const life = await onTimeSkippingServer(testServerPath, code);
  await cleanUp();

  const m = machine(loadAtStart, ROOT);
  console.log(dev ? table(m, dev, life) : lifecycleTable(life));
  const results = {
    machine: m,
    options: { petitions: N, concurrency: CONCURRENCY, cached: K, warmup: WARMUP },
    wallSeconds: elapsedMs(benchStarted) / 1000,
    ...dev,
    lifecycle: life,
  };
  // The lifecycle alone is kept apart, so that it never overwrites a whole run's figures.
  const out = fileURLToPath(new URL(`./results/${dev ? 'whole' : 'lifecycle'}.json`, import.meta.url));
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`written ${out} (whole run ${results.wallSeconds.toFixed(0)} s)`);
} catch (err) {
  console.error('[bench] failed:', err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
