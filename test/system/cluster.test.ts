/**
 * Fengqiao on its own Temporal cluster (deploy/cluster.sh): the v1.29.1 server's four services on the machine's
 * PostgreSQL, with SQL visibility. The cluster here is this file's own, so that it never touches a developer's
 * (.data/cluster, the `temporal` databases) nor another run's: a temporary directory, databases with a random
 * suffix, ports of a free block, no UI; `reset` drops it all afterwards. A worker and the API run in-process on
 * it; a petition registers, its state is read back, and the cluster's visibility finds it by PetitionStatus. The
 * server is built once per user (the first run takes minutes; `npm test` builds it before the tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PETITION_STATUS, PETITION_UNIT } from '../../workflows/search-attributes';
import { type TestCluster, testCluster } from '../support/cluster';
import { testDataConverter } from '../support/codec';
import { okField } from '../support/graphql';
import { eventually, startSystem, type System } from '../support/system';
import { type RoleTokens, tokensPerRole } from '../support/tokens';

let dir: string;
let cluster: TestCluster | undefined;
let address: string;
let connection: Connection | undefined;
let nativeConnection: NativeConnection | undefined;
let client: Client;
let system: System | undefined;
let tokens: RoleTokens;
/** The petition the second test registers; the third finds it again after the cluster restarts. */
let petitionId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-cluster-'));
  cluster = await testCluster(dir);
  address = cluster.address;
  await cluster.command('up');
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
  await cluster?.command('reset');
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('Fengqiao on its own Temporal cluster (deploy/cluster.sh)', () => {
  it('a second `up` finds everything in place and starts nothing', async () => {
    const said = await cluster!.command('up');
    expect(said).not.toMatch(/creating the database|started (history|matching|frontend|worker)|registered/);
    expect(said).toMatch(/up in \d+s: gRPC 127\.0\.0\.1:\d+ \(namespace default, 4 history shards/);
    const status = await cluster!.command('status');
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
    await cluster!.command('down');
    await expect(cluster!.command('status')).rejects.toMatchObject({ code: 3 });
    await cluster!.command('up');
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
