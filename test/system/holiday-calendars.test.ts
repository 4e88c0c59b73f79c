/**
 * Holiday notices through GraphQL on real servers: refusals with their field, ADMIN only, the years listed, and a
 * publication reaching running petitions — through the fallback workflow on the Java time-skipping test server
 * (it has no batch operations) and through one Temporal batch operation on the CLI's dev server.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { decodeOptionalSinglePayload } from '@temporalio/common/lib/internal-non-workflow/codec-helpers';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiYear } from '../../db/holiday-calendars';
import type { CalendarYear } from '../../domain/calendar';
import { statutoryHolidays } from '../../domain/statutory-holidays';
import { petitionWorkflowId } from '../../workflows/definitions';
import { startDevServer } from '../support/environments';
import { errorCode, okField, type GraphQLApi } from '../support/graphql';
import { newPetitioner } from '../support/petitioners';
import { eventually, startSystem, useTimeSkippingSystem, type System } from '../support/system';
import { tokensPerRole, type RoleTokens } from '../support/tokens';

const ts = useTimeSkippingSystem();

const PUBLISH = `mutation($input: PublishHolidayCalendarInput!) { publishHolidayCalendar(input: $input) {
  calendar { year holidays workingWeekends source provisional publishedAt publishedBy }
  replanRequested batchJobId fanOutWorkflowId } }`;
const LIST = '{ holidayCalendars { year provisional source publishedBy holidays } }';
const THIS_YEAR = shanghaiYear(Date.now());
const NEXT_YEAR = THIS_YEAR + 1;

/** The first Saturday of March: a weekend day no statutory holiday falls on, to declare a working day. */
function firstSaturdayOfMarch(year: number): string {
  const day = new Date(Date.UTC(year, 2, 1));
  while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** A notice invented for the test (示例): the statutory days, 2 January bridged, one 调休 Saturday. */
function notice(year = NEXT_YEAR, change: Record<string, unknown> = {}) {
  return {
    year,
    holidays: [...statutoryHolidays(year), `${year}-01-02`],
    workingWeekends: [firstSaturdayOfMarch(year)],
    source: `示例：${year}年部分节假日安排（测试）`,
    ...change,
  };
}

const publish = (api: GraphQLApi, token: string | null, input: Record<string, unknown>) =>
  api.gql(token, PUBLISH, { input });

async function register(api: GraphQLApi, tokens: RoleTokens): Promise<string> {
  const { name, idNumber } = newPetitioner();
  const answer = await api.gql(
    tokens.registrar,
    `mutation { registerPetition(input: { petitioner: { name: "${name}", idNumber: "${idNumber}" }, channel: LETTER,
      category: CLAIM, summary: "节假日测试", content: "节假日安排发布后的期限", respondentUnitId: "U-FT-01" }) { id } }`,
  );
  return okField(answer).id;
}

/** The holiday years a petition's workflow has been signalled, from its history. */
async function yearsSignalled(client: Client, petitionId: string): Promise<CalendarYear[]> {
  const history = await client.workflow.getHandle(petitionWorkflowId(petitionId)).fetchHistory();
  const signalled = (history.events ?? []).flatMap((event) => {
    const signal = event.workflowExecutionSignaledEventAttributes;
    return signal?.signalName === 'holidayCalendarPublished' ? [signal.input!.payloads![0]!] : [];
  });
  // The signal's argument is encrypted in the history: read it through the client's codec.
  return Promise.all(
    signalled.map(
      async (payload) =>
        (await decodeOptionalSinglePayload<CalendarYear>(client.options.loadedDataConverter, payload)) as CalendarYear,
    ),
  );
}

/** A published year as a petition receives it. */
/** The year a petition receives: the notice as stored, with its revision (the fan-out id's `r<revision>`). */
function toYear(
  c: { year: number; holidays: string[]; workingWeekends: string[]; source: string },
  revision: number,
): CalendarYear {
  return {
    year: c.year,
    holidays: c.holidays,
    workingWeekends: c.workingWeekends,
    source: c.source,
    provisional: false,
    revision,
  };
}

describe('publishHolidayCalendar refuses', () => {
  it.each([
    [
      'a working day on a weekday',
      { workingWeekends: [`${NEXT_YEAR}-03-02`, `${NEXT_YEAR}-03-03`] },
      'workingWeekends',
    ],
    ['a date that is no day', { holidays: [...statutoryHolidays(NEXT_YEAR), `${NEXT_YEAR}-02-30`] }, 'holidays[13]'],
    ['a notice without a statutory holiday', { holidays: statutoryHolidays(NEXT_YEAR).slice(1) }, 'holidays'],
    ['an empty source', { source: ' ' }, 'source'],
    ['a year out of range', { year: 1999 }, 'year'],
  ])('%s, naming the field', async (_, change, field) => {
    const answer = await publish(ts.system, ts.tokens.admin, notice(NEXT_YEAR, change));
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    const named = answer.errors![0]!.extensions!.field as string;
    expect(named === `input.${field}` || named.startsWith(`input.${field}[`)).toBe(true);
  });

  it('anyone but an ADMIN', async () => {
    for (const token of [ts.tokens.registrar, ts.tokens.supervisor, ts.tokens.tester])
      expect(errorCode(await publish(ts.system, token, notice()))).toBe('FORBIDDEN');
    expect(errorCode(await publish(ts.system, null, notice()))).toBe('UNAUTHENTICATED');
  });
});

describe('on the Java time-skipping server: the fallback workflow', () => {
  it('lists the seeded notices and, provisional, this year to two years on without one', async () => {
    const listed = okField(await ts.system.gql(ts.tokens.handler, LIST)) as { year: number; provisional: boolean }[];
    expect(listed.filter((y) => !y.provisional).map((y) => y.year)).toEqual([2025, 2026]);
    for (let y = THIS_YEAR; y <= THIS_YEAR + 2; y += 1)
      expect(listed.find((c) => c.year === y)?.provisional).toBe(y <= 2026 ? false : true);
    expect(errorCode(await ts.system.gql(null, LIST))).toBe('UNAUTHENTICATED');
  });

  it('a notice is listed, reaches every running petition, and the same notice again starts nothing', async () => {
    const petitions = [await register(ts.system, ts.tokens), await register(ts.system, ts.tokens)];
    const published = okField(await publish(ts.system, ts.tokens.admin, { ...notice(), requestId: 'n-1' }));
    expect(published).toMatchObject({
      calendar: { year: NEXT_YEAR, provisional: false, workingWeekends: [firstSaturdayOfMarch(NEXT_YEAR)] },
      replanRequested: true,
      batchJobId: null,
      fanOutWorkflowId: expect.stringMatching(new RegExp(`^holiday-calendar-${NEXT_YEAR}-r1-`)),
    });
    expect(published.calendar.holidays).toEqual([...notice().holidays].sort());
    expect(published.calendar.publishedBy).toMatch(/admin/);

    const listed = okField(await ts.system.gql(ts.tokens.registrar, LIST)) as { year: number; provisional: boolean }[];
    expect(listed.find((y) => y.year === NEXT_YEAR)).toMatchObject({ provisional: false });

    for (const id of petitions) {
      const years = await eventually(async () => {
        const got = await yearsSignalled(ts.env.client, id);
        return got.length > 0 && got;
      });
      expect(years).toEqual([toYear(published.calendar, 1)]);
    }
    // The client's retry: the same notice with the same requestId starts nothing more.
    const again = okField(await publish(ts.system, ts.tokens.admin, { ...notice(), requestId: 'n-1' }));
    expect(again).toMatchObject({ replanRequested: false, fanOutWorkflowId: published.fanOutWorkflowId });
  });
});

/** `npm run calendar:publish -- <file>` against `api` served over HTTP: its exit code and what it printed. */
async function publishCli(api: System, token: string | null, notice: unknown) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const file = join(mkdtempSync(join(tmpdir(), 'fengqiao-notice-')), 'notice.json');
  writeFileSync(file, JSON.stringify(notice));
  const server = createServer(api.yoga).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const env = { ...process.env, FENGQIAO_API_URL: url, FENGQIAO_TOKEN: token ?? '' };
  try {
    return await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        join(root, 'node_modules/.bin/tsx'),
        [join(root, 'scripts/publish-holiday-calendar.ts'), file],
        { env, cwd: root },
        (err, stdout, stderr) => resolve({ status: err ? Number(err.code) : 0, stdout, stderr }),
      );
    });
  } finally {
    server.close();
  }
}

