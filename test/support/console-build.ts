/**
 * The console's bundle (web/dist) for the browser tests and the screenshots: built with `npm run console:build`
 * when it is missing or older than any of its sources, so a run after a change to web/ tests that change.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CONSOLE_DIST = join(ROOT, 'web/dist');
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function consoleBuildStale(): boolean {
  const built = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(built)) return true;
  return Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source)))) > statSync(built).mtimeMs;
}

/** Builds when stale; answers whether it built. Vite's output is shown only when the build fails. */
export async function ensureConsoleBuilt(): Promise<boolean> {
  if (!consoleBuildStale()) return false;
  // Without vitest's NODE_ENV=test, which Vite would carry into the bundle (React's development build).
  const { NODE_ENV: _, ...env } = process.env;
  const child = spawn('npm', ['run', '--silent', 'console:build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run console:build failed (exit ${code}):\n${output.join('').slice(-4000)}`);
  return true;
}
