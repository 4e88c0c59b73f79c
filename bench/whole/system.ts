/** The system the bench drives: a worker and the GraphQL API on a server, and the petitions it registers. */
import { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../api/auth';
import { issueTokenNow } from '../../test/support/tokens';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { residentIdCheckChar } from '../../api/input-rules';
import { openReadModel } from '../../db/connection';
import { seedUnits } from '../../db/seed-units';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';
import { createPetitionWorker } from '../../worker/create-worker';
import { TASK_QUEUE } from '../../workflows/definitions';
import { cleanUp, cleanups } from './cleanup';

interface GraphQLAnswer {
  data?: Record<string, any>;
  errors?: unknown[];
}

/**
 * One system: a worker on its own read model file, and the API over it, both on the given server. Payloads are
 * plain unless a data converter is given (bench/codec.ts compares the two; production always encrypts).
 */
export async function startSystem(env: TestWorkflowEnvironment, code: string, dataConverter?: DataConverter) {
  const dir = mkdtempSync(join(os.tmpdir(), 'fengqiao-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = openReadModel(join(dir, 'fengqiao.db'));
  cleanups.push(() => db.$client.close());
  await seedUnits(db);
  const worker = await createPetitionWorker({
    connection: env.nativeConnection,
    db,
    workflowBundle: { code },
    ...(dataConverter ? { dataConverter } : {}),
  });
  // Not awaited: the worker runs for the whole bench; runWorker stops the bench if it fails, and cleanUp awaits it.
  void runWorker(worker);
  const yoga = createFengqiaoYoga({
    db,
    temporal: dataConverter ? new Client({ connection: env.connection, dataConverter }) : env.client,
    taskQueue: TASK_QUEUE,
    profileId: DEFAULT_PROFILE_ID,
    workflowBundle: { code },
  });
  let principals = 0;
  return {
    worker,
    db,
    token(role: Role, unitId: string | null = null): string {
      principals += 1;
      return issueTokenNow(db, { role, principalId: `bench-${role.toLowerCase()}-${principals}`, unitId });
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
