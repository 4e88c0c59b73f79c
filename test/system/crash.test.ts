/**
 * Crashes lose nothing. The system runs as it does in production, as separate processes — the Temporal CLI's
 * dev server on a SQLite file, `worker/main.ts`, `api/main.ts` over HTTP — with petitions in every stage and
 * their timers pending. The worker is killed (-9) in the middle of a projection, the API between a request and
 * its answer, and the dev server is stopped and started again. After each, every petition is still there, no
 * accepted update is lost or applied twice, and in the end the read model equals a rebuild from Temporal.
 * (Timers that come due while the worker is down are in worker-outage.test.ts: on the dev server statutory
 * timers are days away.)
 */
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openReadModel, type SqliteReadModel as ReadModel } from '../../db/connection';
import { rebuildReadModel } from '../../db/rebuild';
import { seedUnits } from '../../db/seed-units';
import { petitionStateQuery, petitionWorkflowId } from '../../workflows/definitions';
import {
  freePort,
  type Managed,
  postGraphQL,
  startDevServerProcess,
  startEntryPoint,
  systemProcessEnv,
} from '../support/processes';
import { readModelCaughtUp, readModelTables } from '../support/read-model-tables';
import { errorCode, type GraphQLAnswer, mutationsSelecting, okData } from '../support/graphql';
import { testDataConverter } from '../support/codec';
import { eventually } from '../support/system';
import { type RoleTokens, tokensPerRole } from '../support/tokens';

const { PendingWorkflowTaskState, TimeoutType } = temporal.api.enums.v1;

let dir: string;
let db: ReadModel;
let temporalPort: number;
let httpPort: number;
let apiPort: number;
let server: Managed;
let worker: Managed;
let api: Managed;
let client: Client;
let tokens: RoleTokens;

const startServer = () =>
  startDevServerProcess({
    cliPath: inject('temporalCliPath'),
    dbFile: join(dir, 'temporal.db'),
    port: temporalPort,
    httpPort,
  });

const processEnv = () =>
  systemProcessEnv({ dir, temporalPort, apiPort, workflowBundlePath: inject('workflowBundlePath') });

async function startWorker() {
  worker = startEntryPoint('worker', 'worker/main.ts', processEnv());
  await worker.waitForOutput(/\[worker\] polling/);
}

async function startApi() {
  api = startEntryPoint('api', 'api/main.ts', processEnv());
  await api.waitForOutput(/\[api\] GraphQL/);
}

const post = (token: string, query: string) => postGraphQL(apiPort, token, query);

async function gql(token: string, query: string): Promise<GraphQLAnswer> {
  return (await (await post(token, query)).json()) as GraphQLAnswer;
}

const ok = mutationsSelecting('id status urges { id }', () => ({ gql }));

const live = (id: string) => client.workflow.getHandle(petitionWorkflowId(id)).query(petitionStateQuery);
/** How many rows of a petition's child table (urges, ratings) the read model holds. */
const rowsOf = (table: 'petition_urges' | 'petition_ratings', id: string) =>
  (db.$client.prepare(`SELECT count(*) AS n FROM ${table} WHERE petition_id = ?`).get(id) as { n: number }).n;
const urgeCount = (id: string) => rowsOf('petition_urges', id);
const ratingCount = (id: string) => rowsOf('petition_ratings', id);

const projected = (ids: string[]) => eventually(() => readModelCaughtUp(client, db, ids), 40_000);

/** Whether the workflow is waiting on a durable timer (its last timer started and neither fired nor cancelled). */
async function timerPending(id: string): Promise<boolean> {
  const history = await client.workflow.getHandle(petitionWorkflowId(id)).fetchHistory();
  const open = new Set<string>();
  for (const event of history.events ?? []) {
    if (event.timerStartedEventAttributes) open.add(event.timerStartedEventAttributes.timerId!);
    if (event.timerFiredEventAttributes) open.delete(event.timerFiredEventAttributes.timerId!);
    if (event.timerCanceledEventAttributes) open.delete(event.timerCanceledEventAttributes.timerId!);
  }
  return open.size > 0;
}

/**
 * Waits until the petition's projection is held up inside the worker: the workflow task that runs it (the
 * projection is a local activity, in the task that made the change) was started and is still the same task a
 * second and a half later, where an unhindered task completes in milliseconds.
 */
async function projectionHeldUp(id: string): Promise<void> {
  const startedTask = async () => {
    const task = (await client.workflow.getHandle(petitionWorkflowId(id)).describe()).raw.pendingWorkflowTask;
    return task?.state === PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED
      ? `${task.startedTime?.seconds}.${task.startedTime?.nanos}:${task.attempt}`
      : null;
  };
  await eventually(async () => {
    const task = await startedTask();
    if (!task) return false;
    await new Promise((r) => setTimeout(r, 1_500));
    return (await startedTask()) === task;
    // Long enough for a task first sent to the sticky queue of a worker killed before (5 s to time out there).
  }, 30_000);
}

