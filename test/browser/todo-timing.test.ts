/**
 * Figures, printed and not asserted (a shared 2-core machine's timings say little alone): the time from
 * navigation to the unit handler's to-do table showing its rows, on a browser that has never loaded the console
 * and again from its cache, and the gzipped size of the built JavaScript, all of it and what the to-do needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devToken, screenshot } from '../support/browser';
import { useConsole } from '../support/console-browser';
import { CONSOLE_DIST } from '../support/console-build';

const { url, tokens, api, context } = useConsole();

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Milliseconds from the navigation's start until the to-do table shows a row, as the page's own clock says. */
async function timeToTodo(page: Page): Promise<number> {
  await page.goto(`${url}#/todo`);
  // A function, not a string: the console's CSP (no 'unsafe-eval') refuses a predicate given as text.
  const handle = await page.waitForFunction(
    () => {
      const { document } = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
      return document.querySelector('[data-testid="todo-table"] [data-testid="todo-row"]') ? performance.now() : 0;
    },
    undefined,
    { polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

describe('time to the to-do list, and the bundle', () => {
  it('prints the time to the to-do table and the gzipped JavaScript', async () => {
    const id = await api.register('钱计时', '路灯损坏');
    await api.accept(id);
    const page = await context().newPage();
    // Signed in before the first navigation, as a returning tab is: the time is the console's, not the sign-in's.
    const { token } = devToken(tokens, 'dev-unit-handler');
    await page.addInitScript(`sessionStorage.setItem('fengqiao.token', ${JSON.stringify(token)})`);
    const loaded = new Set<string>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/assets/') && path.endsWith('.js')) loaded.add(path.slice('/assets/'.length));
    });

    const cold = await timeToTodo(page);
    await expect.poll(() => page.locator(`[data-testid="todo-row"][data-id="${id}"]`).count()).toBe(1);
    await screenshot(page, 'todo-timing', '1-todo');
    const again = await context().newPage();
    await again.addInitScript(`sessionStorage.setItem('fengqiao.token', ${JSON.stringify(token)})`);
    const warm = await timeToTodo(again);

    const assets = readdirSync(join(CONSOLE_DIST, 'assets')).filter((name) => name.endsWith('.js'));
    const total = assets.reduce((sum, name) => sum + gzipped(join(CONSOLE_DIST, 'assets', name)), 0);
    const todo = [...loaded].reduce((sum, name) => sum + gzipped(join(CONSOLE_DIST, 'assets', name)), 0);
    expect(loaded.size).toBeGreaterThan(0);
    console.log(
      [
        `[browser] time to the to-do table: ${Math.round(cold)} ms cold, ${Math.round(warm)} ms from the cache`,
        `[browser] built JavaScript, gzipped: ${kib(total)} in ${assets.length} files; the to-do loads ${kib(todo)} in ${loaded.size}`,
      ].join('\n'),
    );
  });
});
