/**
 * publishHolidayCalendar with Temporal out of reach (a real client, nothing listening): the notice is stored and
 * new petitions count on it, the answer is UNAVAILABLE saying the open petitions were not told, and the same
 * notice published again is what starts their fan-out.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { calendarForNewPetition } from '../../db/holiday-calendars';
import { statutoryHolidays } from '../../domain/statutory-holidays';
import { errorCode } from '../support/graphql';
import { openReadModelHarness, type ReadModelHarness } from '../support/read-model';

let rm: ReadModelHarness;
beforeAll(() => {
  rm = openReadModelHarness({ temporalAttempts: 1 });
});
afterAll(() => rm.close());

const PUBLISH = `mutation($input: PublishHolidayCalendarInput!) {
  publishHolidayCalendar(input: $input) { replanRequested } }`;

it('stores the notice, answers UNAVAILABLE, and names the year', async () => {
  const input = { year: 2027, holidays: statutoryHolidays(2027), workingWeekends: [], source: '示例（测试）' };
  const answer = await rm.gql(rm.token('ADMIN'), PUBLISH, { input });
  expect(errorCode(answer)).toBe('UNAVAILABLE');
  expect(answer.errors![0]).toMatchObject({
    message: expect.stringContaining('the notice of 2027 is stored'),
    extensions: { year: 2027 },
  });
  const year = (await calendarForNewPetition(rm.db, Date.parse('2026-06-01T10:00:00+08:00'))).years.find(
    (y) => y.year === 2027,
  );
  expect(year).toMatchObject({ provisional: false, source: '示例（测试）' });
});

it('checks the requestId as every mutation does', async () => {
  const input = { year: 2027, holidays: [], workingWeekends: [], source: 's', requestId: 'a\u0000b' };
  const answer = await rm.gql(rm.token('ADMIN'), PUBLISH, { input });
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requestId' });
});
