/** `npm run replay` from the command line: its summary and exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { listHistoryFiles } from '../../worker/replay';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/replay.ts'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    timeout: 60_000,
  });

it('replays a directory: a line per history, a summary, exit 0', () => {
  const result = run('test/histories');
  expect(result.status).toBe(0);
  // The older sets stand beside the dated ones, and every file of every set is replayed.
  expect(result.stdout).toMatch(/^\[\d+\] ok {4}test\/histories\/continue-as-new\.first-run\.json \(\d+ events\)$/m);
  expect(result.stdout).toMatch(/^\[\d+\] ok {4}test\/histories\/\d{4}-\d{2}-\d{2}\/full-chain\.json \(\d+ events\)$/m);
  expect(result.stdout).toMatch(
    new RegExp(`^${listHistoryFiles(join(ROOT, 'test/histories')).length} passed, 0 failed`, 'm'),
  );
});

it('a history that does not replay, or is not one, fails the run: exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-replay-'));
  writeFileSync(join(dir, 'broken.json'), '{"events": []}');
  const result = run(join(ROOT, 'test/histories/window-closes.json'), join(dir, 'broken.json'));
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/FAIL {2}.*broken\.json/);
  expect(result.stdout).toMatch(/^1 passed, 1 failed/m);
});

it('no arguments: usage, exit 2', () => {
  const result = run();
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/usage: npm run replay/);
});
