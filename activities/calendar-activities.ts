/**
 * The holiday calendar for a petition run that has none in its history: one begun by a client that did not pass
 * it, or continued from a run begun before the calendar was workflow data. Read once; the answer is then in the
 * run's history like any activity result, and continue-as-new carries it on.
 */
import type { HolidayCalendar } from '../domain/calendar';
import type { ReadModel } from '../db/read-model';
import { calendarForNewPetition } from '../db/holiday-calendars';

export interface CalendarActivities {
  loadHolidayCalendar(input: { at: number }): Promise<HolidayCalendar>;
}

export function createCalendarActivities(db: ReadModel): CalendarActivities {
  return {
    async loadHolidayCalendar({ at }) {
      return calendarForNewPetition(db, at);
    },
  };
}
