/**
 * The published holiday notices in the read model (db/calendar-schema.ts): what new petitions start with, what
 * `holidayCalendars` lists, and how a publication is stored. A notice sent again unchanged keeps its revision, so
 * its fan-out is the one already started; a changed one gets the next revision and a fan-out of its own.
 */
import { eq, sql } from 'drizzle-orm';
import { dayKey, shanghaiDayNumber, type CalendarYear, type HolidayCalendar } from '../domain/calendar';
import { calendarAround } from '../domain/calendar-years';
import { statutoryCalendarYear } from '../domain/statutory-holidays';
import type { SqliteDatabase } from './connection';
import type { HolidayCalendarRow, ReadModel, StoredNotice } from './read-model';
import { holidayCalendars } from './schema';

export type { HolidayCalendarRow, StoredNotice } from './read-model';

/** Years past the current one that `holidayCalendars` lists as provisional when they have no notice. */
export const LISTED_YEARS_AHEAD = 2;

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

/** A JSON column as either driver answers it: text on SQLite, parsed on PostgreSQL (jsonb). */
const days = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as string[]) : (value as string[]));

export function calendarRowOf(r: Record<string, unknown>): HolidayCalendarRow {
  return {
    year: Number(r.year),
    holidays: days(r.holidays),
    workingWeekends: days(r.working_weekends),
    source: r.source as string,
    publishedAt: r.published_at == null ? null : Number(r.published_at),
    publishedBy: (r.published_by as string | null) ?? null,
    revision: Number(r.revision),
    fanOutId: (r.fan_out_id as string | null) ?? null,
  };
}

async function rows(db: ReadModel): Promise<HolidayCalendarRow[]> {
  return (await db.rows(sql`SELECT * FROM ${holidayCalendars} ORDER BY year`)).map(calendarRowOf);
}

export function publishedYearOf(row: HolidayCalendarRow): PublishedCalendarYear {
  return { ...calendarYearOf(row), publishedAt: row.publishedAt, publishedBy: row.publishedBy };
}

export async function publishedYears(db: ReadModel): Promise<PublishedCalendarYear[]> {
  return (await rows(db)).map(publishedYearOf);
}

/**
 * The calendar a petition registered at `nowMs` starts with: every published notice, and the statutory holidays
 * (provisional) of each year around it that has none (domain/calendar-years.ts).
 */
export async function calendarForNewPetition(db: ReadModel, nowMs: number): Promise<HolidayCalendar> {
  return calendarAround((await rows(db)).map(calendarYearOf), shanghaiYear(nowMs));
}

/** The published years, and the years from this one to LISTED_YEARS_AHEAD on without a notice, provisional. */
export async function listedCalendars(db: ReadModel, nowMs: number): Promise<PublishedCalendarYear[]> {
  const published = await publishedYears(db);
  const year = shanghaiYear(nowMs);
  const listed = [...published];
  for (let y = year; y <= year + LISTED_YEARS_AHEAD; y += 1) {
    if (!published.some((p) => p.year === y))
      listed.push({ ...statutoryCalendarYear(y), publishedAt: null, publishedBy: null });
  }
  return listed.sort((a, b) => a.year - b.year);
}

/** Whether a stored year already says what a notice says. */
export function sameContent(
  row: Pick<HolidayCalendarRow, 'source' | 'holidays' | 'workingWeekends'>,
  notice: CalendarYear,
) {
  return (
    row.source === notice.source &&
    JSON.stringify(row.holidays) === JSON.stringify(notice.holidays) &&
    JSON.stringify(row.workingWeekends) === JSON.stringify(notice.workingWeekends)
  );
}

/** The row a changed notice is stored as: the next revision, its fan-out still to start. */
export function noticeRow(notice: CalendarYear, publishedBy: string, nowMs: number, revision: number) {
  return {
    year: notice.year,
    holidays: [...notice.holidays],
    workingWeekends: [...notice.workingWeekends],
    source: notice.source,
    publishedAt: new Date(nowMs),
    publishedBy,
    revision,
    fanOutId: null,
  };
}

/** SQLite's `storeNotice` (db/read-model.ts), in one transaction. */
export function storeNoticeSqlite(
  db: SqliteDatabase,
  notice: CalendarYear,
  publishedBy: string,
  nowMs: number,
): StoredNotice {
  return db.transaction((tx) => {
    const found = tx.select().from(holidayCalendars).where(eq(holidayCalendars.year, notice.year)).get();
    const stored = found && { ...found, publishedAt: found.publishedAt?.getTime() ?? null };
    if (stored && sameContent(stored, notice)) return { row: stored, changed: false, supersededFanOutId: null };
    const values = noticeRow(notice, publishedBy, nowMs, (stored?.revision ?? 0) + 1);
    tx.insert(holidayCalendars).values(values).onConflictDoUpdate({ target: holidayCalendars.year, set: values }).run();
    return { row: { ...values, publishedAt: nowMs }, changed: true, supersededFanOutId: stored?.fanOutId ?? null };
  });
}

/** Stores a checked notice: unchanged content keeps its row, changed content replaces the year. */
export function storeNotice(db: ReadModel, notice: CalendarYear, publishedBy: string, nowMs: number) {
  return db.storeNotice(notice, publishedBy, nowMs);
}

/** Notes the fan-out that carries the year's current revision (only if the year was not changed meanwhile). */
export async function recordFanOut(db: ReadModel, year: number, revision: number, fanOutId: string): Promise<void> {
  await db.exec(
    sql`UPDATE ${holidayCalendars} SET fan_out_id = ${fanOutId} WHERE year = ${year} AND revision = ${revision}`,
  );
}
