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
import { bundleWorkflows } from '../../worker/replay';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    temporalCliPath: string;
    testServerPath: string;
    workflowBundlePath: string;
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
  console.log(`[test] workflow bundle built in ${Date.now() - started} ms`);
}
