/**
 * The statutory public holidays (法定节假日) of 《全国年节及纪念日放假办法》 (2024年修订, in force 2025-01-01), for a
 * year whose State Council notice (放假安排通知) is not out yet. The notice only adds bridge days and 调休 around
 * these, so counting on them alone is provisional but never counts a statutory rest day as a working day.
 *
 * The lunar days and the solar term 清明 come from lunar-typescript (6tail), which computes them astronomically in
 * China Standard Time: pure, deterministic, no I/O, so workflow code may call this too.
 */
import { Lunar, type Solar } from 'lunar-typescript';
import type { CalendarYear } from './calendar';

/** The revision these rules are from; earlier years had other ones (春节 without 除夕, a one-day 劳动节). */
export const FIRST_STATUTORY_YEAR = 2025;

const SOURCE = '《全国年节及纪念日放假办法》(2024年修订) 法定节假日';

/** The statutory days of `year`, sorted, de-duplicated (中秋 falls within 国庆 in 2028, so that year has 12). */
export function statutoryHolidays(year: number): string[] {
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR) {
    throw new RangeError(`statutory holidays are known from ${FIRST_STATUTORY_YEAR} on, not for year ${year}`);
  }
  const fixed = (month: number, day: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const lunar = (month: number, day: number): Solar => Lunar.fromYmd(year, month, day).getSolar();
  // 春节 of lunar year `year`: its 正月初一 falls between 21 Jan and 20 Feb of the same Gregorian year, and 除夕 is
  // the day before it — 腊月三十, or 腊月廿九 when the 12th month is short.
  const lunarNewYear = Lunar.fromYmd(year, 1, 1);
  const newYear = lunarNewYear.getSolar();
  // 清明 is the day the solar term begins (Beijing time), which moves between 4 and 5 April.
  const qingming = lunarNewYear.getJieQiTable()['清明'];
  if (!qingming) throw new Error(`lunar-typescript has no 清明 for ${year}`);
  const days = [
    fixed(1, 1), // 元旦
    newYear.next(-1).toYmd(), // 除夕
    newYear.toYmd(),
    newYear.next(1).toYmd(),
    newYear.next(2).toYmd(),
    qingming.toYmd(),
    fixed(5, 1), // 劳动节
    fixed(5, 2),
    lunar(5, 5).toYmd(), // 端午, in the ordinary (not a leap) 5th month
    lunar(8, 15).toYmd(), // 中秋
    fixed(10, 1), // 国庆
    fixed(10, 2),
    fixed(10, 3),
  ];
  return [...new Set(days)].sort();
}

/** The year as the system counts it before its State Council notice is out: statutory days only, provisional. */
export function statutoryCalendarYear(year: number): CalendarYear {
  return { year, holidays: statutoryHolidays(year), workingWeekends: [], source: SOURCE, provisional: true };
}
