/**
 * `npm run console:screenshots`: one screenshot per role for the README's gallery (docs/screens/<role>.png,
 * 1280×800). Starts the same system the browser tests run against (test/support/console-system.ts: the Temporal
 * CLI's dev server, the worker and the API as processes on a fresh SQLite file; the console built when stale),
 * fills it with a few petitions in the states each role works on, and photographs each role's main screen in
 * the machine's Chromium.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { devToken, openBrowser, signInWithToken } from '../test/support/browser';
import { ensureConsoleBuilt } from '../test/support/console-build';
import { ConsoleApi } from '../test/support/console-cases';
import { startConsoleSystem } from '../test/support/console-system';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'docs/screens');

interface Shot {
  file: string;
  principalId: string;
  /** The hash route, e.g. `#/boards/overdue`. */
  route: (ids: Seeded) => string;
  /** What shows once the screen has its data. */
  ready: string;
}

interface Seeded {
  handling: string;
  escalated: string;
  panelId: string;
}

const SHOTS: Shot[] = [
  { file: 'registrar', principalId: 'dev-registrar', route: () => '#/todo', ready: 'todo-row' },
  { file: 'unit-handler', principalId: 'dev-unit-handler', route: () => '#/todo', ready: 'todo-row' },
  { file: 'unit-head', principalId: 'dev-unit-head', route: (s) => `#/cases/${s.handling}`, ready: 'case-status' },
  { file: 'supervisor', principalId: 'dev-supervisor', route: () => '#/boards/overdue', ready: 'board-row' },
  { file: 'leader', principalId: 'dev-leader', route: (s) => `#/cases/${s.escalated}`, ready: 'case-status' },
  { file: 'reviewer', principalId: 'dev-reviewer', route: (s) => `#/panels/${s.panelId}`, ready: 'panel-cases' },
  { file: 'tester', principalId: 'dev-tester', route: () => '#/tester', ready: 'history-id' },
  { file: 'admin', principalId: 'dev-admin', route: () => '#/statistics', ready: 'chart-rates' },
];

/** A city's morning: items on time, overdue, urged, escalated, answered and before a panel. */
async function seed(api: ConsoleApi): Promise<Seeded> {
  const accepted = async (name: string, summary: string, daysAgo = 0) => {
    const id = await api.register(name, summary, daysAgo);
    await api.accept(id);
    return id;
  };
  const handling = await accepted('周建国', '小区供暖不达标', 3);
  // The head's screen: an extension the handler asked for, awaiting the head's decision.
  await api.gql(
    'dev-unit-handler',
    `mutation { requestExtension(id: "${handling}", days: 30, reason: "需委托第三方检测室温") { id } }`,
  );
  await accepted('吴秀兰', '道路积水影响出行', 1);
  const urged = await accepted('郑海峰', '拖欠农民工工资', 10);
  await api.urge(urged, '请于五日内报告办理进展');
  const escalated = await accepted('王丽娟', '老旧小区加装电梯', 20);
  await api.escalate(escalated, '涉及多个部门，需领导协调', '请住建局牵头，一周内拿出方案。');
  const overdue = [
    await api.register('冯志强', '征地补偿款未到位', 30),
    await api.register('陈美玲', '学区划分争议', 26),
  ];
  await api.register('褚卫东', '噪声扰民', 0);
  const answered = await accepted('卫小红', '物业收费不透明', 5);
  await api.reply(answered);
  const panelId = await api.convenePanel([answered]);
  for (const id of overdue) await api.untilOverdue(id);
  return { handling, escalated, panelId };
}

/** ECharts animates its series in: the admin's statistics are taken once they have settled. */
async function settled(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).first().waitFor();
  if (testId.startsWith('chart-')) await page.waitForTimeout(1_500);
}

const cliPath = execFileSync('bash', [join(ROOT, 'temporal-dev.sh'), 'cli-path'], { encoding: 'utf8' }).trim();
const [built, system] = await Promise.all([ensureConsoleBuilt(), startConsoleSystem({ cliPath, label: 'screens' })]);
console.log(`[screens] console ${built ? 'built' : 'up to date'}; system at ${system.url}`);
const browser = await openBrowser().catch(async (err: unknown) => {
  await system.stop();
  throw err;
});
try {
  const api = new ConsoleApi(system.url, system.tokens);
  const seeded = await seed(api);
  mkdirSync(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const page = await browser.context.newPage();
    await signInWithToken(page, system.url, devToken(system.tokens, shot.principalId));
    await page.goto(`${system.url}${shot.route(seeded)}`);
    await settled(page, shot.ready);
    const path = join(OUT, `${shot.file}.png`);
    await page.screenshot({ path });
    await page.close();
    console.log(`[screens] ${path.slice(ROOT.length)}`);
  }
} catch (err) {
  // The API's answer rarely says why the worker did not answer; its output does.
  console.error(system.output());
  throw err;
} finally {
  await browser.close();
  await system.stop();
}
