/**
 * The State Council notices (国务院办公厅关于部分节假日安排的通知) the read model is seeded with. A bureau publishes
 * later years as data (`publishHolidayCalendar`, docs/calendar.md); this file is not where they go.
 *
 * `LEGACY_CALENDAR` is what petition runs begun before the calendar became workflow data counted on (these two
 * years, weekends only elsewhere): those histories replay on it, and nothing else may read it.
 */
import type { CalendarYear, HolidayCalendar } from './calendar';

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export const SEED_NOTICES: readonly CalendarYear[] = [
  {
    year: 2025,
    provisional: false,
    source: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)',
    holidays: [
      ...days('2025-01-01', '2025-01-01'),
      ...days('2025-01-28', '2025-02-04'),
      ...days('2025-04-04', '2025-04-06'),
      ...days('2025-05-01', '2025-05-05'),
      ...days('2025-05-31', '2025-06-02'),
      ...days('2025-10-01', '2025-10-08'),
    ],
    workingWeekends: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    provisional: false,
    source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    holidays: [
      ...days('2026-01-01', '2026-01-03'),
      ...days('2026-02-15', '2026-02-23'),
      ...days('2026-04-04', '2026-04-06'),
      ...days('2026-05-01', '2026-05-05'),
      ...days('2026-06-19', '2026-06-21'),
      ...days('2026-09-25', '2026-09-27'),
      ...days('2026-10-01', '2026-10-07'),
    ],
    workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

export const LEGACY_CALENDAR: HolidayCalendar = { years: SEED_NOTICES };
