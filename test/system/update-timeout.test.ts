/**
 * The API never waits forever on an update. As in crash.test.ts the system runs as separate processes (the CLI's
 * dev server, `worker/main.ts`, `api/main.ts` over HTTP), here with `FENGQIAO_UPDATE_TIMEOUT_MS=2000`. A stopped
 * worker (SIGSTOP) cannot answer an update: the mutation answers TIMEOUT within the bound and some slack, not
 * UNAVAILABLE; once the worker runs again, the client's retry with the same requestId is answered, and the
 * command is applied once.
 */
import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openReadModel, type SqliteReadModel as ReadModel } from '../../db/connection';
import { seedUnits } from '../../db/seed-units';
import { petitionStateQuery, petitionWorkflowId } from '../../workflows/definitions';
import { errorCode, type GraphQLAnswer, mutationsSelecting } from '../support/graphql';
import {
  freePort,
  type Managed,
  postGraphQL,
  startDevServerProcess,
  startEntryPoint,
  systemProcessEnv,
} from '../support/processes';
import { readModelCaughtUp } from '../support/read-model-tables';
import { testDataConverter } from '../support/codec';
import { eventually } from '../support/system';
import { type RoleTokens, tokensPerRole } from '../support/tokens';

const BOUND_MS = 2_000;
/** An HTTP round trip, GraphQL and the token lookup on top of the bound. */
const SLACK_MS = 1_500;

let dir: string;
let db: ReadModel;
let apiPort: number;
let server: Managed;
let worker: Managed;
let api: Managed;
let client: Client;
let tokens: RoleTokens;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-update-timeout-'));
  const [temporalPort, httpPort] = await Promise.all([freePort(), freePort()]);
  apiPort = await freePort();
  server = await startDevServerProcess({
    cliPath: inject('temporalCliPath'),
    dbFile: join(dir, 'temporal.db'),
    port: temporalPort,
    httpPort,
  });
  db = openReadModel(join(dir, 'fengqiao.db'));
  await seedUnits(db);
  tokens = tokensPerRole(db, 'timeout');
  const env = {
    ...systemProcessEnv({ dir, temporalPort, apiPort, workflowBundlePath: inject('workflowBundlePath') }),
    FENGQIAO_UPDATE_TIMEOUT_MS: String(BOUND_MS),
  };
  worker = startEntryPoint('worker', 'worker/main.ts', env);
  api = startEntryPoint('api', 'api/main.ts', env);
  await Promise.all([worker.waitForOutput(/\[worker\] polling/), api.waitForOutput(/\[api\] GraphQL/)]);
  client = new Client({
    connection: await Connection.connect({ address: `127.0.0.1:${temporalPort}` }),
    dataConverter: testDataConverter(),
  });
}, 120_000);

afterAll(async () => {
  if (worker?.running) worker.child.kill('SIGCONT');
  await client?.connection.close();
  for (const process of [api, worker, server]) await process?.stop();
  db?.$client.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function gql(token: string, query: string): Promise<GraphQLAnswer> {
  return (await (await postGraphQL(apiPort, token, query)).json()) as GraphQLAnswer;
}

const ok = mutationsSelecting('id status urges { id }', () => ({ gql }));
const urgeRows = (id: string) =>
  (db.$client.prepare('SELECT count(*) AS n FROM petition_urges WHERE petition_id = ?').get(id) as { n: number }).n;

describe('an update no worker answers', () => {
  it('answers TIMEOUT within the bound; after the worker returns the same requestId is answered, applied once', async () => {
    const registered = await ok(
      tokens.registrar,
      `registerPetition(input: { petitioner: { name: "超时测试" }, channel: ONLINE, category: CLAIM, summary: "超时", content: "超时测试件" })`,
    );
    const id = registered.id as string;
    await ok(tokens.registrar, `acceptPetition(id: "${id}", unitId: "U-FT-01")`);
    await eventually(() => readModelCaughtUp(client, db, [id]), 20_000);

    const urge = `mutation { urge(id: "${id}", message: "请尽快办理", requestId: "timeout-1") { id urges { id } } }`;
    worker.child.kill('SIGSTOP');
    let timedOut: GraphQLAnswer;
    try {
      const started = Date.now();
      timedOut = await gql(tokens.supervisor, urge);
      const elapsed = Date.now() - started;
      expect(errorCode(timedOut), JSON.stringify(timedOut.errors)).toBe('TIMEOUT');
      expect(elapsed).toBeGreaterThanOrEqual(BOUND_MS - 100);
      expect(elapsed).toBeLessThan(BOUND_MS + SLACK_MS);
      expect(timedOut.errors![0]!.message).toMatch(/may still be applied.*same requestId/);
      expect(timedOut.errors![0]!.extensions).toMatchObject({ timeoutMs: BOUND_MS });
      // Nothing is applied while the worker is stopped.
      expect(urgeRows(id)).toBe(0);
    } finally {
      worker.child.kill('SIGCONT');
    }

    // The client retries with the same requestId until it is answered (its workflow task, dispatched to the
    // stopped worker, may first have to time out: a retry meanwhile is TIMEOUT again, never UNAVAILABLE).
    const codes: (string | undefined)[] = [];
    const answered = await eventually(async () => {
      const answer = await gql(tokens.supervisor, urge);
      codes.push(errorCode(answer));
      return answer.errors ? false : answer.data!.urge;
    }, 60_000);
    expect(codes.filter((code) => code !== undefined && code !== 'TIMEOUT')).toEqual([]);
    expect(answered.urges).toHaveLength(1);
    // Once more, for good measure: answered, not applied again.
    const again = await gql(tokens.supervisor, urge);
    expect(again.errors).toBeUndefined();
    expect(again.data!.urge.urges).toHaveLength(1);
    expect((await client.workflow.getHandle(petitionWorkflowId(id)).query(petitionStateQuery)).urges).toHaveLength(1);
    await eventually(() => readModelCaughtUp(client, db, [id]), 20_000);
    expect(urgeRows(id)).toBe(1);
  }, 120_000);

  it('with the worker running, the same API answers updates as before', async () => {
    const registered = await ok(
      tokens.registrar,
      `registerPetition(input: { petitioner: { name: "超时测试" }, channel: LETTER, category: CLAIM, summary: "正常", content: "正常办理件" })`,
    );
    const accepted = await ok(tokens.registrar, `acceptPetition(id: "${registered.id}", unitId: "U-FT-01")`);
    expect(accepted.status).toBe('HANDLING');
  });
});
