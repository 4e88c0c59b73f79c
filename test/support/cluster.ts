/**
 * A Temporal cluster of a test file's own (deploy/cluster.sh): a temporary directory, databases with a random
 * suffix, a block of free ports, no UI, few shards; `reset` drops it all. It never touches a developer's cluster
 * (.data/cluster, the `temporal` databases) nor another run's. The server is built once per user (`npm test`
 * builds it before the tests).
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * Thirteen consecutive free ports (deploy/cluster.sh uses thirteen from its base) below the ephemeral range (32768
 * and up), where the other tests' free ports are picked, so that none of theirs lands on one of the cluster's
 * between this check and the services' start.
 */
async function freePortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + 20 * Math.floor(Math.random() * 500);
    const ports = Array.from({ length: 13 }, (_, i) => base + i);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error('no block of thirteen free ports between 20000 and 30000');
}

export interface TestCluster {
  /** The frontend's gRPC address. */
  address: string;
  /** Where deploy/cluster.sh keeps its config, pid files and logs. */
  dir: string;
  /** Its two databases (persistence, visibility), which `reset` drops. */
  databases: [string, string];
  /** Runs `deploy/cluster.sh <command>` on this cluster; answers what it said (its stderr). */
  command(command: string): Promise<string>;
}

/** Settings for a cluster in `dir` (not started: `command('up')` starts it); `prefix` names its databases. */
export async function testCluster(dir: string, shards = 4, prefix = 'fengqiao_test'): Promise<TestCluster> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const port = await freePortBlock();
  const databases: [string, string] = [`${prefix}_temporal_${suffix}`, `${prefix}_visibility_${suffix}`];
  const env = {
    FENGQIAO_CLUSTER_DIR: join(dir, 'cluster'),
    FENGQIAO_CLUSTER_PORT: String(port),
    FENGQIAO_CLUSTER_UI: '0',
    FENGQIAO_CLUSTER_SHARDS: String(shards),
    FENGQIAO_CLUSTER_DB: databases[0],
    FENGQIAO_CLUSTER_VISIBILITY_DB: databases[1],
  };
  return {
    address: `127.0.0.1:${port}`,
    dir: env.FENGQIAO_CLUSTER_DIR,
    databases,
    async command(command) {
      const { stderr } = await run('bash', [join(ROOT, 'deploy/cluster.sh'), command], {
        env: { ...process.env, ...env },
        maxBuffer: 16 * 1024 * 1024,
      });
      return stderr;
    },
  };
}
