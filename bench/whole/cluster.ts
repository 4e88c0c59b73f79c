/**
 * The Temporal servers the whole bench can run on besides the CLI's dev server: a cluster of its own brought up by
 * deploy/cluster.sh (`--cluster`: a temporary directory, databases and a port block of its own, dropped by
 * `reset` at the end), or a running one named by `--temporal-address` (the developer's, 127.0.0.1:17233), which
 * is left as it was found apart from the bench's workflows, terminated at the end.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { testCluster } from '../../test/support/cluster';
import { cleanups } from './cleanup';
import type { TemporalServer } from './system';
import { elapsedMs, log } from './timing';

const SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;

export interface ClusterServer extends TemporalServer {
  name: string;
  startupMs: number;
  /** The cluster's own processes (none known for a cluster the bench did not start) and its databases. */
  pids: number[];
  databases: string[];
  /** Whether the bench's workflows must be terminated at the end (someone else's cluster). */
  external: boolean;
}

async function connect(address: string) {
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  cleanups.push(() => connection.close());
  cleanups.push(() => nativeConnection.close());
  return { connection, nativeConnection, client: new Client({ connection }) };
}

export async function ownCluster(shards: number): Promise<ClusterServer> {
  const started = process.hrtime.bigint();
  const dir = mkdtempSync(join(os.tmpdir(), 'fengqiao-bench-cluster-'));
  const cluster = await testCluster(dir, shards, 'fengqiao_bench');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => cluster.command('reset'));
  log(`starting a cluster of its own (${shards} shards) on ${cluster.address}`);
  await cluster.command('up');
  const pids = SERVICES.map((s) => Number(readFileSync(join(cluster.dir, `${s}.pid`), 'utf8').trim()));
  const { address, databases } = cluster;
  return {
    ...(await connect(address)),
    name: `its own cluster (v1.29.1, ${shards} shards, PostgreSQL persistence)`,
    startupMs: elapsedMs(started),
    pids,
    databases,
    external: false,
  };
}

export async function runningCluster(address: string): Promise<ClusterServer> {
  const started = process.hrtime.bigint();
  const server = await connect(address);
  await server.client.workflowService.getSystemInfo({});
  return {
    ...server,
    name: `the cluster at ${address}`,
    startupMs: elapsedMs(started),
    pids: [],
    databases: [],
    external: true,
  };
}

/**
 * Terminates what this run started on a cluster it found running: its petitions and no-op workflows would
 * otherwise wait there for months, on queues nobody polls once the bench is gone.
 */
export async function terminateBenchWorkflows(client: Client, runTag: string): Promise<void> {
  let terminated = 0;
  for await (const workflow of client.workflow.list({
    query: `ExecutionStatus = 'Running' AND (TaskQueue = 'fengqiao-bench-${runTag}' OR WorkflowId STARTS_WITH 'bench-')`,
  })) {
    if (!workflow.taskQueue.endsWith(runTag) && !workflow.workflowId.includes(runTag)) continue;
    await client.workflow.getHandle(workflow.workflowId, workflow.runId).terminate('bench done');
    terminated += 1;
  }
  log(`terminated ${terminated} workflows of this run`);
}
