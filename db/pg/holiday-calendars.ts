/**
 * Stores a checked holiday notice in the PostgreSQL read model, as `storeNoticeSqlite` does (../holiday-calendars.ts):
 * unchanged content keeps its row and revision, changed content replaces the year with the next revision. SQLite
 * has one writer at a time; here two API processes may publish the same year at once, and both would read the
 * same revision and write the same next one. So the year is locked for the transaction: its row, or, while it has
 * none, an advisory lock on the year, after which the row is read again (the other may have written it meanwhile).
 */
import { eq, sql } from 'drizzle-orm';
import type { CalendarYear } from '../../domain/calendar';
import { noticeRow, sameContent } from '../holiday-calendars';
import type { StoredNotice } from '../read-model';
import type { PgReadModel } from './connection';
import { holidayCalendars } from './schema';

/** The advisory locks' first key, for a year's notice; the second is the year. Any number no other part locks on. */
const NOTICE_LOCK = 7_233_101;

export async function storeNoticePg(
  db: PgReadModel,
  notice: CalendarYear,
  publishedBy: string,
  nowMs: number,
): Promise<StoredNotice> {
  return db.transaction(async (tx) => {
    const lockedYear = () =>
      tx
        .select()
        .from(holidayCalendars)
        .where(eq(holidayCalendars.year, notice.year))
        .for('update')
        .then((rows) => rows[0]);
    let found = await lockedYear();
    if (!found) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${NOTICE_LOCK}, ${notice.year})`);
      found = await lockedYear();
    }
    const stored = found && { ...found, publishedAt: found.publishedAt?.getTime() ?? null };
    if (stored && sameContent(stored, notice)) return { row: stored, changed: false, supersededFanOutId: null };
    const values = noticeRow(notice, publishedBy, nowMs, (stored?.revision ?? 0) + 1);
    await tx.insert(holidayCalendars).values(values).onConflictDoUpdate({ target: holidayCalendars.year, set: values });
    return { row: { ...values, publishedAt: nowMs }, changed: true, supersededFanOutId: stored?.fanOutId ?? null };
  });
}
