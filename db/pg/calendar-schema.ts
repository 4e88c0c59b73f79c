/**
 * The State Council's holiday notices (国务院办公厅关于部分节假日安排的通知) a bureau has published, one row per year.
 * Not a projection: the API writes it (`publishHolidayCalendar`), new petitions start with it and a rebuild of the
 * read model leaves it alone. The 2025 and 2026 notices come with the migration that creates the table.
 * PostgreSQL's copy of db/calendar-schema.ts.
 */
import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ms } from './columns';

export const holidayCalendars = pgTable('holiday_calendars', {
  year: integer('year').primaryKey(),
  /** Days off (法定节假日 and their bridge days), `YYYY-MM-DD`, sorted. */
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  /** Weekend days declared working days (调休上班), `YYYY-MM-DD`, sorted. */
  workingWeekends: jsonb('working_weekends').$type<string[]>().notNull(),
  /** The notice as the bureau names it (title, document number). */
  source: text('source').notNull(),
  /** Null for the notices the read model was seeded with. */
  publishedAt: ms('published_at'),
  publishedBy: text('published_by'),
  /**
   * Bumped whenever the year's content changes (a corrected notice, or a return to an earlier one), so that each
   * change gets a fan-out of its own while the same notice sent again does not.
   */
  revision: integer('revision').notNull().default(1),
  /** The batch job (or publication workflow) that carried this revision to the open petitions; null for seeds. */
  fanOutId: text('fan_out_id'),
});