/** Petitions in every stage, each with a clock running. */
type Stage = 'registered' | 'handling' | 'urged' | 'extension' | 'replied' | 'review' | 'declined';
const stages = {} as Record<Stage, string>;

async function register(summary: string): Promise<string> {
  const input = `{ petitioner: { name: "崩溃测试" }, channel: ONLINE, category: CLAIM, summary: "${summary}", content: "${summary}，请求处理" }`;
  return (await ok(tokens.registrar, `registerPetition(input: ${input})`)).id;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-crash-'));
  [temporalPort, httpPort, apiPort] = await Promise.all([freePort(), freePort(), freePort()]);
  server = await startServer();
  db = openReadModel(join(dir, 'fengqiao.db'));
  await seedUnits(db);
  tokens = tokensPerRole(db, 'crash');
  await Promise.all([startWorker(), startApi()]);
  client = new Client({
    connection: await Connection.connect({ address: `127.0.0.1:${temporalPort}` }),
    dataConverter: testDataConverter(),
  });

  const { registrar, handler, supervisor, reviewOrgan } = tokens;
  stages.registered = await register('登记后待受理');
  stages.handling = await register('办理中');
  await ok(registrar, `acceptPetition(id: "${stages.handling}", unitId: "U-FT-01")`);
  stages.urged = await register('督办中');
  await ok(registrar, `acceptPetition(id: "${stages.urged}", unitId: "U-FT-01")`);
  await ok(supervisor, `urge(id: "${stages.urged}", message: "请报告进展", respondWithinDays: 5)`);
  stages.extension = await register('申请延期');
  await ok(registrar, `acceptPetition(id: "${stages.extension}", unitId: "U-FT-01")`);
  await ok(handler, `requestExtension(id: "${stages.extension}", days: 20, reason: "需现场核查")`);
  stages.replied = await register('已答复');
  await ok(registrar, `acceptPetition(id: "${stages.replied}", unitId: "U-FT-01")`);
  await ok(handler, `replyPetition(id: "${stages.replied}", outcome: EXPLAIN, text: "已解释说明")`);
  stages.review = await register('复查中');
  await ok(registrar, `acceptPetition(id: "${stages.review}", unitId: "U-FT-01")`);
  await ok(handler, `replyPetition(id: "${stages.review}", outcome: NOT_SUPPORT, text: "不予支持")`);
  await ok(registrar, `requestReview(id: "${stages.review}", reason: "不服处理意见")`);
  await ok(reviewOrgan, `startHearing(id: "${stages.review}", note: "复查听证")`);
  stages.declined = await register('不予受理');
  await ok(registrar, `declinePetition(id: "${stages.declined}", reason: NOT_A_PETITION, note: "不属于信访事项")`);
  await projected(Object.values(stages));
}, 180_000);

