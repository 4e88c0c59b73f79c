/**
 * The browser project's global setup: the console built (when stale) and one running system for every browser
 * test file — the Temporal CLI's dev server, the worker and the API as processes, on a fresh SQLite file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { DevToken } from '../../api/dev-tokens';
import { CHROMIUM } from './browser';
import { ensureConsoleBuilt } from './console-build';
import { startConsoleSystem } from './console-system';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    consoleUrl: string;
    consoleTokens: DevToken[];
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: apt-get install chromium fonts-wqy-zenhei (scripts/install-browser.sh, which npm test runs)`,
    );
  const cliPath = execFileSync('bash', [join(ROOT, 'temporal-dev.sh'), 'cli-path'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const started = Date.now();
  // Side by side: Vite's build and the worker's bundling of the workflow code are the long poles.
  const [build, system] = await Promise.allSettled([
    ensureConsoleBuilt(),
    startConsoleSystem({ cliPath, label: 'browser' }),
  ]);
  if (build.status === 'rejected' || system.status === 'rejected') {
    if (system.status === 'fulfilled') await system.value.stop();
    throw build.status === 'rejected' ? build.reason : (system as PromiseRejectedResult).reason;
  }
  console.log(
    `[test] browser: console ${build.value ? 'built' : 'up to date'}, system at ${system.value.url} in ${Date.now() - started} ms`,
  );
  project.provide('consoleUrl', system.value.url);
  project.provide('consoleTokens', system.value.tokens);
  return () => system.value.stop();
}
