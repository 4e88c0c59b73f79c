/** The published notices in a real SQLite read model: the seeded years, storing a publication, what petitions get. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReadModel, type SqliteReadModel as ReadModel } from '../../db/connection';
import {
  calendarForNewPetition,
  listedCalendars,
  publishedYears,
  recordFanOut,
  storeNotice,
} from '../../db/holiday-calendars';
import type { CalendarYear } from '../../domain/calendar';
import { SEED_NOTICES } from '../../domain/seed-notices';
import { statutoryCalendarYear, statutoryHolidays } from '../../domain/statutory-holidays';

const NOTICE_2027: CalendarYear = {
  year: 2027,
  holidays: [...statutoryHolidays(2027), '2027-01-02', '2027-01-03'].sort(),
  workingWeekends: [],
  source: '示例：2027年部分节假日安排',
  provisional: false,
};
const IN_2026 = Date.parse('2026-06-01T10:00:00+08:00');

let dir: string;
let db: ReadModel;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fengqiao-calendars-'));
  db = openReadModel(join(dir, 'fengqiao.db'));
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('holiday_calendars', () => {
  it('a fresh read model has the 2025 and 2026 notices, exactly as seeded', async () => {
    expect(await publishedYears(db)).toEqual(
      SEED_NOTICES.map((n) => ({
        ...n,
        holidays: [...n.holidays].sort(),
        revision: 1,
        publishedAt: null,
        publishedBy: null,
      })),
    );
  });

  it('a new petition gets every notice and the statutory days of the years around it without one', async () => {
    const calendar = await calendarForNewPetition(db, IN_2026);
    expect(calendar.years.map((y) => [y.year, y.provisional])).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
      [2028, true],
      [2029, true],
      [2030, true],
    ]);
    expect(calendar.years[2]).toEqual(statutoryCalendarYear(2027));
    await storeNotice(db, NOTICE_2027, 'admin-1', IN_2026);
    expect((await calendarForNewPetition(db, IN_2026)).years[2]).toEqual({ ...NOTICE_2027, revision: 1 });
  });

  it('lists the published years and, provisional, this year to two years on without a notice', async () => {
    expect((await listedCalendars(db, IN_2026)).map((y) => [y.year, y.provisional])).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
      [2028, true],
    ]);
    // 31 Dec 2026 at 23:30 in Shanghai is 2026 there, whatever UTC says.
    expect((await listedCalendars(db, Date.parse('2026-12-31T23:30:00+08:00'))).at(-1)!.year).toBe(2028);
    expect((await listedCalendars(db, Date.parse('2027-01-01T00:30:00+08:00'))).at(-1)!.year).toBe(2029);
  });

  it('stores a notice once: the same again is no change, a correction is the next revision and replaces the year', async () => {
    const first = await storeNotice(db, NOTICE_2027, 'admin-1', IN_2026);
    expect(first).toMatchObject({
      changed: true,
      supersededFanOutId: null,
      row: { revision: 1, publishedBy: 'admin-1' },
    });
    await recordFanOut(db, 2027, 1, 'job-r1');
    expect(await storeNotice(db, NOTICE_2027, 'admin-2', IN_2026 + 1000)).toMatchObject({
      changed: false,
      row: { revision: 1, publishedBy: 'admin-1', fanOutId: 'job-r1' },
    });
    const corrected = { ...NOTICE_2027, workingWeekends: ['2027-01-09'] };
    expect(await storeNotice(db, corrected, 'admin-2', IN_2026 + 2000)).toMatchObject({
      changed: true,
      supersededFanOutId: 'job-r1',
      row: { revision: 2, publishedBy: 'admin-2', fanOutId: null, workingWeekends: ['2027-01-09'] },
    });
    // A fan-out noted for a revision that was replaced meanwhile is not written over the new one.
    await recordFanOut(db, 2027, 1, 'job-late');
    expect((await publishedYears(db)).find((y) => y.year === 2027)).toMatchObject({
      workingWeekends: ['2027-01-09'],
      publishedAt: IN_2026 + 2000,
      publishedBy: 'admin-2',
    });
    // Back to the first notice: a revision of its own, so its fan-out is a new one too.
    expect((await storeNotice(db, NOTICE_2027, 'admin-1', IN_2026 + 3000)).row.revision).toBe(3);
  });
});
