/**
 * The system the bench drives: a worker and the GraphQL API on a server, on a read model of either dialect, and
 * the petitions it registers.
 */
import { Client, type Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { issueToken, type Role } from '../../api/auth';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { residentIdCheckChar } from '../../api/input-rules';
import { openReadModel } from '../../db/connection';
import { openPgReadModel } from '../../db/pg/connection';
import { pgOperations } from '../../db/pg/read-model';
import type { ReadModel } from '../../db/read-model';
import { seedUnits } from '../../db/seed-units';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';
import { createPetitionWorker } from '../../worker/create-worker';
import { TASK_QUEUE } from '../../workflows/definitions';
import { cleanUp, cleanups } from './cleanup';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface GraphQLAnswer {
  data?: Record<string, any>;
  errors?: unknown[];
}

/** What the bench needs of a Temporal server: the dev server's environment, or a connection to a cluster. */
export interface TemporalServer {
  client: Client;
  connection: Connection;
  nativeConnection: NativeConnection;
}

export interface SystemOptions {
  /** Payloads are plain unless given (bench/codec.ts compares the two; production always encrypts). */
  dataConverter?: DataConverter;
  /** `postgres`: a fresh PostgreSQL database of the bench's own, dropped at the end; otherwise a temp SQLite file. */
  readModel?: 'sqlite' | 'postgres';
  /** A task queue of the bench's own, on a cluster whose own workers poll the usual one. */
  taskQueue?: string;
}

/** A read model of the bench's own, undone by cleanUp; `database` names PostgreSQL's. */
async function benchReadModel(kind: 'sqlite' | 'postgres'): Promise<{ db: ReadModel; database: string | null }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'fengqiao-bench-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = openReadModel(join(dir, 'fengqiao.db'));
    cleanups.push(() => db.close());
    return { db, database: null };
  }
  const database = `fengqiao_bench_rm_${randomBytes(4).toString('hex')}`;
  const url = postgresScript('database', database);
  cleanups.push(async () => {
    const admin = new pg.Client({ connectionString: postgresScript('url') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });
  const db = pgOperations(await openPgReadModel(url));
  cleanups.push(() => db.close());
  return { db, database };
}

/** scripts/postgres.sh: the machine's PostgreSQL and the `fengqiao` role. */
export function postgresScript(...args: string[]): string {
  return execFileSync('bash', [join(ROOT, 'scripts/postgres.sh'), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

/** One system: a worker on its own read model, and the API over it, both on the given server. */
export async function startSystem(server: TemporalServer, code: string, options: SystemOptions = {}) {
  const { dataConverter } = options;
  const taskQueue = options.taskQueue ?? TASK_QUEUE;
  const { db, database } = await benchReadModel(options.readModel ?? 'sqlite');
  await seedUnits(db);
  const worker = await createPetitionWorker({
    connection: server.nativeConnection,
    db,
    taskQueue,
    workflowBundle: { code },
    ...(dataConverter ? { dataConverter } : {}),
  });
  // Not awaited: the worker runs for the whole bench; runWorker stops the bench if it fails, and cleanUp awaits it.
  void runWorker(worker);
  const yoga = createFengqiaoYoga({
    db,
    temporal: dataConverter ? new Client({ connection: server.connection, dataConverter }) : server.client,
    taskQueue,
    profileId: DEFAULT_PROFILE_ID,
    workflowBundle: { code },
  });
  let principals = 0;
  return {
    worker,
    db,
    /** The PostgreSQL database of the read model, or null for a SQLite file. */
    database,
    token(role: Role, unitId: string | null = null): Promise<string> {
      principals += 1;
      return issueToken(db, { role, principalId: `bench-${role.toLowerCase()}-${principals}`, unitId });
    },
    /** The named mutation's or query's answer; any GraphQL error fails the bench. */
    async call(token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
      const response = await yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as GraphQLAnswer;
      if (answer.errors || !answer.data) throw new Error(`GraphQL: ${JSON.stringify(answer.errors)}`);
      return Object.values(answer.data)[0];
    },
  };
}

/** Runs a worker until cleanup shuts it down. */
export function runWorker(worker: Worker): Promise<void> {
  const running = worker.run();
  // The operations on a worker that failed would wait for it until their timeouts: stop the bench instead.
  running.catch((err: unknown) => {
    console.error('[bench] a worker failed:', err);
    void cleanUp().finally(() => process.exit(1));
  });
  cleanups.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
  });
  return running;
}

export const REGISTER = `mutation Register($input: RegisterPetitionInput!) { registerPetition(input: $input) { id status } }`;
export const ACCEPT = `mutation Accept($id: ID!) { acceptPetition(id: $id, unitId: "U-FT-01") { id status } }`;
export const URGE = `mutation Urge($id: ID!) { urge(id: $id, message: "请报告办理进展") { id status } }`;

/** A valid resident ID number (GB 11643 check character), different for every (tag, i): born on a day of its own. */
function idNumberFor(tag: number, i: number): string {
  const born = new Date(Date.UTC(1950, 0, 1) + (tag * 2_000 + i) * 86_400_000);
  const first17 = `440304${born.toISOString().slice(0, 10).replaceAll('-', '')}001`;
  return first17 + residentIdCheckChar(first17);
}

/** A petitioner of their own per petition: the same one twice would be matched as a possible repeat (重复信访) each time. */
export function registration(tag: string, i: number) {
  return {
    petitioner: { name: `压测人${tag}${i}`, idNumber: idNumberFor(Number(tag), i) },
    channel: 'LETTER',
    category: 'CLAIM',
    summary: '征收补偿争议',
    content: '对房屋征收补偿标准有异议，申请重新核定',
    respondentUnitId: 'U-FT-01',
  };
}
