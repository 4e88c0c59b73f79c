/**
 * The read model as the API, the worker and the scripts see it, whichever database holds it: the embedded SQLite
 * file (db/connection.ts) or PostgreSQL (db/pg/read-model.ts), chosen by `DATABASE_URL` (db/open-read-model.ts).
 *
 * Reads are written once, with drizzle's `sql` over db/schema.ts: db/pg/schema.ts mirrors its table and column
 * names (test/unit/pg-schema.test.ts holds them to it), so each dialect renders the same statement with its own
 * placeholders. Where the dialects' SQL differs (text search, JSON, planner hints) a statement asks `engine`.
 * Writes that need a transaction of their own are methods, one implementation per dialect.
 */
import type { SQL } from 'drizzle-orm';
import type { PanelState } from '../domain/evaluation';
import type { CalendarYear } from '../domain/calendar';
import type { PetitionState, TimelineEvent } from '../domain/petition';
import type { Notice } from '../domain/petition/notices';

export type Engine = 'sqlite' | 'postgres';

/** A statement compiled for one dialect: what the driver is sent. */
export interface Statement {
  text: string;
  params: unknown[];
}

/** A holiday notice as stored (db/holiday-calendars.ts), instants as epoch milliseconds. */
export interface HolidayCalendarRow {
  year: number;
  holidays: string[];
  workingWeekends: string[];
  source: string;
  publishedAt: number | null;
  publishedBy: string | null;
  revision: number;
  fanOutId: string | null;
}

export interface StoredNotice {
  row: HolidayCalendarRow;
  /** The content differs from what the year had (or it had nothing). */
  changed: boolean;
  /** The fan-out of the revision this one replaced, which may still be running. */
  supersededFanOutId: string | null;
}

export interface ReadModel {
  readonly engine: Engine;
  compile(query: SQL): Statement;
  /**
   * Rows as the driver answers them, columns by their SQL names. Instants and counts are numbers on both
   * dialects; a flag is 0/1 on SQLite and a boolean on PostgreSQL: read it with `flag`.
   */
  rows<T = Record<string, unknown>>(query: SQL | Statement): Promise<T[]>;
  row<T = Record<string, unknown>>(query: SQL | Statement): Promise<T | undefined>;
  /** A write in a statement of its own; answers how many rows it changed. */
  exec(query: SQL | Statement): Promise<number>;
  /**
   * A petition's snapshot by row number, at once, where the driver can (SQLite's is synchronous): a listed
   * petition reads its snapshot only when a field asks for it. Absent, list pages read the snapshot with the row.
   */
  readonly snapshotNow?: (num: number) => string | undefined;

  /** Writes a petition's snapshot and new events (db/projection-rows.ts); idempotent, an older snapshot is ignored. */
  projectPetition(workflowId: string, state: PetitionState, events: TimelineEvent[]): Promise<void>;
  /**
   * Notices of petition events to the principals they concern (domain/petition/notices.ts): one row per
   * (petition, event, recipient), written once whatever the retries, and visible to readers in id order.
   */
  writeNotifications(notices: readonly Notice[]): Promise<void>;
  /** Writes an evaluation panel, replacing its rows; an older snapshot (lower version) changes nothing. */
  projectPanel(panel: PanelState): Promise<void>;
  /** Stores a checked holiday notice: unchanged content keeps its row, changed content replaces the year. */
  storeNotice(notice: CalendarYear, publishedBy: string, nowMs: number): Promise<StoredNotice>;
  close(): Promise<void>;
}

/** A flag column as either driver answers it. */
export function flag(value: unknown): boolean {
  return value === 1 || value === true;
}
