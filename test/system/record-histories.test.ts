/**
 * `npm run histories:record` on the real time-skipping server: running cases still have the histories recorded
 * before a change, so recording adds a new set beside them and never removes one.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject, it } from 'vitest';
import { listHistoryFiles, parseHistory } from '../../worker/replay';
import { newHistorySet, recordHistories } from '../../scripts/history-recording';
import { startTimeSkippingServer } from '../support/environments';

const CORPUS = fileURLToPath(new URL('../histories/', import.meta.url));

it('records a new dated set beside the histories already there, and removes none', async () => {
  const root = mkdtempSync(join(tmpdir(), 'fengqiao-histories-'));
  copyFileSync(join(CORPUS, 'window-closes.json'), join(root, 'window-closes.json'));
  mkdirSync(join(root, '2026-01-05'));
  copyFileSync(join(CORPUS, 'panel.json'), join(root, '2026-01-05', 'panel.json'));
  const before = new Map(listHistoryFiles(root).map((f) => [f, readFileSync(f, 'utf8')]));

  const env = await startTimeSkippingServer();
  let written: string[];
  try {
    written = await recordHistories(env, root, { workflowBundle: { codePath: inject('workflowBundlePath') } });
  } finally {
    await env.teardown();
  }

  for (const [file, text] of before) expect(readFileSync(file, 'utf8'), file).toBe(text);
  const sets = new Set(written.map((f) => relative(root, f).split('/')[0]));
  expect(sets.size).toBe(1);
  const [set] = [...sets] as [string];
  expect(set).toMatch(/^\d{4}-\d{2}-\d{2}/);
  expect(set).not.toBe('2026-01-05');
  expect(readdirSync(join(root, set)).sort()).toEqual([
    'accusation-forwarded.json',
    'calendar-replanned.json',
    'claim-duty.json',
    'claim-guided.json',
    'claim-mediated.json',
    'continue-as-new.first-run.json',
    'continue-as-new.second-run.json',
    'delivered-reopened.json',
    'direct.json',
    'full-chain.json',
    'handling-overdue.json',
    'panel.json',
    'registration-overdue.json',
    'suggestion-answered.json',
    'window-closes-rerun.json',
    'window-closes.json',
  ]);
  for (const file of written) {
    const text = readFileSync(file, 'utf8');
    expect(parseHistory(text).events!.length).toBeGreaterThan(1);
    // Recorded by clients that encrypt, kept plain: the corpus replays with any key or none.
    expect(text, file).not.toContain('binary/encrypted');
  }
  expect(listHistoryFiles(root).sort()).toEqual([...before.keys(), ...written].sort());
}, 300_000);

it('a second recording the same day gets a set of its own', () => {
  const root = mkdtempSync(join(tmpdir(), 'fengqiao-histories-'));
  const day = new Date('2026-12-02T10:00:00Z');
  expect([newHistorySet(root, day), newHistorySet(root, day)].map((dir) => relative(root, dir))).toEqual([
    '2026-12-02',
    '2026-12-02-2',
  ]);
});
