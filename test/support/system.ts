/**
 * The whole back end on a real Temporal server: a worker with the real activities writing a real SQLite file,
 * and the GraphQL API called through graphql-yoga's own `fetch`.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { testDataConverter } from './codec';
import { startTimeSkippingServer } from './environments';
import type { GraphQLAnswer } from './graphql';
import { type RoleTokens, tokensPerRole } from './tokens';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Role } from '../../api/auth';
import { issueTokenNow } from './tokens';
import { createFengqiaoYoga } from '../../api/create-yoga';
import { MaterialStore } from '../../api/material-store';
import { loadCodecKeys } from '../../worker/codec-keys';
import { openReadModel, type SqliteReadModel as ReadModel } from '../../db/connection';
import { seedUnits } from '../../db/seed-units';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';
import { createPetitionWorker, type PetitionWorkerOptions } from '../../worker/create-worker';
import { TASK_QUEUE } from '../../workflows/definitions';

// Worker lifecycle lines at INFO drown the test report; warnings and errors still show.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by another test file in this process.
}

export interface System {
  db: ReadModel;
  dbFile: string;
  /** The store of 材料 (api/material-store.ts), in the test's own directory. */
  materialsDir: string;
  yoga: ReturnType<typeof createFengqiaoYoga>;
  token(role: Role, options?: { unitId?: string; principalId?: string; memberId?: string }): string;
  gql<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** The same API configured for another jurisdiction profile (new petitions start under it). */
  withProfile(profileId: string): Pick<System, 'gql'>;
  /** Shuts the worker down, runs `whileDown`, then starts a new worker on the same read model. */
  restartWorker(whileDown: () => Promise<void>, options?: { maxCachedWorkflows?: number }): Promise<void>;
  stop(): Promise<void>;
}

/** What a test may set of its workers: where notices leave the system (none by default). */
export type SystemOptions = Pick<PetitionWorkerOptions, 'delivery'>;

/** The largest 材料 the tests' API takes (production: 20 MiB, api/material-types.ts). */
export const MATERIAL_LIMIT = 64 * 1_024;

export async function startSystem(
  env: TestWorkflowEnvironment,
  profileId = DEFAULT_PROFILE_ID,
  systemOptions: SystemOptions = {},
): Promise<System> {
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-test-'));
  const dbFile = join(dir, 'fengqiao.db');
  const db = openReadModel(dbFile);
  await seedUnits(db);
  const workflowBundle = { codePath: inject('workflowBundlePath') };
  const startWorker = async (options: { maxCachedWorkflows?: number } = {}) => {
    const worker = await createPetitionWorker({
      connection: env.nativeConnection,
      db,
      workflowBundle,
      dataConverter: testDataConverter(),
      ...systemOptions,
      ...options,
    });
    return { worker, running: worker.run() };
  };
  let current = await startWorker();
  const materialsDir = join(dir, 'attachments');
  // The run's codec keys; a small limit, so a test sends a file past it without sending megabytes.
  const materials = { store: new MaterialStore(materialsDir, () => loadCodecKeys()), maxBytes: MATERIAL_LIMIT };
  const yogaFor = (profile: string) =>
    createFengqiaoYoga({
      db,
      temporal: env.client,
      taskQueue: TASK_QUEUE,
      profileId: profile,
      workflowBundle,
      materials,
    });
  const yoga = yogaFor(profileId);
  const gqlVia =
    (server: ReturnType<typeof createFengqiaoYoga>) =>
    async (token: string | null, query: string, variables?: Record<string, unknown>) => {
      const response = await server.fetch('http://fengqiao.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer;
    };
  let n = 0;
  return {
    db,
    dbFile,
    materialsDir,
    yoga,
    withProfile: (profile) => ({ gql: gqlVia(yogaFor(profile)) }),
    token: (role, options = {}) =>
      issueTokenNow(db, {
        role,
        principalId: options.principalId ?? `${role.toLowerCase()}-${++n}`,
        unitId: options.unitId ?? (role === 'UNIT_HANDLER' || role === 'UNIT_HEAD' ? 'U-FT-01' : null),
        memberId: options.memberId ?? null,
      }),
    gql: gqlVia(yoga),
    async restartWorker(whileDown, options) {
      current.worker.shutdown();
      await current.running;
      await whileDown();
      current = await startWorker(options);
    },
    async stop() {
      if (current.worker.getState() === 'RUNNING') current.worker.shutdown();
      await current.running;
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (the projection runs a moment after a timer fires). */
export async function eventually<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A test file's system under test, read inside its tests and hooks (it starts in `beforeAll`). */
export interface TimeSkippingSystem {
  /** The Java time-skipping server: its clock (`sleep`, `currentTimeMs`) and its client. */
  readonly env: TestWorkflowEnvironment;
  readonly system: System;
  /** One principal per role for the whole file (`tokensPerRole`), issued on first use. */
  readonly tokens: RoleTokens;
}

/**
 * One Java time-skipping server and one system on it for a whole test file: started before its tests (then
 * `ready` runs, e.g. to build fixtures), stopped after them. `const ts = useTimeSkippingSystem()` at the top of
 * the file, then `ts.system.gql(ts.tokens.registrar, …)` and `ts.env.sleep(…)` inside tests.
 */
export function useTimeSkippingSystem(
  ready?: (env: TestWorkflowEnvironment, system: System) => void | Promise<void>,
  options?: () => SystemOptions | Promise<SystemOptions>,
): TimeSkippingSystem {
  let env: TestWorkflowEnvironment | undefined;
  let system: System | undefined;
  let tokens: RoleTokens | undefined;
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} read before the system started: read it inside a test or hook`);
    return value;
  };
  beforeAll(async () => {
    env = await startTimeSkippingServer();
    system = await startSystem(env, DEFAULT_PROFILE_ID, await options?.());
    await ready?.(env, system);
  });
  afterAll(async () => {
    await system?.stop();
    await env?.teardown();
  });
  return {
    get env() {
      return started(env, 'ts.env');
    },
    get system() {
      return started(system, 'ts.system');
    },
    get tokens() {
      tokens ??= tokensPerRole(started(system, 'ts.tokens').db);
      return tokens;
    },
  };
}
