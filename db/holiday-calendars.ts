/**
 * The published holiday notices in the read model (db/calendar-schema.ts): what new petitions start with, what
 * `holidayCalendars` lists, and how a publication is stored. A notice sent again unchanged keeps its revision, so
 * its fan-out is the one already started; a changed one gets the next revision and a fan-out of its own.
 */
import { and, asc, eq } from 'drizzle-orm';
import { dayKey, shanghaiDayNumber, type CalendarYear, type HolidayCalendar } from '../domain/calendar';
import { calendarAround } from '../domain/calendar-years';
import { statutoryCalendarYear } from '../domain/statutory-holidays';
import type { ReadModel } from './connection';
import { holidayCalendars } from './schema';

/** Years past the current one that `holidayCalendars` lists as provisional when they have no notice. */
export const LISTED_YEARS_AHEAD = 2;

export type HolidayCalendarRow = typeof holidayCalendars.$inferSelect;

/** A published year with who published it and when (null for the seeded notices). */
export interface PublishedCalendarYear extends CalendarYear {
  publishedAt: number | null;
  publishedBy: string | null;
}

export function shanghaiYear(nowMs: number): number {
  return Number(dayKey(shanghaiDayNumber(nowMs)).slice(0, 4));
}

export function calendarYearOf(row: HolidayCalendarRow): CalendarYear {
  return {
    year: row.year,
    holidays: row.holidays,
    workingWeekends: row.workingWeekends,
    source: row.source,
    provisional: false,
    revision: row.revision,
  };
}

function rows(db: ReadModel): HolidayCalendarRow[] {
  return db.select().from(holidayCalendars).orderBy(asc(holidayCalendars.year)).all();
}

export function publishedYearOf(row: HolidayCalendarRow): PublishedCalendarYear {
  return { ...calendarYearOf(row), publishedAt: row.publishedAt?.getTime() ?? null, publishedBy: row.publishedBy };
}

export function publishedYears(db: ReadModel): PublishedCalendarYear[] {
  return rows(db).map(publishedYearOf);
}

/**
 * The calendar a petition registered at `nowMs` starts with: every published notice, and the statutory holidays
 * (provisional) of each year around it that has none (domain/calendar-years.ts).
 */
export function calendarForNewPetition(db: ReadModel, nowMs: number): HolidayCalendar {
  return calendarAround(rows(db).map(calendarYearOf), shanghaiYear(nowMs));
}

/** The published years, and the years from this one to LISTED_YEARS_AHEAD on without a notice, provisional. */
export function listedCalendars(db: ReadModel, nowMs: number): PublishedCalendarYear[] {
  const published = publishedYears(db);
  const year = shanghaiYear(nowMs);
  const listed = [...published];
  for (let y = year; y <= year + LISTED_YEARS_AHEAD; y += 1) {
    if (!published.some((p) => p.year === y))
      listed.push({ ...statutoryCalendarYear(y), publishedAt: null, publishedBy: null });
  }
  return listed.sort((a, b) => a.year - b.year);
}

function sameContent(row: HolidayCalendarRow, notice: CalendarYear): boolean {
  return (
    row.source === notice.source &&
    JSON.stringify(row.holidays) === JSON.stringify(notice.holidays) &&
    JSON.stringify(row.workingWeekends) === JSON.stringify(notice.workingWeekends)
  );
}

export interface StoredNotice {
  row: HolidayCalendarRow;
  /** The content differs from what the year had (or it had nothing). */
  changed: boolean;
  /** The fan-out of the revision this one replaced, which may still be running. */
  supersededFanOutId: string | null;
}

/** Stores a checked notice: unchanged content keeps its row, changed content replaces the year. */
export function storeNotice(db: ReadModel, notice: CalendarYear, publishedBy: string, nowMs: number): StoredNotice {
  return db.transaction((tx) => {
    const stored = tx.select().from(holidayCalendars).where(eq(holidayCalendars.year, notice.year)).get();
    if (stored && sameContent(stored, notice)) return { row: stored, changed: false, supersededFanOutId: null };
    const values = {
      year: notice.year,
      holidays: [...notice.holidays],
      workingWeekends: [...notice.workingWeekends],
      source: notice.source,
      publishedAt: new Date(nowMs),
      publishedBy,
      revision: (stored?.revision ?? 0) + 1,
      fanOutId: null,
    };
    const row = tx
      .insert(holidayCalendars)
      .values(values)
      .onConflictDoUpdate({ target: holidayCalendars.year, set: values })
      .returning()
      .get();
    return { row, changed: true, supersededFanOutId: stored?.fanOutId ?? null };
  });
}

/** Notes the fan-out that carries the year's current revision (only if the year was not changed meanwhile). */
export function recordFanOut(db: ReadModel, year: number, revision: number, fanOutId: string): void {
  db.update(holidayCalendars)
    .set({ fanOutId })
    .where(and(eq(holidayCalendars.year, year), eq(holidayCalendars.revision, revision)))
    .run();
}
