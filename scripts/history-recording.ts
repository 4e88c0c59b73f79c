/**
 * Records the corpus CI replays on every run (test/system/replay-corpus.test.ts): a worker on a time-skipping
 * server drives the paths of scripts/history-scenarios.ts and each run's history is written to a new dated set.
 * Apart from the script (`npm run histories:record`) so that a test can record into a directory of its own.
 */
import type { History } from '@temporalio/common/lib/proto-utils';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleOption } from '@temporalio/worker';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHistoryJson } from '../api/payload-json';
import { openReadModel } from '../db/connection';
import { calendarAround } from '../domain/calendar-years';
import { SEED_NOTICES } from '../domain/seed-notices';
import {
  actingUnitId,
  type Actor,
  type CommandArgs,
  type CommandName,
  type PetitionState,
  type Registration,
} from '../domain/petition';
import { createPetitionWorker } from '../worker/create-worker';
import * as defs from '../workflows/definitions';
import { petitionWorkflow } from '../workflows/petition-workflow';
import { recordPathScenarios } from './history-path-scenarios';
import { recordScenarios } from './history-scenarios';

/** The calendar the recorded petitions count on, as the API gives it to a petition registered in 2026. */
const calendar = calendarAround(SEED_NOTICES, 2026);

export interface RecordOptions {
  /** A prebuilt workflow bundle (the tests build one); otherwise the workflows are bundled from source. */
  workflowBundle?: WorkflowBundleOption;
  log?: (line: string) => void;
}

/**
 * A new, empty directory for one recording under `root`, named by its date (a second one the same day gets a
 * suffix). Running cases still replay the histories recorded before a change, so nothing there is ever
 * overwritten or removed.
 */
export function newHistorySet(root: string, now = new Date()): string {
  mkdirSync(root, { recursive: true });
  const date = now.toISOString().slice(0, 10);
  for (let n = 1; ; n += 1) {
    const dir = join(root, n === 1 ? date : `${date}-${n}`);
    try {
      mkdirSync(dir);
      return dir;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/**
 * What a scenario drives a recording with: the server, the actors, and the steps on a petition `REC-<name>`
 * (start, an update, waiting for its state, saving its history as `<name>.json`).
 */
export type Recorder = ReturnType<typeof recorder>;

function recorder(env: TestWorkflowEnvironment, out: string, written: string[], log: (line: string) => void) {
  const registrar: Actor = { id: 'registrar-1', role: 'REGISTRAR' };
  const handler: Actor = { id: 'handler-1', role: 'UNIT_HANDLER' };
  const head: Actor = { id: 'head-1', role: 'UNIT_HEAD' };
  const supervisor: Actor = { id: 'supervisor-1', role: 'SUPERVISOR' };

  /** `facts` changes what is registered: another category, a respondent unit, a direct item. */
  async function start(name: string, historyLimit?: number, facts: Partial<Registration> = {}) {
    const registration: Registration = {
      petitionId: `REC-${name}`,
      petitioner: { name: '录制', idNumber: null, phone: null, address: null },
      channel: 'LETTER',
      category: 'CLAIM',
      summary: name,
      content: `${name} 的录制事项`,
      receivedAt: null,
      respondentUnitId: null,
      registeredBy: registrar,
      ...facts,
    };
    return env.client.workflow.start(petitionWorkflow, {
      workflowId: defs.petitionWorkflowId(registration.petitionId),
      taskQueue: defs.TASK_QUEUE,
      args: [{ registration, profileId: 'national-2022', historyLimit, calendar }],
    });
  }

  /**
   * The corpus is kept plain: a client that encrypts (the tests' do) has its payloads decoded here, so the histories
   * replay with any key or none.
   */
  const write = async (name: string, history: History) => {
    const file = join(out, `${name}.json`);
    const codecs = env.client.options.loadedDataConverter.payloadCodecs;
    const plain: unknown = await decodeHistoryJson(JSON.parse(historyToJSON(history)), codecs);
    writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`, { flag: 'wx' });
    written.push(file);
    log(`recorded ${name} (${history.events?.length} events)`);
  };

  /** Writes the current run's history of a workflow as `<name>.json`. */
  async function save(name: string, workflowId: string) {
    await write(name, await env.client.workflow.getHandle(workflowId).fetchHistory());
  }

  /** A unit's role acts for the unit the case is with now, as the API's principal of that unit would. */
  async function update<N extends CommandName>(id: string, name: N, command: CommandArgs[N]) {
    const handle = env.client.workflow.getHandle(defs.petitionWorkflowId(`REC-${id}`));
    const { actor } = command;
    if ((actor.role === 'UNIT_HANDLER' || actor.role === 'UNIT_HEAD') && actor.unitId === undefined) {
      const state = await handle.query(defs.petitionStateQuery);
      const unitId = name === 'submitAssignmentReport' ? (state.routing?.unitId ?? state.unitId) : actingUnitId(state);
      command = { ...command, actor: { ...actor, unitId } };
    }
    // An update answers which change it made (defs.PetitionAnswer); the scenarios read the state it left.
    await handle.executeUpdate(defs.petitionUpdates[name], { args: [command] });
    return handle.query(defs.petitionStateQuery);
  }

  async function settle(id: string, check: (s: PetitionState) => boolean) {
    // A deadline rather than a count of tries: on 2 busy cores (the cluster's tests run beside) a query can take seconds.
    for (const until = Date.now() + 30_000; Date.now() < until;) {
      const state = await env.client.workflow
        .getHandle(defs.petitionWorkflowId(`REC-${id}`))
        .query(defs.petitionStateQuery);
      if (check(state)) return state;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${id} did not settle`);
  }

  return { env, calendar, start, update, settle, save, write, registrar, handler, head, supervisor };
}

/** Records the corpus as a new set under `root` (see newHistorySet) and answers the files written. */
export async function recordHistories(
  env: TestWorkflowEnvironment,
  root: string,
  options: RecordOptions = {},
): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const out = newHistorySet(root);
  const written: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-record-'));
  const db = openReadModel(join(dir, 'record.db'));
  const worker = await createPetitionWorker({
    connection: env.nativeConnection,
    // The worker decodes what the client encodes (the tests' client encrypts; `npm run histories:record`'s is plain).
    dataConverter: env.client.options.dataConverter,
    db,
    workflowBundle: options.workflowBundle,
  });
  const running = worker.run();

  try {
    const driven = recorder(env, out, written, log);
    await recordScenarios(driven);
    await recordPathScenarios(driven);
    return written;
  } finally {
    worker.shutdown();
    await running;
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
