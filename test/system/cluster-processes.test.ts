/**
 * Fengqiao as it is deployed beyond one machine: its own Temporal cluster (deploy/cluster.sh) and the read model
 * on PostgreSQL, shared by two worker processes and two API processes. Petitions are registered and driven through
 * both APIs; a worker is killed with -9 while it projects, an API while a request waits for its answer; afterwards
 * nothing is lost, nothing is applied twice, and the read model equals a rebuild from Temporal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueToken, type Role } from '../../api/auth';
import { pgOperations } from '../../db/pg/read-model';
import type { ReadModel } from '../../db/read-model';
import { rebuildReadModel } from '../../db/rebuild';
import { seedUnits } from '../../db/seed-units';
import { petitionStateQuery, petitionWorkflowId } from '../../workflows/definitions';
import { type TestCluster, testCluster } from '../support/cluster';
import { testDataConverter } from '../support/codec';
import { type GraphQLAnswer, mutationsSelecting, okData } from '../support/graphql';
import { freshPgReadModel, type PgHarness } from '../support/postgres';
import { freePort, type Managed, postGraphQL, startEntryPoint } from '../support/processes';
import { eventually } from '../support/system';

let dir: string;
let cluster: TestCluster | undefined;
let pgLive: PgHarness | undefined;
let db: ReadModel;
let connection: Connection | undefined;
let client: Client;
const workers: Managed[] = [];
const apis: { process: Managed; port: number }[] = [];
const tokens = {} as Record<'registrar' | 'supervisor' | 'handler', string>;
const petitionIds: string[] = [];

/** Each process names itself to PostgreSQL, so the test can tell which worker's projection is waiting. */
const processEnv = (name: string, port = 0) => ({
  TEMPORAL_ADDRESS: cluster!.address,
  DATABASE_URL: pgLive!.url,
  FENGQIAO_WORKFLOW_BUNDLE: inject('workflowBundlePath'),
  PORT: String(port),
  PGAPPNAME: `fengqiao-${name}`,
});

async function startWorker(index: number): Promise<void> {
  const worker = startEntryPoint(`worker-${index}`, 'worker/main.ts', processEnv(`worker-${index}`));
  await worker.waitForOutput(/\[worker\] polling/);
  workers[index] = worker;
}

async function startApi(index: number): Promise<void> {
  const port = apis[index]?.port ?? (await freePort());
  const api = startEntryPoint(`api-${index}`, 'api/main.ts', processEnv(`api-${index}`, port));
  await api.waitForOutput(/\[api\] GraphQL/);
  apis[index] = { process: api, port };
}

async function gqlVia(index: number, token: string, query: string): Promise<GraphQLAnswer> {
  return (await (await postGraphQL(apis[index]!.port, token, query)).json()) as GraphQLAnswer;
}

const via = (index: number) =>
  mutationsSelecting('id status urges { id }', () => ({
    gql: (token: string, query: string) => gqlVia(index, token, query),
  }));

const live = (id: string) => client.workflow.getHandle(petitionWorkflowId(id)).query(petitionStateQuery);

