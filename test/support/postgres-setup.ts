/**
 * Once per test run of the `postgres` project: the machine's PostgreSQL, started when it is down
 * (scripts/postgres.sh), and the URL its tests make their own databases with. FENGQIAO_TEST_PG_URL names
 * another server.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default function setup(project: TestProject) {
  const script = join(ROOT, 'scripts/postgres.sh');
  let url = process.env.FENGQIAO_TEST_PG_URL;
  if (!url) {
    execFileSync('bash', [script, 'ensure'], { stdio: ['ignore', 'inherit', 'inherit'] });
    url = execFileSync('bash', [script, 'url'], { encoding: 'utf8' }).trim();
  }
  project.provide('pgAdminUrl', url);
}
