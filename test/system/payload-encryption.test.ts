/**
 * What the petitioner wrote never reaches Temporal in plain text. A petition registered through
 * GraphQL on the dev server (on a SQLite file) leaves its resident ID number nowhere in that file, nor in its
 * history as the server sends it or as `temporal workflow show` exports it; a tester's `petitionHistory` still reads
 * it decoded, and the encrypted history replays.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import protos from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { petitionWorkflowId } from '../../workflows/definitions';
import { startDevServer } from '../support/environments';
import { okField } from '../support/graphql';
import { eventually, startSystem, type System } from '../support/system';

const { temporal } = protos;
const ID_NUMBER = '110101199003074258';
const NAME = '加密测试人';
const CONTROL = 'plain-control-marker-5f3e';

let dir: string;
let dbFile: string;
let env: TestWorkflowEnvironment;
let system: System;
let petitionId: string;

/** How often `needle` occurs in `haystack`, as UTF-8 bytes (what `strings | grep` would find). */
function occurrences(haystack: Buffer, needle: string): number {
  const bytes = Buffer.from(needle);
  let n = 0;
  for (let at = haystack.indexOf(bytes); at !== -1; at = haystack.indexOf(bytes, at + 1)) n += 1;
  return n;
}

/** The dev server's database with its write-ahead log and journal: the data may sit in either until a checkpoint. */
function databaseBytes(): Buffer {
  const base = dbFile.split('/').at(-1)!;
  return Buffer.concat(
    readdirSync(dir)
      .filter((name) => name.startsWith(base))
      .map((name) => readFileSync(join(dir, name))),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-encryption-'));
  dbFile = join(dir, 'temporal.db');
  env = await startDevServer({ dbFilename: dbFile });
  system = await startSystem(env);
  const registered = await system.gql(
    system.token('REGISTRAR'),
    `mutation { registerPetition(input: { petitioner: { name: "${NAME}", idNumber: "${ID_NUMBER}", phone: "13800138000" },
      channel: LETTER, category: CLAIM, summary: "加密测试", content: "身份证号 ${ID_NUMBER} 的诉求",
      respondentUnitId: "U-FT-01" }) { id } }`,
  );
  petitionId = (okField(registered) as { id: string }).id;
  // The control: a workflow started by a client without the codec, so the scan is shown to find plain text.
  const plain = new Client({ connection: env.connection });
  await plain.workflow.start('noSuchWorkflow', { taskQueue: 'no-worker', workflowId: 'control', args: [CONTROL] });
});

afterAll(async () => {
  await system?.stop();
  await env?.teardown();
  rmSync(dir, { recursive: true, force: true });
});

describe('payload encryption', () => {
  it('the history as the server sends it and as `temporal workflow show` exports it: 0 times', async () => {
    const history = await env.client.workflow.getHandle(petitionWorkflowId(petitionId)).fetchHistory();
    expect(history.events!.length).toBeGreaterThan(3);
    const wire = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    expect(occurrences(wire, ID_NUMBER)).toBe(0);
    const { stdout } = await promisify(execFile)(
      inject('temporalCliPath'),
      ['workflow', 'show', '--output', 'json', '--address', env.address, '-w', petitionWorkflowId(petitionId)],
      { maxBuffer: 64 << 20 },
    );
    expect(JSON.parse(stdout).events.length).toBeGreaterThanOrEqual(history.events!.length);
    expect(occurrences(Buffer.from(stdout), ID_NUMBER)).toBe(0);
    expect(occurrences(Buffer.from(stdout), NAME)).toBe(0);
    expect(stdout).toContain(Buffer.from('binary/encrypted').toString('base64'));
  });

  it("a tester's petitionHistory reads it decoded; the encrypted export replays", async () => {
    const tester = system.token('TESTER');
    const answer = await system.gql(tester, `{ petitionHistory(id: "${petitionId}") }`);
    const decoded = JSON.stringify(okField(answer));
    expect(decoded).not.toContain(Buffer.from('binary/encrypted').toString('base64'));
    const started = JSON.parse(decoded).events[0].workflowExecutionStartedEventAttributes.input.payloads[0];
    expect(Buffer.from(started.data, 'base64').toString()).toContain(ID_NUMBER);

    const encrypted = historyToJSON(await env.client.workflow.getHandle(petitionWorkflowId(petitionId)).fetchHistory());
    const replayed = await system.gql(tester, 'mutation ($h: JSON!) { replayHistory(history: $h) { ok events } }', {
      h: JSON.parse(encrypted),
    });
    expect(okField(replayed)).toMatchObject({ ok: true });
  });

  it("the Temporal database file holds the petitioner's ID number, name and words 0 times", async () => {
    // The server writes in the background: once the control (started last) is on disk, the petition is too.
    const bytes = await eventually(() => {
      const read = databaseBytes();
      return occurrences(read, CONTROL) > 0 && read;
    });
    expect(occurrences(bytes, ID_NUMBER)).toBe(0);
    expect(occurrences(bytes, NAME)).toBe(0);
    expect(occurrences(bytes, '13800138000')).toBe(0);
  });
});