describe('npm run calendar:publish', () => {
  it('publishes a notice file and prints the answer; a refusal prints its code and field and exits 1', async () => {
    const year = NEXT_YEAR + 1;
    const published = await publishCli(ts.system, ts.tokens.admin, notice(year));
    expect(published.stderr).toBe('');
    expect(published.status).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({
      calendar: { year, provisional: false },
      replanRequested: true,
    });
    const refused = await publishCli(ts.system, ts.tokens.admin, notice(year, { workingWeekends: [`${year}-13-01`] }));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^BAD_USER_INPUT input\.workingWeekends\[0\]: /);
    expect((await publishCli(ts.system, ts.tokens.registrar, notice(year))).stderr).toMatch(/^FORBIDDEN: /);
    expect((await publishCli(ts.system, null, notice(year))).status).toBe(2);
  });
});

describe('on the CLI dev server: one batch operation', () => {
  let env: TestWorkflowEnvironment;
  let system: System;
  beforeAll(async () => {
    env = await startDevServer();
    system = await startSystem(env);
  });
  afterAll(async () => {
    await system?.stop();
    await env?.teardown();
  });

  it('signals every running petition through a batch job; a correction is a job of its own, sent again on request', async () => {
    const tokens = tokensPerRole(system.db, 'dev');
    const petitions = [await register(system, tokens), await register(system, tokens)];
    const first = okField(await publish(system, tokens.admin, notice()));
    expect(first).toMatchObject({ replanRequested: true, fanOutWorkflowId: null });
    expect(first.batchJobId).toMatch(new RegExp(`^holiday-calendar-${NEXT_YEAR}-r1-`));

    const corrected = notice(NEXT_YEAR, { workingWeekends: [] });
    const second = okField(await publish(system, tokens.admin, corrected));
    expect(second.batchJobId).toMatch(new RegExp(`^holiday-calendar-${NEXT_YEAR}-r2-`));
    expect(second.calendar.workingWeekends).toEqual([]);

    const namespace = env.client.options.namespace;
    const done = (jobId: string) =>
      eventually(async () => {
        const job = await env.client.workflowService.describeBatchOperation({ namespace, jobId });
        // BATCH_OPERATION_STATE_COMPLETED
        return job.state === 2 && Number(job.completeOperationCount) >= petitions.length;
      }, 20_000);
    await done(second.batchJobId);
    for (const id of petitions) expect(await yearsSignalled(env.client, id)).toContainEqual(toYear(second.calendar, 2));
    // The older job was stopped, but a signal of it already under way may land after the newer one: sent once
    // more under a new requestId, the current notice is the last every petition received.
    const resent = okField(await publish(system, tokens.admin, { ...corrected, requestId: 'resend-1' }));
    expect(resent).toMatchObject({ replanRequested: true, calendar: { workingWeekends: [] } });
    expect(resent.batchJobId).not.toBe(second.batchJobId);
    await done(resent.batchJobId);
    for (const id of petitions)
      expect((await yearsSignalled(env.client, id)).at(-1)).toEqual(toYear(second.calendar, 2));
    const listed = okField(await system.gql(tokens.tester, LIST)) as { year: number; holidays: string[] }[];
    expect(listed.find((y) => y.year === NEXT_YEAR)).toMatchObject({ provisional: false });
  });
});
