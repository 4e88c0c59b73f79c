/**
 * What each browser test file starts from: the console the global setup started (test/support/browser-setup.ts),
 * its dev tokens, a client of its API for setting up cases, and a Chromium of the file's own, opened before its
 * tests and closed after.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Browser, openBrowser } from './browser';
import { ConsoleApi } from './console-cases';

export function useConsole() {
  const url = inject('consoleUrl');
  const tokens = inject('consoleTokens');
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    url,
    tokens,
    api: new ConsoleApi(url, tokens),
    /** The browser's context, where each test opens its pages (one per principal: each tab its own session). */
    context(): BrowserContext {
      if (!browser) throw new Error('the browser opens in beforeAll');
      return browser.context;
    },
  };
}
