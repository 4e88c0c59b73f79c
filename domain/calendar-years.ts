/**
 * The calendar a petition starts with: every published notice, and for each year around it without one the
 * statutory holidays only, provisional until the notice comes.
 */
import type { CalendarYear, HolidayCalendar } from './calendar';
import { FIRST_STATUTORY_YEAR, statutoryCalendarYear } from './statutory-holidays';

/** Years a petition's calendar covers around its start: a case lives months, its appeals a year or two more. */
export const CALENDAR_YEARS_BEFORE = 1;
export const CALENDAR_YEARS_AFTER = 4;

export function calendarAround(published: readonly CalendarYear[], year: number): HolidayCalendar {
  const years = [...published];
  // Before the 2024 revision the statutory days were others; such a year counts on its notice, or weekends only.
  for (let y = Math.max(year - CALENDAR_YEARS_BEFORE, FIRST_STATUTORY_YEAR); y <= year + CALENDAR_YEARS_AFTER; y += 1) {
    if (!years.some((p) => p.year === y)) years.push(statutoryCalendarYear(y));
  }
  return { years: years.sort((a, b) => a.year - b.year) };
}
