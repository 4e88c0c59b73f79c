/**
 * The machine's Chromium (Debian's /usr/bin/chromium; a browser is never downloaded) driven by playwright-core:
 * launching it on a fresh profile, signing in to the console as a dev principal, and screenshots under
 * test/artifacts/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import type { DevToken } from '../../api/dev-tokens';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test/artifacts');
export const CHROMIUM = '/usr/bin/chromium';

// The background-networking flags matter here: on a closed network Chromium's own calls home are refused, and
// it retries them against the machine's resources.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chinese for the browser's own controls too (date and month inputs), as the console's users see them.
  '--lang=zh-CN',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless, 1280×800, in Chinese and on Beijing time (what the console's dates are read in). */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'fengqiao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function devToken(tokens: readonly DevToken[], principalId: string): DevToken {
  const token = tokens.find((t) => t.principalId === principalId);
  if (!token) throw new Error(`no dev token for ${principalId}`);
  return token;
}

/** How the picker and the header name a principal, after the role's label. */
const principalText = (t: DevToken) => `${t.principalId}${t.unitId ? ` @ ${t.unitId}` : ''}`;

/**
 * Signs in through the sign-in page's dev-token picker. Its list is virtual (only the options in view exist), so
 * the option is reached with the arrow keys rather than looked up.
 */
export async function signInWithPicker(page: Page, url: string, token: DevToken): Promise<void> {
  await page.goto(url);
  await page.getByTestId('dev-token-picker').click();
  const active = page.locator('.ant-select-item-option-active');
  for (let i = 0; !((await active.textContent()) ?? '').endsWith(principalText(token)); i++) {
    if (i > 30) throw new Error(`the picker offers no ${principalText(token)}`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page
    .getByTestId('principal')
    .filter({ hasText: principalText(token) })
    .waitFor();
}

/** Signs in by pasting the token, as anyone outside development does. */
export async function signInWithToken(page: Page, url: string, token: DevToken): Promise<void> {
  await page.goto(url);
  await page.getByTestId('token-input').fill(token.token);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page
    .getByTestId('principal')
    .filter({ hasText: principalText(token) })
    .waitFor();
}

/**
 * Opens a case action's dialog (`action-<mutation>`) and answers the dialog. Every action's form is rendered
 * from the start, hidden, so fields and the submit button are looked up inside this one.
 */
export async function openAction(page: Page, mutation: string): Promise<Locator> {
  await page.getByTestId(`action-${mutation}`).click();
  const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId(`form-${mutation}`) });
  await dialog.getByTestId('action-submit').waitFor();
  return dialog;
}

/** test/artifacts/browser/<test>--<step>.png, written on every run. */
export async function screenshot(page: Page, test: string, step: string): Promise<string> {
  const dir = join(ARTIFACTS, 'browser');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${test}--${step}.png`);
  await page.screenshot({ path });
  return path;
}
