/**
 * A year's holiday notice (国务院办公厅关于部分节假日安排的通知) as a bureau types it in, checked before it becomes the
 * calendar open petitions count on: a typo here would move statutory deadlines. Pure.
 *
 * Refusals name the field as the client wrote it (`input.holidays[3]`, `input.workingWeekends`), the form of the
 * API's own input rules (api/input-rules.ts).
 */
import type { CalendarYear } from './calendar';
import { Refusal } from './error-codes';
import { FIRST_STATUTORY_YEAR, statutoryHolidays } from './statutory-holidays';

export const NOTICE_YEARS = { first: 2000, last: 2100 } as const;
export const NOTICE_SOURCE_MAX = 200;

export interface HolidayNoticeInput {
  year: number;
  /** Days off, `YYYY-MM-DD`: the statutory holidays with the notice's bridge days. */
  holidays: readonly string[];
  /** Weekend days declared working days (调休上班), `YYYY-MM-DD`. */
  workingWeekends: readonly string[];
  /** The notice's title and document number. */
  source: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function refuse(field: string, message: string): never {
  throw new Refusal('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

function shown(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 40);
}

/** The weekday (0 Sunday … 6 Saturday) of a real `YYYY-MM-DD` of `year`; refused otherwise. */
function weekdayOf(field: string, value: unknown, year: number): number {
  const parts = typeof value === 'string' ? DATE.exec(value) : null;
  if (!parts) refuse(field, `${shown(value)} is not a date written YYYY-MM-DD, e.g. ${year}-10-01`);
  const [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) refuse(field, `${value} is not a day of the calendar`);
  if (y !== year) refuse(field, `${value} is not in ${year}, the year of this notice`);
  return date.getUTCDay();
}

/** Checks each day of a list and refuses one given twice; answers the days in order. */
function days(
  field: string,
  values: readonly string[],
  year: number,
  check?: (at: string, day: string, weekday: number) => void,
) {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    const at = `${field}[${i}]`;
    const weekday = weekdayOf(at, value, year);
    if (seen.has(value)) refuse(at, `${value} is listed twice`);
    seen.add(value);
    check?.(at, value, weekday);
  });
  return [...seen].sort();
}

/** The notice as the calendar holds it (days sorted, not provisional), or a refusal of its first fault. */
export function checkHolidayNotice(input: HolidayNoticeInput, prefix = 'input'): CalendarYear {
  const { year } = input;
  if (!Number.isInteger(year) || year < NOTICE_YEARS.first || year > NOTICE_YEARS.last)
    refuse(`${prefix}.year`, `must be a whole year from ${NOTICE_YEARS.first} to ${NOTICE_YEARS.last}`);
  const source = typeof input.source === 'string' ? input.source.trim() : '';
  if (!source) refuse(`${prefix}.source`, 'must name the notice (its title and document number)');
  const length = [...source].length;
  if (length > NOTICE_SOURCE_MAX)
    refuse(`${prefix}.source`, `is longer than ${NOTICE_SOURCE_MAX} characters (${length} given)`);

  const holidays = days(`${prefix}.holidays`, input.holidays, year);
  const off = new Set(holidays);
  const workingWeekends = days(`${prefix}.workingWeekends`, input.workingWeekends, year, (at, day, weekday) => {
    if (off.has(day)) refuse(at, `${day} is listed as a holiday too: a day is either off or worked`);
    if (weekday !== 0 && weekday !== 6)
      refuse(at, `${day} is a weekday: only a Saturday or Sunday is declared a working day (调休上班)`);
  });

  // Before the 2024 revision the statutory days were others: such a year's notice is taken as given.
  if (year >= FIRST_STATUTORY_YEAR) {
    const missing = statutoryHolidays(year).filter((day) => !off.has(day));
    if (missing.length)
      refuse(
        `${prefix}.holidays`,
        `lacks the statutory holiday${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of 《全国年节及纪念日放假办法》: every notice gives them`,
      );
  }
  return { year, holidays, workingWeekends, source, provisional: false };
}
