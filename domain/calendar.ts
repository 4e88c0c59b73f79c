/**
 * How statutory days are counted (docs/domain.md §2, 民法典 第二百零一、二百零三条 by analogy): the start day is not
 * counted, a period ends at 24:00 Asia/Shanghai of its last day, and a last day that is not a working day moves
 * to the next working day. Pure: used inside workflow code.
 */
import { HOLIDAY_TABLE } from './holidays';

const DAY_MS = 86_400_000;
/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export type CountingRule = 'CALENDAR_DAYS' | 'WORKING_DAYS';

/** Days since 1970-01-01 of the Asia/Shanghai calendar day that contains `ms`. */
export function shanghaiDayNumber(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export function dayKey(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The instant 24:00 Asia/Shanghai ends the given day. */
export function endOfShanghaiDay(dayNumber: number): number {
  return (dayNumber + 1) * DAY_MS - SHANGHAI_OFFSET_MS;
}

export function hasHolidayTable(year: number): boolean {
  return year in HOLIDAY_TABLE;
}

export function isWorkingDay(dayNumber: number): boolean {
  const key = dayKey(dayNumber);
  const year = HOLIDAY_TABLE[Number(key.slice(0, 4))];
  if (year?.workingWeekends.includes(key)) return true;
  if (year?.holidays.includes(key)) return false;
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function nextWorkingDay(dayNumber: number): number {
  let d = dayNumber;
  while (!isWorkingDay(d)) d += 1;
  return d;
}

/**
 * The moment a period of `count` days that starts with the event at `startMs` runs out.
 * Calendar days: the last day is start day + count, moved to the next working day if it is not one.
 * Working days: the `count`-th working day after the start day.
 */
export function periodEnd(startMs: number, count: number, rule: CountingRule): number {
  const startDay = shanghaiDayNumber(startMs);
  if (rule === 'CALENDAR_DAYS') return endOfShanghaiDay(nextWorkingDay(startDay + count));
  let day = startDay;
  for (let left = count; left > 0;) {
    day += 1;
    if (isWorkingDay(day)) left -= 1;
  }
  return endOfShanghaiDay(day);
}

/** ISO 8601 in Asia/Shanghai with its offset, e.g. `2026-03-01T09:30:00+08:00` (docs/api.md, DateTime). */
export function formatShanghai(ms: number): string {
  const local = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}
