/**
 * The system the console is driven against, as a developer runs it: the Temporal CLI's dev server, the worker
 * and the API as processes on free ports, a fresh SQLite file, the API serving the built console (web/dist) and
 * its dev tokens. Shared by the browser tests' global setup and `npm run console:screenshots`, which run outside
 * a test file: nothing here asks vitest for anything.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DevToken } from '../../api/dev-tokens';
import { newKeyText } from '../../worker/codec-keys';
import { freePort, type Managed, startDevServerProcess, startEntryPoint } from './processes';

export interface ConsoleSystem {
  /** The console's address, e.g. http://127.0.0.1:40123/ */
  url: string;
  apiPort: number;
  /** The API's dev tokens, in the order its sign-in picker lists them. */
  tokens: DevToken[];
  /** The last lines of each process's output, for a failure that needs them. */
  output(): string;
  stop(): Promise<void>;
}

async function healthy(port: number): Promise<boolean> {
  const answer = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
  // `ok` only once the worker, which bundles the workflow code first, polls the task queue.
  return ((await answer?.json().catch(() => null)) as { status?: string } | null)?.status === 'ok';
}

function processOutput(children: Managed[]): string {
  return children.map((c) => `${c.name}:\n${c.output.slice(-20).join('\n')}`).join('\n');
}

export async function startConsoleSystem(options: { cliPath: string; label: string }): Promise<ConsoleSystem> {
  const dir = mkdtempSync(join(tmpdir(), `fengqiao-${options.label}-`));
  // Keys of this system's own, never the repository's .data/: the worker and the API must read each other's payloads.
  const keysDir = join(dir, 'codec-keys');
  mkdirSync(keysDir, { mode: 0o700 });
  writeFileSync(join(keysDir, 'console-1.key'), newKeyText() + '\n', { mode: 0o600 });
  // processes.ts falls back to asking vitest for the test run's keys when this is unset, which a script cannot.
  process.env.FENGQIAO_CODEC_KEYS_DIR ??= keysDir;
  const [temporalPort, httpPort, apiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const server = await startDevServerProcess({
    cliPath: options.cliPath,
    dbFile: join(dir, 'temporal.db'),
    port: temporalPort,
    httpPort,
  });
  const env = {
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    FENGQIAO_DB: join(dir, 'fengqiao.db'),
    FENGQIAO_CODEC_KEYS_DIR: keysDir,
    // 材料 uploaded through the console, beside the keys that encrypt them.
    FENGQIAO_ATTACHMENTS_DIR: join(dir, 'attachments'),
    // The fresh SQLite file, whatever PostgreSQL the shell names.
    DATABASE_URL: '',
  };
  const tokensFile = join(dir, 'dev-tokens.json');
  const children = [
    startEntryPoint('worker', 'worker/main.ts', env),
    startEntryPoint('api', 'api/main.ts', { ...env, PORT: String(apiPort), FENGQIAO_DEV_TOKENS: tokensFile }),
  ];
  const stop = async () => {
    await Promise.all(children.map((child) => child.stop()));
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 120_000;
    while (!(await healthy(apiPort))) {
      if (Date.now() > deadline || children.some((c) => !c.running))
        throw new Error(`the console's system did not come up:\n${processOutput([server, ...children])}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // The API writes its tokens file after it listens, which /health may answer first.
    await children[1]!.waitForOutput(/\[api\] dev tokens/);
  } catch (err) {
    await stop();
    throw err;
  }
  const tokens = JSON.parse(readFileSync(tokensFile, 'utf8')) as DevToken[];
  const output = () => processOutput([server, ...children]);
  return { url: `http://127.0.0.1:${apiPort}/`, apiPort, tokens, output, stop };
}
