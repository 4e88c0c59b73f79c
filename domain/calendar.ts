/**
 * How statutory days are counted (docs/statute.md, 民法典 第二百零一、二百零三条 by analogy): the start day is not
 * counted, a period ends at 24:00 Asia/Shanghai of its last day, and a last day that is not a working day moves
 * to the next working day. Which days are working days is data — a `HolidayCalendar` — that reaches a petition
 * through its workflow's history (input, continue-as-new, the publication signal), never from code. Pure.
 */

const DAY_MS = 86_400_000;
/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export type CountingRule = 'CALENDAR_DAYS' | 'WORKING_DAYS';

/** One year's rest days (法定节假日 with their bridge days) and 调休 working weekends. */
export interface CalendarYear {
  year: number;
  /** Days off, `YYYY-MM-DD`. */
  holidays: readonly string[];
  /** Weekend days declared working days (调休上班), `YYYY-MM-DD`. */
  workingWeekends: readonly string[];
  /** The State Council notice, or the statute the statutory days come from while the notice is not out. */
  source: string;
  /**
   * Only the statutory holidays of 《全国年节及纪念日放假办法》 are known: the notice, when it comes, adds bridge
   * days and 调休, so a deadline counted on this year may still move.
   */
  provisional: boolean;
  /**
   * The notice's revision as the read model numbers a year's corrections; absent on statutory years and on the
   * notices that were code. A petition keeps the newest revision it has received, whatever order they arrive in.
   */
  revision?: number;
}

/** The calendar a petition counts on. A year it does not hold counts weekends only, and is provisional. */
export interface HolidayCalendar {
  years: readonly CalendarYear[];
}

/** Days since 1970-01-01 of the Asia/Shanghai calendar day that contains `ms`. */
export function shanghaiDayNumber(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export function dayKey(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function dayNumberOf(key: string): number {
  return Math.floor(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
}

/** The instant 24:00 Asia/Shanghai ends the given day. */
export function endOfShanghaiDay(dayNumber: number): number {
  return (dayNumber + 1) * DAY_MS - SHANGHAI_OFFSET_MS;
}

function yearOf(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/** Per calendar object, its days as sets: a clock asks about each day it counts. */
const indexes = new WeakMap<
  HolidayCalendar,
  Map<number, { off: Set<string>; on: Set<string>; provisional: boolean }>
>();

function indexOf(calendar: HolidayCalendar) {
  let index = indexes.get(calendar);
  if (!index) {
    index = new Map();
    for (const y of calendar.years) {
      index.set(y.year, { off: new Set(y.holidays), on: new Set(y.workingWeekends), provisional: y.provisional });
    }
    indexes.set(calendar, index);
  }
  return index;
}

export function isWorkingDay(calendar: HolidayCalendar, dayNumber: number): boolean {
  const key = dayKey(dayNumber);
  const year = indexOf(calendar).get(yearOf(dayNumber));
  if (year?.on.has(key)) return true;
  if (year?.off.has(key)) return false;
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The years between two moments whose notice is not in the calendar yet (held as provisional, or not held). */
export function provisionalYears(calendar: HolidayCalendar, fromMs: number, toMs: number): number[] {
  const index = indexOf(calendar);
  const out: number[] = [];
  for (let y = yearOf(shanghaiDayNumber(fromMs)); y <= yearOf(shanghaiDayNumber(toMs)); y += 1) {
    if (index.get(y)?.provisional !== false) out.push(y);
  }
  return out;
}

/**
 * The calendar with one year replaced (a notice published, or corrected) — unless it already holds a newer
 * revision of that year (a fan-out of an older revision delivering late): then the same calendar.
 */
export function withYear(calendar: HolidayCalendar, year: CalendarYear): HolidayCalendar {
  const held = calendar.years.find((y) => y.year === year.year);
  if (held && (held.revision ?? 0) > (year.revision ?? 0)) return calendar;
  const years = [...calendar.years.filter((y) => y.year !== year.year), year].sort((a, b) => a.year - b.year);
  return { years };
}

export function nextWorkingDay(calendar: HolidayCalendar, dayNumber: number): number {
  let d = dayNumber;
  while (!isWorkingDay(calendar, d)) d += 1;
  return d;
}

/**
 * The moment a period of `count` days that starts with the event at `startMs` runs out.
 * Calendar days: the last day is start day + count, moved to the next working day if it is not one.
 * Working days: the `count`-th working day after the start day.
 */
export function periodEnd(startMs: number, count: number, rule: CountingRule, calendar: HolidayCalendar): number {
  const startDay = shanghaiDayNumber(startMs);
  if (rule === 'CALENDAR_DAYS') return endOfShanghaiDay(nextWorkingDay(calendar, startDay + count));
  let day = startDay;
  for (let left = count; left > 0;) {
    day += 1;
    if (isWorkingDay(calendar, day)) left -= 1;
  }
  return endOfShanghaiDay(day);
}

/** ISO 8601 in Asia/Shanghai with its offset, e.g. `2026-03-01T09:30:00+08:00` (docs/api.md, DateTime). */
export function formatShanghai(ms: number): string {
  const local = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}
