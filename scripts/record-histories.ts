/**
 * `npm run histories:record`: drives every path of the petition, supervision and panel workflows on the Java
 * time-skipping server (scripts/history-recording.ts) and adds each run's history to test/histories/ as a new
 * dated set — the corpus CI replays on every run (test/system/replay-corpus.test.ts). Record after a deliberate
 * change; the older sets stay, as running cases still have those histories (see "Histories, replay and
 * versioning" in the README).
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSearchAttributes } from '../worker/search-attributes-setup';
import { recordHistories } from './history-recording';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'test/histories');

Runtime.install({ logger: new DefaultLogger('WARN') });
execFileSync('bash', [join(ROOT, 'scripts/install-test-server.sh')], { stdio: 'inherit' });
const env = await TestWorkflowEnvironment.createTimeSkipping({
  server: { executable: { type: 'existing-path', path: join(ROOT, 'scripts/temporal-test-server') } },
});
try {
  await ensureSearchAttributes(env.connection);
  const written = await recordHistories(env, OUT, { log: (line) => process.stderr.write(`${line}\n`) });
  console.log(`\n${written.length} histories in ${OUT}`);
} finally {
  await env.teardown();
}
