/** A year's holiday notice as a bureau types it in: each fault refused with the field the client wrote. */
import { describe, expect, it } from 'vitest';
import { checkHolidayNotice, type HolidayNoticeInput } from '../../domain/holiday-notice';
import { SEED_NOTICES } from '../../domain/seed-notices';
import { statutoryHolidays } from '../../domain/statutory-holidays';
import { refusal } from '../support/refusal';

/** An example notice for 2027 (invented for the test): the statutory days, 元旦 bridged to Sunday 3 January. */
const NOTICE: HolidayNoticeInput = {
  year: 2027,
  holidays: [...statutoryHolidays(2027), '2027-01-02', '2027-01-03'],
  workingWeekends: ['2027-02-20', '2027-09-26'],
  source: '示例：2027年部分节假日安排',
};

function refused(change: Partial<HolidayNoticeInput>) {
  const err = refusal(() => checkHolidayNotice({ ...NOTICE, ...change }));
  return { code: err.code, field: err.details.field, message: err.message };
}

describe('checkHolidayNotice', () => {
  it.each(SEED_NOTICES.map((n) => [n.year, n] as const))('the %i State Council notice passes as it is', (_, notice) => {
    expect(checkHolidayNotice(notice)).toEqual({
      ...notice,
      holidays: [...notice.holidays].sort(),
      provisional: false,
    });
  });

  it('answers the days sorted, the source trimmed, not provisional', () => {
    const year = checkHolidayNotice({
      ...NOTICE,
      holidays: [...NOTICE.holidays].reverse(),
      source: '  示例通知 ',
    });
    expect(year.holidays).toEqual([...NOTICE.holidays].sort());
    expect(year.workingWeekends).toEqual(['2027-02-20', '2027-09-26']);
    expect(year).toMatchObject({ year: 2027, source: '示例通知', provisional: false });
  });

  it.each([
    ['a fraction', 2027.5],
    ['before 2000', 1999],
    ['after 2100', 2101],
  ])('refuses a year that is %s', (_, year) => {
    expect(refused({ year })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.year' });
  });

  it.each([
    ['not YYYY-MM-DD', '2027-1-1', 'not a date written YYYY-MM-DD'],
    ['a day that does not exist', '2027-02-29', 'not a day of the calendar'],
    ['a 13th month', '2027-13-01', 'not a day of the calendar'],
    ['of another year', '2028-01-01', 'not in 2027'],
  ])('refuses a holiday %s, naming its position', (_, day, message) => {
    const holidays = [...NOTICE.holidays];
    holidays.splice(2, 0, day);
    expect(refused({ holidays })).toMatchObject({
      field: 'input.holidays[2]',
      message: expect.stringContaining(message),
    });
  });

  it('refuses a holiday listed twice, at its second place', () => {
    const holidays = [...NOTICE.holidays, NOTICE.holidays[0]!];
    expect(refused({ holidays })).toMatchObject({
      field: `input.holidays[${holidays.length - 1}]`,
      message: expect.stringContaining('listed twice'),
    });
  });

  it('refuses a notice without one of the statutory holidays, naming the day', () => {
    const holidays = NOTICE.holidays.filter((d) => d !== '2027-06-09');
    expect(refused({ holidays })).toMatchObject({
      field: 'input.holidays',
      message: expect.stringContaining('2027-06-09'),
    });
  });

  it('takes a year before the 2024 revision as given: its statutory days were others', () => {
    expect(checkHolidayNotice({ ...NOTICE, year: 2024, holidays: ['2024-01-01'], workingWeekends: [] })).toMatchObject({
      year: 2024,
      holidays: ['2024-01-01'],
    });
  });

  it('refuses a working day on a weekday, one that is a holiday too, and one listed twice', () => {
    expect(refused({ workingWeekends: ['2027-02-20', '2027-02-22'] })).toMatchObject({
      field: 'input.workingWeekends[1]',
      message: expect.stringContaining('weekday'),
    });
    expect(refused({ workingWeekends: ['2027-02-20', '2027-09-26', '2027-01-03'] })).toMatchObject({
      field: 'input.workingWeekends[2]',
      message: expect.stringContaining('holiday too'),
    });
    expect(refused({ workingWeekends: ['2027-09-26', '2027-09-26'] })).toMatchObject({
      field: 'input.workingWeekends[1]',
      message: expect.stringContaining('listed twice'),
    });
    expect(refused({ workingWeekends: ['2027-9-26'] })).toMatchObject({ field: 'input.workingWeekends[0]' });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['over 200 characters', '通'.repeat(201)],
  ])('refuses a source that is %s', (_, source) => {
    expect(refused({ source })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.source' });
  });

  it('counts the source in characters, as a person does: 200 of 𠮷 pass', () => {
    expect(checkHolidayNotice({ ...NOTICE, source: '𠮷'.repeat(200) }).source).toHaveLength(400);
  });
});
