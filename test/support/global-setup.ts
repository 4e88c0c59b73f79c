/**
 * Once per test run: locate the real servers' executables (building or resolving them when missing) and
 * bundle the workflow code once, so each test file's worker starts in a second instead of bundling again.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { newKeyText } from '../../worker/codec-keys';
import { bundleWorkflows } from '../../worker/replay';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    temporalCliPath: string;
    testServerPath: string;
    workflowBundlePath: string;
    codecKeysDir: string;
  }
}

export default async function setup(project: TestProject) {
  const run = (script: string, ...args: string[]) =>
    execFileSync('bash', [join(ROOT, script), ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  project.provide('temporalCliPath', run('temporal-dev.sh', 'cli-path'));
  run('scripts/install-test-server.sh');
  project.provide('testServerPath', join(ROOT, 'scripts/temporal-test-server'));

  const started = Date.now();
  const { code } = await bundleWorkflows();
  const file = join(mkdtempSync(join(tmpdir(), 'fengqiao-bundle-')), 'workflow-bundle.js');
  writeFileSync(file, code);
  project.provide('workflowBundlePath', file);

  // The payload codec's keys for this run, made here and never kept: every client and worker of the tests, and
  // the worker and API processes they start, encrypt with them (test/support/codec.ts), so the codec is exercised.
  const keysDir = mkdtempSync(join(tmpdir(), 'fengqiao-codec-keys-'));
  writeFileSync(join(keysDir, 'test-1.key'), newKeyText() + '\n', { mode: 0o600 });
  process.env.FENGQIAO_CODEC_KEYS_DIR = keysDir;
  project.provide('codecKeysDir', keysDir);
  console.log(`[test] workflow bundle built in ${Date.now() - started} ms`);
}