const count = async (table: string, id: string) =>
  Number((await db.row<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.raw(table)} WHERE petition_id = ${id}`))?.n);

/** Whether the read model holds every petition at its workflow's newest event. */
async function caughtUp(ids: readonly string[]): Promise<boolean> {
  for (const id of ids) {
    const row = await db.row<{ last_seq: number }>(sql`SELECT last_seq FROM petitions WHERE id = ${id}`);
    if (row?.last_seq !== (await live(id)).lastSeq) return false;
  }
  return true;
}

/** Every projected table in a stable order, without what says only when or in which order rows were written. */
async function tables(model: ReadModel) {
  const all = (query: string) => model.rows(sql.raw(query));
  return {
    petitions: (await all('SELECT * FROM petitions ORDER BY id')).map(({ num: _n, updated_at: _u, ...rest }) => rest),
    events: await all('SELECT * FROM petition_events ORDER BY petition_id, seq'),
    deadlines: await all('SELECT * FROM petition_deadlines ORDER BY petition_id, ordinal'),
    ratings: await all('SELECT * FROM petition_ratings ORDER BY petition_id, ordinal'),
    urges: await all('SELECT * FROM petition_urges ORDER BY petition_id, id'),
    statisticsDays: await all('SELECT * FROM statistics_days ORDER BY day, unit_id'),
    // Ids are the order notices were written; what each says and to whom is the projection's.
    notifications: await all(`SELECT petition_id, seq, recipient, kind, message, created_at FROM notifications
      ORDER BY petition_id, seq, recipient`),
    // Row numbers follow the order petitions were first projected, which a rebuild does not repeat.
    search: await all(`SELECT p.id, s.bigrams, s.unigrams FROM petition_search s JOIN petitions p ON p.num = s.num
      ORDER BY p.id`),
  };
}

async function issue(role: Role, unitId: string | null = null): Promise<string> {
  return issueToken(db, { role, principalId: `cluster-${role.toLowerCase()}`, unitId });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-cluster-processes-'));
  cluster = await testCluster(dir);
  [pgLive] = await Promise.all([freshPgReadModel(), cluster.command('up')]);
  db = pgOperations(pgLive.db);
  await seedUnits(db);
  tokens.registrar = await issue('REGISTRAR');
  tokens.supervisor = await issue('SUPERVISOR');
  tokens.handler = await issue('UNIT_HANDLER', 'U-FT-01');
  connection = await Connection.connect({ address: cluster.address });
  client = new Client({ connection, namespace: 'default', dataConverter: testDataConverter() });
  // One after the other: each process migrates the shared database under an advisory lock at start.
  for (const index of [0, 1]) await startWorker(index);
  for (const index of [0, 1]) await startApi(index);
}, 20 * 60_000);

afterAll(async () => {
  for (const p of [...apis.map((a) => a.process), ...workers]) await p?.stop();
  await connection?.close();
  await pgLive?.close();
  await cluster?.command('reset');
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 180_000);

describe('two workers and two APIs on one cluster and one PostgreSQL read model', () => {
  it('petitions registered and driven through both APIs read the same through either', async () => {
    for (let i = 0; i < 6; i++) {
      const input = `{ petitioner: { name: "集群测试" }, channel: ONLINE, category: CLAIM, summary: "集群${i}", content: "第${i}件：请求处理" }`;
      const { id } = await via(i % 2)(tokens.registrar, `registerPetition(input: ${input})`);
      // Accepted through the other API, which reads the petition the first one registered.
      const accepted = await via((i + 1) % 2)(tokens.registrar, `acceptPetition(id: "${id}", unitId: "U-FT-01")`);
      expect(accepted.status).toBe('HANDLING');
      petitionIds.push(id);
    }
    const urged = await via(1)(tokens.supervisor, `urge(id: "${petitionIds[0]}", message: "请报告进展")`);
    expect(urged.urges).toHaveLength(1);
    for (const index of [0, 1]) {
      const listed = okData(
        await gqlVia(index, tokens.handler, `{ petitions(first: 50) { totalCount edges { node { id status } } } }`),
      );
      expect(listed.petitions.totalCount).toBe(6);
      expect(new Set(listed.petitions.edges.map((e: any) => e.node.status))).toEqual(new Set(['HANDLING']));
    }
  });

  it('kill -9 of the worker that is projecting: the other worker projects the change once and the request is answered', async () => {
    const id = petitionIds[1]!;
    // The test holds the petition's row, so the projection of the urge waits inside whichever worker runs it.
    const blocker = new pg.Client({ connectionString: pgLive!.url, application_name: 'fengqiao-test-blocker' });
    await blocker.connect();
    let answer: Promise<any>;
    let killed: number;
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM petitions WHERE id = $1 FOR UPDATE', [id]);
      answer = via(0)(tokens.supervisor, `urge(id: "${id}", message: "请尽快办理", requestId: "cluster-kill-worker")`);
      const waiting = await eventually(async () => {
        const { rows } = await blocker.query<{ name: string }>(
          `SELECT application_name AS name FROM pg_stat_activity
           WHERE wait_event_type = 'Lock' AND application_name LIKE 'fengqiao-worker-%'`,
        );
        return rows[0]?.name;
      }, 30_000);
      killed = Number(waiting.replace('fengqiao-worker-', ''));
      await workers[killed]!.kill9();
    } finally {
      await blocker.query('ROLLBACK').catch(() => {});
      await blocker.end();
    }
    expect(await count('petition_urges', id)).toBe(0); // the killed projection wrote nothing
    // The request still open on the API is answered once the other worker has run the task again.
    expect((await answer!).urges).toHaveLength(1);
    expect(await count('petition_urges', id)).toBe(1);
    await startWorker(killed!);
    // The client, unsure, sends the same request through the other API: answered, not applied again.
    const again = await via(1)(
      tokens.supervisor,
      `urge(id: "${id}", message: "请尽快办理", requestId: "cluster-kill-worker")`,
    );
    expect(again.urges).toHaveLength(1);
    expect((await live(id)).urges).toHaveLength(1);
  }, 120_000);

  it('kill -9 of an API between request and answer: the retry through the other API is applied once', async () => {
    const id = petitionIds[2]!;
    await via(0)(tokens.handler, `replyPetition(id: "${id}", outcome: EXPLAIN, text: "已解释说明")`);
    // Stalled workers keep the update from completing, so the API is surely killed before it answers.
    for (const worker of workers) worker.child.kill('SIGSTOP');
    const pending = postGraphQL(
      apis[1]!.port,
      tokens.registrar,
      `mutation { recordSatisfaction(id: "${id}", level: SATISFIED, requestId: "cluster-kill-api") { id } }`,
    ).then(
      () => 'answered',
      () => 'connection lost',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    await apis[1]!.process.kill9();
    expect(await pending).toBe('connection lost');
    for (const worker of workers) worker.child.kill('SIGCONT');
    // The update reached Temporal before the API died: it is applied with no one waiting for it.
    await eventually(async () => (await count('petition_ratings', id)) === 1, 30_000);
    const retried = okData(
      await gqlVia(
        0,
        tokens.registrar,
        `mutation { recordSatisfaction(id: "${id}", level: SATISFIED, requestId: "cluster-kill-api") { id } }`,
      ),
    );
    expect(retried.recordSatisfaction.id).toBe(id);
    expect((await live(id)).ratings).toHaveLength(1);
    await startApi(1);
    expect(await count('petition_ratings', id)).toBe(1);
  }, 120_000);

  it('afterwards nothing is lost or twice: the read model equals a rebuild from Temporal', async () => {
    await eventually(() => caughtUp(petitionIds), 40_000);
    expect(await count('petition_urges', petitionIds[0]!)).toBe(1);
    // Visibility is eventually consistent: the rebuild lists what it finds there.
    await eventually(
      async () => (await client.workflow.count(`WorkflowType = 'petitionWorkflow'`)).count === petitionIds.length,
      20_000,
    );
    const rebuilt = await freshPgReadModel();
    try {
      const model = pgOperations(rebuilt.db);
      await seedUnits(model);
      expect(await rebuildReadModel(client, model)).toBe(petitionIds.length);
      expect(await tables(model)).toEqual(await tables(db));
    } finally {
      await rebuilt.close();
    }
  }, 120_000);
});
