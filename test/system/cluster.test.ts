/**
 * Fengqiao on its own Temporal cluster (deploy/cluster.sh): the v1.29.1 server's four services on the machine's
 * PostgreSQL, with SQL visibility. The cluster here is this file's own, so that it never touches a developer's
 * (.data/cluster, the `temporal` databases) nor another run's: a temporary directory, databases with a random
 * suffix, ports of a free block, no UI; `reset` drops it all afterwards. A worker and the API run in-process on
 * it; a petition registers, its state is read back, and the cluster's visibility finds it by PetitionStatus. The
 * server is built once per user (the first run takes minutes; `npm test` builds it before the tests).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PETITION_STATUS, PETITION_UNIT } from '../../workflows/search-attributes';
import { testDataConverter } from '../support/codec';
import { okField } from '../support/graphql';
import { eventually, startSystem, type System } from '../support/system';
import { type RoleTokens, tokensPerRole } from '../support/tokens';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

let dir: string;
let clusterEnv: Record<string, string>;
let address: string;
let connection: Connection | undefined;
let nativeConnection: NativeConnection | undefined;
let client: Client;
let system: System | undefined;
let tokens: RoleTokens;
/** The petition the second test registers; the third finds it again after the cluster restarts. */
let petitionId: string;

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * Thirteen consecutive free ports (deploy/cluster.sh uses thirteen from its base) below the ephemeral range (32768 and up), where the other tests' free ports are
 * picked, so that none of theirs lands on one of the cluster's between this check and the services' start.
 */
async function freePortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + 20 * Math.floor(Math.random() * 500);
    const ports = Array.from({ length: 13 }, (_, i) => base + i);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error('no block of thirteen free ports between 20000 and 30000');
}

async function cluster(command: string): Promise<string> {
  const { stderr } = await run('bash', [join(ROOT, 'deploy/cluster.sh'), command], {
    env: { ...process.env, ...clusterEnv },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stderr;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-cluster-'));
  const suffix = Math.random().toString(36).slice(2, 8);
  const port = await freePortBlock();
  clusterEnv = {
    FENGQIAO_CLUSTER_DIR: join(dir, 'cluster'),
    FENGQIAO_CLUSTER_PORT: String(port),
    FENGQIAO_CLUSTER_UI: '0',
    FENGQIAO_CLUSTER_SHARDS: '4',
    FENGQIAO_CLUSTER_DB: `fengqiao_test_temporal_${suffix}`,
    FENGQIAO_CLUSTER_VISIBILITY_DB: `fengqiao_test_visibility_${suffix}`,
  };
  address = `127.0.0.1:${port}`;
  await cluster('up');
  connection = await Connection.connect({ address });
  nativeConnection = await NativeConnection.connect({ address });
  client = new Client({ connection, namespace: 'default', dataConverter: testDataConverter() });
  // startSystem asks its environment for these two only: a worker's connection and a client.
  system = await startSystem({ nativeConnection, client } as unknown as TestWorkflowEnvironment);
  tokens = tokensPerRole(system.db);
  // A first build of the server takes minutes; once built, the cluster is up in seconds.
}, 20 * 60_000);

afterAll(async () => {
  await system?.stop();
  await nativeConnection?.close();
  await connection?.close();
  if (clusterEnv) await cluster('reset');
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('Fengqiao on its own Temporal cluster (deploy/cluster.sh)', () => {
  it('a second `up` finds everything in place and starts nothing', async () => {
    const said = await cluster('up');
    expect(said).not.toMatch(/creating the database|started (history|matching|frontend|worker)|registered/);
    expect(said).toMatch(/up in \d+s: gRPC 127\.0\.0\.1:\d+ \(namespace default, 4 history shards/);
    const status = await cluster('status');
    for (const service of ['history', 'matching', 'frontend', 'worker'])
      expect(status).toContain(`${service}: running`);
    expect(status).toContain(`frontend answers on ${address}`);
  });

  it('registers a petition through the API; the cluster’s visibility finds it by its search attributes', async () => {
    const registered = okField(
      await system!.gql(
        tokens.registrar,
        `mutation { registerPetition(input: { petitioner: { name: "钱七" }, channel: LETTER, category: SUGGESTION,
        summary: "建议延长图书馆开放时间", content: "建议福田区图书馆周末延长开放时间" }) { id status } }`,
      ),
    );
    expect(registered.status).toBe('REGISTERED');
    const id = registered.id as string;
    petitionId = id;
    const accepted = okField(
      await system!.gql(tokens.registrar, `mutation { acceptPetition(id: "${id}", unitId: "U-FT-02") { status } }`),
    );
    expect(accepted.status).toBe('HANDLING');
    const read = okField(await system!.gql(tokens.supervisor, `{ petition(id: "${id}") { id status unit { id } } }`));
    expect(read).toEqual({ id, status: 'HANDLING', unit: { id: 'U-FT-02' } });

    const workflowId = `petition-${id}`;
    const listed = await eventually(async () => {
      for await (const wf of client.workflow.list({
        query: `PetitionStatus = "HANDLING" AND WorkflowId = "${workflowId}"`,
      }))
        return wf;
      return undefined;
    }, 20_000);
    expect(listed.typedSearchAttributes.get(PETITION_STATUS)).toBe('HANDLING');
    expect(listed.typedSearchAttributes.get(PETITION_UNIT)).toBe('U-FT-02');
    // The attributes are indexed, not only stored: a query on another status leaves it out.
    const registeredOnes: string[] = [];
    for await (const wf of client.workflow.list({
      query: `PetitionStatus = "REGISTERED" AND WorkflowId = "${workflowId}"`,
    }))
      registeredOnes.push(wf.workflowId);
    expect(registeredOnes).toEqual([]);
  });

  it('keeps everything across `down` and `up`: the data is in PostgreSQL', async () => {
    await cluster('down');
    await expect(cluster('status')).rejects.toMatchObject({ code: 3 });
    await cluster('up');
    const handle = client.workflow.getHandle(`petition-${petitionId}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // The in-process worker polls again by itself once the frontend is back.
    const urged = await eventually(async () => {
      const answer = await system!.gql(
        tokens.supervisor,
        `mutation { urge(id: "${petitionId}", message: "请报告进展", respondWithinDays: 5) { id status } }`,
      );
      return answer.errors ? undefined : answer.data;
    }, 60_000);
    expect(urged).toEqual({ urge: { id: petitionId, status: 'HANDLING' } });
  });
});
