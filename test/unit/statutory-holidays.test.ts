/** The statutory days of 《全国年节及纪念日放假办法》 (2024年修订), computed for any year from the lunar calendar. */
import { describe, expect, it } from 'vitest';
import { SEED_NOTICES } from '../../domain/seed-notices';
import { statutoryCalendarYear, statutoryHolidays } from '../../domain/statutory-holidays';

/**
 * Written out from the published calendars, not from the library: 除夕 and 正月初一–初三, 清明, 端午, 中秋, plus
 * 元旦, 1–2 May and 1–3 October.
 */
const EXPECTED: Record<number, string[]> = {
  2025: ['01-28', '01-29', '01-30', '01-31', '04-04', '05-31', '10-06'],
  2026: ['02-16', '02-17', '02-18', '02-19', '04-05', '06-19', '09-25'],
  2027: ['02-05', '02-06', '02-07', '02-08', '04-05', '06-09', '09-15'],
  2028: ['01-25', '01-26', '01-27', '01-28', '04-04', '05-28', '10-03'],
  2029: ['02-12', '02-13', '02-14', '02-15', '04-04', '06-16', '09-22'],
  2030: ['02-02', '02-03', '02-04', '02-05', '04-05', '06-05', '09-12'],
};

const expected = (year: number) =>
  [...new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03', ...EXPECTED[year]!])]
    .map((d) => `${year}-${d}`)
    .sort();

describe('statutory holidays', () => {
  it.each(SEED_NOTICES.map((n) => [n.year, n] as const))(
    '%i: every statutory day is a day off in the State Council notice',
    (year, notice) => {
      const days = statutoryHolidays(year);
      expect(days).toHaveLength(13);
      for (const day of days) expect(notice.holidays).toContain(day);
    },
  );

  it.each([2025, 2026, 2027, 2028, 2029, 2030])('%i: exactly the published days', (year) => {
    expect(statutoryHolidays(year)).toEqual(expected(year));
  });

  it('has 13 days a year, except 2028 whose 中秋 (3 October) falls within 国庆', () => {
    const lengths = [2025, 2026, 2027, 2028, 2029, 2030].map((y) => [y, statutoryHolidays(y).length]);
    expect(lengths).toEqual([
      [2025, 13],
      [2026, 13],
      [2027, 13],
      [2028, 12],
      [2029, 13],
      [2030, 13],
    ]);
  });

  it('除夕 is the day before 正月初一 even in a year without 腊月三十 (2025: 腊月廿九, 28 January)', () => {
    expect(statutoryHolidays(2025).slice(0, 3)).toEqual(['2025-01-01', '2025-01-28', '2025-01-29']);
  });

  it('is sorted, without duplicates, and stays within its year for decades', () => {
    for (let year = 2025; year <= 2100; year++) {
      const days = statutoryHolidays(year);
      expect(days).toEqual([...new Set(days)].sort());
      expect(days.every((d) => d.startsWith(`${year}-`))).toBe(true);
      expect(days.length).toBeGreaterThanOrEqual(12);
    }
  });

  it('refuses years before the 2024 revision was in force, and non-integer years', () => {
    expect(() => statutoryHolidays(2024)).toThrow(RangeError);
    expect(() => statutoryHolidays(2025.5)).toThrow(RangeError);
  });
});

describe('statutoryCalendarYear', () => {
  it('is the statutory days only: provisional, no 调休 working weekends', () => {
    const year = statutoryCalendarYear(2027);
    expect(year).toMatchObject({ year: 2027, provisional: true, workingWeekends: [] });
    expect(year.source).toBe('《全国年节及纪念日放假办法》(2024年修订) 法定节假日');
    expect(year.holidays).toEqual(
      expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']),
    );
  });
});
