/**
 * `./temporal-dev.sh` as a developer runs it, with real processes: the dev server, the worker and the API on
 * free ports and their own data directory. A worker killed with -9 is started again while the rest keeps
 * running; a worker that cannot start at all makes the script stop everything and say why; and whatever way the
 * script ends, nothing it started is left running without it.
 *
 * The processes a run started are found by its data directory in their environment (every one of them
 * inherits FENGQIAO_DATA_DIR), not by parentage: an orphan is re-parented and would be missed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from '../support/processes';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = join(ROOT, 'temporal-dev.sh');

interface Process {
  pid: number;
  ppid: number;
  command: string;
}

/** Every live process whose environment holds `FENGQIAO_DATA_DIR=<dataDir>`. */
function processesOf(dataDir: string): Process[] {
  const marker = `FENGQIAO_DATA_DIR=${dataDir}`;
  const found: Process[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      // The command may hold spaces and parentheses: the fields after its closing parenthesis are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (command) found.push({ pid: Number(entry), ppid, command });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

const isDevServer = (p: Process) => p.command.includes('server start-dev');
const runs = (script: string) => (p: Process) => p.command.includes(`/${script}/main.ts`);

/** The process that runs `script`, not a wrapper that started it (should the script use one). */
function entryPoint(all: Process[], script: string): Process | undefined {
  const candidates = all.filter(runs(script));
  return candidates.find((p) => !candidates.some((c) => c.ppid === p.pid));
}

class ScriptRun {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly child: ChildProcess,
    readonly dataDir: string,
    readonly apiPort: number,
  ) {
    const keep = (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  tail(): string {
    return this.output.slice(-30).join('\n');
  }

  processes(): Process[] {
    return processesOf(this.dataDir);
  }

  /** Waits for `ready` (a value, not false/undefined), failing with the script's last output. */
  async until<T>(
    what: string,
    ready: () => T | undefined | false | Promise<T | undefined | false>,
    timeoutMs = 45_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await ready();
      if (value) return value;
      if (!this.running) throw new Error(`temporal-dev.sh exited before ${what}:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`no ${what} in time; temporal-dev.sh said:\n${this.tail()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async healthy(): Promise<boolean> {
    try {
      return (
        (await fetch(`http://127.0.0.1:${this.apiPort}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200
      );
    } catch {
      return false;
    }
  }

  async exit(timeoutMs = 50_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`temporal-dev.sh did not exit in time:\n${this.tail()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

const started: ScriptRun[] = [];

async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

async function startScript(env: Record<string, string> = {}): Promise<ScriptRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fengqiao-dev-script-'));
  const [temporalPort, uiPort, apiPort] = (await distinctFreePorts(3)) as [number, number, number];
  const inherited = { ...process.env };
  // The script derives these from the data directory and the ports; a value from the caller's shell would win.
  for (const name of ['FENGQIAO_DB', 'FENGQIAO_DEV_TOKENS', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE'])
    delete inherited[name];
  const child = spawn(SCRIPT, [], {
    cwd: ROOT,
    env: {
      ...inherited,
      FENGQIAO_DATA_DIR: dataDir,
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      PORT: String(apiPort),
      TEMPORAL_CLI: inject('temporalCliPath'),
      // Bundling the workflows from source takes longer than the whole test; the global setup has a bundle.
      FENGQIAO_WORKFLOW_BUNDLE: inject('workflowBundlePath'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = new ScriptRun(child, dataDir, apiPort);
  started.push(run);
  return run;
}

afterEach(async () => {
  // A failed test must not leave its system running on the machine.
  for (const run of started.splice(0)) {
    if (run.running) {
      run.child.kill('SIGTERM');
      await run.exit().catch(() => run.child.kill('SIGKILL'));
    }
    for (const p of run.processes()) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(run.dataDir, { recursive: true, force: true });
  }
});

const pollingLines = (run: ScriptRun) =>
  run.output.filter((line) => line.startsWith('[worker] polling task queue')).length;

describe.skipIf(process.platform !== 'linux')('temporal-dev.sh up', () => {
  it('restarts a worker killed with -9, keeps the rest running, and leaves nothing behind on SIGTERM', async () => {
    const run = await startScript();
    await run.until('/health answering', () => run.healthy());
    await run.until('the worker polling', () => pollingLines(run) === 1);
    const before = run.processes();
    const server = before.find(isDevServer);
    const worker = entryPoint(before, 'worker');
    const api = entryPoint(before, 'api');
    expect(server, JSON.stringify(before)).toBeDefined();
    expect(worker, JSON.stringify(before)).toBeDefined();
    expect(api, JSON.stringify(before)).toBeDefined();
    // The data directory is the one asked for, not the project's .data.
    expect(server!.command).toContain(join(run.dataDir, 'temporal.db'));

    process.kill(worker!.pid, 'SIGKILL');
    const restarted = await run.until('a new worker', () => {
      const now = entryPoint(run.processes(), 'worker');
      return now && now.pid !== worker!.pid && pollingLines(run) === 2 && now;
    });
    expect(restarted.pid).not.toBe(worker!.pid);
    await run.until('/health answering after the restart', () => run.healthy());
    const after = run.processes();
    expect(after.find(isDevServer)?.pid).toBe(server!.pid);
    expect(entryPoint(after, 'api')?.pid).toBe(api!.pid);
    expect(
      run.output.some((line) => /the worker exited \(killed by SIGKILL\); restarting it/.test(line)),
      run.tail(),
    ).toBe(true);

    run.child.kill('SIGTERM');
    const { code } = await run.exit();
    expect(code, run.tail()).toBe(143);
    expect(run.processes(), run.tail()).toEqual([]);
  });

  it('stops everything and exits non-zero, saying why, when the worker keeps failing to start', async () => {
    // A workflow bundle that is not there: the worker connects to Temporal, then fails to start, every time.
    const dataDir = mkdtempSync(join(tmpdir(), 'fengqiao-missing-bundle-'));
    try {
      const run = await startScript({ FENGQIAO_WORKFLOW_BUNDLE: join(dataDir, 'no-such-bundle.js') });
      const { code } = await run.exit(55_000);
      expect(code, run.tail()).not.toBe(0);
      expect(code, run.tail()).not.toBeNull();
      const restarts = run.output.filter((line) => /the worker exited \(exit status \d+\); restarting it/.test(line));
      expect(restarts, run.tail()).toHaveLength(3);
      expect(
        run.output.some((line) =>
          /the worker exited .* again after 3 restarts within 60 s: .*stopping everything/.test(line),
        ),
        run.tail(),
      ).toBe(true);
      expect(
        run.output.some((line) => line.includes('Temporal dev server stopped')),
        run.tail(),
      ).toBe(true);
      expect(run.processes(), run.tail()).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
