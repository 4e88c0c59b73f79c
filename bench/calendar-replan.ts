/**
 * `npm run bench:calendar [-- --petitions N --concurrency C]`: how fast a published holiday notice re-plans the
 * open petitions, on the Temporal CLI's dev server with the real worker and API. N petitions are registered
 * through GraphQL on one day, so their registration clocks share a last day; the notice makes that day a holiday
 * (an invented notice: the statutory days plus that one), and the clock runs from the mutation's call until the
 * read model holds a DEADLINE_REPLANNED for every petition. The fan-out is the server's batch operation.
 * A benchmark, not a test: progress on stderr, a line on stdout, bench/results/calendar-replan.json.
 */
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { sql } from 'drizzle-orm';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { petitionEvents } from '../db/schema';
import { dayKey, shanghaiDayNumber } from '../domain/calendar';
import { statutoryHolidays } from '../domain/statutory-holidays';
import { bundleWorkflows } from '../worker/replay';
import { cleanUp } from './whole/cleanup';
import { startDevServer } from './whole/dev-server';
import { CONCURRENCY, N } from './whole/options';
import { REGISTER, registration, startSystem } from './whole/system';
import { elapsedMs, log, pause, timedPool } from './whole/timing';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLISH = `mutation Publish($input: PublishHolidayCalendarInput!) {
  publishHolidayCalendar(input: $input) { replanRequested batchJobId } }`;

Runtime.install({
  logger: new DefaultLogger('WARN'),
  telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
});
try {
  const cliPath = execFileSync('bash', [join(ROOT, 'temporal-dev.sh'), 'cli-path'], { encoding: 'utf8' }).trim();
  const { code } = await bundleWorkflows();
  const env = await startDevServer(cliPath);
  const system = await startSystem(env, code);
  const registrar = await system.token('REGISTRAR');
  const admin = await system.token('ADMIN');
  await timedPool('registered', N, CONCURRENCY, (i) =>
    system.call(registrar, REGISTER, { input: registration('5', i) }),
  );

  // The registration clocks' last day (15 days on, rolled): the notice makes it a holiday.
  const [first] = (await system.call(registrar, '{ petitions(first: 1) { edges { node { id dueAt } } } }')).edges;
  const lastDay = dayKey(shanghaiDayNumber(Date.parse(first.node.dueAt) - 1));
  const year = Number(lastDay.slice(0, 4));
  const holidays = [...new Set([...statutoryHolidays(year), lastDay])].sort();
  const replanned = async () =>
    Number(
      (
        await system.db.row<{ n: number }>(
          sql`SELECT count(*) AS n FROM ${petitionEvents} WHERE type = 'DEADLINE_REPLANNED'`,
        )
      )?.n ?? 0,
    );

  const started = process.hrtime.bigint();
  const answer = await system.call(admin, PUBLISH, {
    input: { year, holidays, workingWeekends: [], source: `基准测试用通知 (${lastDay} 放假)` },
  });
  const answeredMs = elapsedMs(started);
  log(`published (${answeredMs.toFixed(0)} ms): ${JSON.stringify(answer)}`);
  let done = 0;
  while ((done = await replanned()) < N) {
    if (elapsedMs(started) > 600_000) throw new Error(`only ${done} of ${N} re-planned after 10 minutes`);
    await pause(100);
  }
  const totalMs = elapsedMs(started);
  const result = {
    petitions: N,
    publishAnsweredMs: answeredMs,
    allReplannedMs: totalMs,
    perSecond: (N * 1000) / totalMs,
  };
  console.log(
    `${N} open petitions re-planned in ${(totalMs / 1000).toFixed(1)} s: ${result.perSecond.toFixed(1)} per second`,
  );
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/calendar-replan.json'), `${JSON.stringify(result, null, 2)}\n`);
} catch (err) {
  console.error('[bench] failed:', err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