afterAll(async () => {
  await client?.connection.close();
  for (const process of [api, worker, server]) await process?.stop();
  db?.$client.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crashes lose nothing', () => {
  it('kill -9 of the worker in the middle of a projection: the next worker projects it once and the request is answered', async () => {
    const id = stages.handling;
    // Another connection holds SQLite's write lock, so the projection of the urge waits inside the activity
    // (and the update, which answers once the read model has the change, waits with it).
    const blocker = new Database(join(dir, 'fengqiao.db'));
    blocker.exec('BEGIN IMMEDIATE');
    let answer: Promise<any>;
    try {
      answer = ok(tokens.supervisor, `urge(id: "${id}", message: "请尽快办理", requestId: "crash-1")`);
      await projectionHeldUp(id);
      await worker.kill9();
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
    expect(urgeCount(id)).toBe(0); // the killed projection wrote nothing

    await startWorker();
    // The request still open from before the crash is answered: the update was accepted and survived it.
    expect((await answer!).urges).toHaveLength(1);
    expect(urgeCount(id)).toBe(1);
    // The client, unsure, sends the same request again: it is answered, not applied a second time.
    const again = await ok(tokens.supervisor, `urge(id: "${id}", message: "请尽快办理", requestId: "crash-1")`);
    expect(again.urges).toHaveLength(1);
    expect((await live(id)).urges).toHaveLength(1);
  });

  it('a read model locked for longer than the projection may take: the update waits, then is applied once, and no workflow task fails', async () => {
    const id = stages.extension;
    const handle = client.workflow.getHandle(petitionWorkflowId(id));
    // A task that timed out before any worker started it is the sticky queue of the worker killed above (the
    // server cannot know it died), not the projection: only tasks that failed or ran out while running count.
    const failedTasks = async () =>
      ((await handle.fetchHistory()).events ?? []).filter(
        (e) =>
          e.workflowTaskFailedEventAttributes ||
          e.workflowTaskTimedOutEventAttributes?.timeoutType === TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE,
      ).length;
    const failedBefore = await failedTasks();
    // Held for longer than the local activity's 10 s timeout and the workflow task's 10 s: each attempt gives up
    // after SQLite's 5 s busy timeout and is retried in the worker, which keeps the task alive meanwhile (it
    // completes it every 8 s and asks for the next), so nothing times out and the update stays with its task.
    const blocker = new Database(join(dir, 'fengqiao.db'));
    blocker.exec('BEGIN IMMEDIATE');
    let answer: Promise<any>;
    try {
      answer = ok(tokens.supervisor, `urge(id: "${id}", message: "读库锁定期间督办", requestId: "crash-locked")`);
      await projectionHeldUp(id);
      await new Promise((r) => setTimeout(r, 12_000));
      expect(urgeCount(id)).toBe(0);
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
    expect((await answer!).urges).toHaveLength(1);
    expect(urgeCount(id)).toBe(1);
    expect((await live(id)).urges).toHaveLength(1);
    expect(await failedTasks()).toBe(failedBefore);
  }, 60_000);

  it('kill -9 of the API between request and answer: the retry with the same requestId is applied once', async () => {
    const id = stages.replied;
    // A stalled worker keeps the update from completing, so the API is surely killed before it answers.
    worker.child.kill('SIGSTOP');
    const pending = post(
      tokens.registrar,
      `mutation { recordSatisfaction(id: "${id}", level: DISSATISFIED, requestId: "crash-2") { id } }`,
    ).then(
      () => 'answered',
      () => 'connection lost',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    await api.kill9();
    expect(await pending).toBe('connection lost');
    worker.child.kill('SIGCONT');
    // The update reached Temporal before the API died: it is applied with no one waiting for it.
    await eventually(() => ratingCount(id) === 1, 20_000);

    await startApi();
    // Retried with its request ID: answered without an error, and applied once.
    okData(
      await gql(
        tokens.registrar,
        `mutation { recordSatisfaction(id: "${id}", level: DISSATISFIED, requestId: "crash-2") { id satisfaction { level } } }`,
      ),
    );
    const ratings = (await live(id)).ratings;
    expect(ratings).toHaveLength(1);
    await projected([id]);
    expect(ratingCount(id)).toBe(1);
  });

  it('the dev server stopped: mutations answer UNAVAILABLE at once and change nothing; restarted, every petition and timer is there', async () => {
    const before = readModelTables(db);
    await server.stop();

    const started = Date.now();
    const refused = await gql(
      tokens.supervisor,
      `mutation { urge(id: "${stages.urged}", message: "再次督办") { id } }`,
    );
    expect(errorCode(refused)).toBe('UNAVAILABLE');
    const refusedRegistration = await gql(
      tokens.registrar,
      `mutation { registerPetition(input: { petitioner: { name: "停机" }, channel: VISIT, category: CLAIM, summary: "停机期间", content: "停机期间来访" }) { id } }`,
    );
    expect(errorCode(refusedRegistration)).toBe('UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
    // Reads come from the read model and still answer.
    const listed = await gql(tokens.registrar, `{ petitions(first: 50) { totalCount } }`);
    expect(listed.data?.petitions.totalCount).toBe(Object.keys(stages).length);
    expect(readModelTables(db)).toEqual(before);

    server = await startServer();
    for (const id of Object.values(stages)) {
      expect((await live(id)).petitionId).toBe(id);
    }
    for (const stage of ['registered', 'handling', 'urged', 'extension', 'replied', 'review'] as const) {
      expect(await timerPending(stages[stage]), stage).toBe(true);
    }
    // The worker and the API came back by themselves: a command goes through end to end.
    const urged = await eventually(async () => {
      const answer = await gql(
        tokens.supervisor,
        `mutation { urge(id: "${stages.urged}", message: "再次督办", requestId: "crash-3") { urges { id } } }`,
      );
      return answer.errors ? false : answer.data!.urge;
    }, 60_000);
    expect(urged.urges).toHaveLength(2);
  });

  it('afterwards the read model equals a rebuild from Temporal', async () => {
    const ids = Object.values(stages);
    await projected(ids);
    const rebuilt = openReadModel(join(dir, 'rebuilt.db'));
    try {
      await eventually(
        async () => (await client.workflow.count(`WorkflowType = 'petitionWorkflow'`)).count === ids.length,
        20_000,
      );
      expect(await rebuildReadModel(client, rebuilt)).toBe(ids.length);
      expect(readModelTables(rebuilt)).toEqual(readModelTables(db));
    } finally {
      rebuilt.$client.close();
    }
    expect(urgeCount(stages.handling)).toBe(1);
    expect(urgeCount(stages.urged)).toBe(2);
  });
});
