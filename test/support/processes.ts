/**
 * The system as separate operating-system processes, so a test can kill -9 any of them: the Temporal CLI's dev
 * server on a SQLite file, `worker/main.ts` and `api/main.ts` under Node with tsx, all on free ports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchAttributeFlags } from '../../worker/search-attributes-setup';
import { testCodecEnv } from './codec';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A child process whose output is kept (and shown when the test fails to start it). */
export class Managed {
  readonly output: string[] = [];
  private exited: Promise<void>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits until a line of its output matches (or it exits, which is a failure). */
  async waitForOutput(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.some((line) => pattern.test(line))) {
      if (!this.running)
        throw new Error(`${this.name} exited before printing ${pattern}:\n${this.output.slice(-20).join('\n')}`);
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not print ${pattern} in time:\n${this.output.slice(-20).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** kill -9: no shutdown hook runs, nothing is flushed. */
  async kill9(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM), with SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export interface DevServerOptions {
  cliPath: string;
  dbFile: string;
  port: number;
  httpPort: number;
}

/** `temporal server start-dev` on a SQLite file: stopping it and starting it again keeps every workflow. */
export async function startDevServerProcess(options: DevServerOptions): Promise<Managed> {
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(options.port)];
  args.push('--http-port', String(options.httpPort), '--db-filename', options.dbFile, '--log-level', 'error');
  for (const flag of searchAttributeFlags()) args.push('--search-attribute', flag);
  const server = new Managed(
    'temporal dev server',
    spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const health = spawn(options.cliPath, ['operator', 'cluster', 'health', '--address', `127.0.0.1:${options.port}`], {
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => health.once('exit', resolve));
    if (code === 0) return server;
    if (!server.running || Date.now() > deadline) {
      await server.kill9();
      throw new Error(`the dev server did not come up:\n${server.output.slice(-20).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A GraphQL request to an API process on `port`, over HTTP as a client sends it. */
export function postGraphQL(port: number, token: string | null, query: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
}

/** What the worker and the API processes of one test system are started with: one dev server, one read model. */
export function systemProcessEnv(options: {
  dir: string;
  temporalPort: number;
  apiPort: number;
  workflowBundlePath: string;
}): Record<string, string> {
  return {
    TEMPORAL_ADDRESS: `127.0.0.1:${options.temporalPort}`,
    FENGQIAO_DB: join(options.dir, 'fengqiao.db'),
    FENGQIAO_WORKFLOW_BUNDLE: options.workflowBundlePath,
    PORT: String(options.apiPort),
  };
}

/** One of the project's entry points (`worker/main.ts`, `api/main.ts`) under Node with tsx, as `npm run` starts it. */
export function startEntryPoint(name: string, script: string, env: Record<string, string>): Managed {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    // The run's codec keys unless the test names others: the processes must read what the test's client wrote.
    // No worker metrics unless asked: parallel test files' workers would contend for the default port.
    env: { ...process.env, FENGQIAO_WORKER_METRICS: 'off', ...testCodecEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Managed(name, child);
}
