/** The statute table and the day-counting rules (docs/domain.md §2), as pure data and functions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatShanghai, isWorkingDay, periodEnd, shanghaiDayNumber } from '../../domain/calendar';
import { getProfile, PROFILES, ruleOf } from '../../domain/statute';
import { calendar } from '../support/calendar';

const at = (iso: string) => Date.parse(iso);
const end = (ms: number) => formatShanghai(ms);

describe('the statute table', () => {
  const national = getProfile();

  it('is the national 2022 条例 by default, with every row of docs/domain.md §2 in order', () => {
    expect(national.id).toBe('national-2022');
    expect(national.rules.map((r) => r.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
    ]);
    expect(new Set(national.rules.map((r) => r.id)).size).toBe(18);
  });

  it.each([
    ['REGISTER_AND_ROUTE', 15, 'CALENDAR_DAYS', '第二十二条'],
    ['NOTICE_ROUTED', 15, 'CALENDAR_DAYS', '第二十三条第三款'],
    ['JURISDICTION_OBJECTION', 5, 'WORKING_DAYS', '第二十三条第三款'],
    ['HANDLE', 60, 'CALENDAR_DAYS', '第三十四条'],
    ['EXTENSION', 30, 'CALENDAR_DAYS', '第三十四条'],
    ['REQUEST_REVIEW', 30, 'CALENDAR_DAYS', '第三十五条'],
    ['REVIEW_OPINION', 30, 'CALENDAR_DAYS', '第三十五条'],
    ['REQUEST_REEXAMINATION', 30, 'CALENDAR_DAYS', '第三十六条'],
    ['REEXAMINATION_OPINION', 30, 'CALENDAR_DAYS', '第三十六条第一、二款'],
    ['SIMPLIFIED_HANDLING', 10, 'WORKING_DAYS', '简易办理'],
  ] as const)('%s: %i %s, %s', (id, days, counting, article) => {
    const rule = ruleOf(national, id);
    expect(rule.days).toBe(days);
    expect(rule.counting).toBe(counting);
    expect(rule.article).toContain(article);
  });

  it('only the re-review (复核) clock is stopped by a hearing in the national profile (Art. 36)', () => {
    expect(national.rules.filter((r) => r.pausedByHearing).map((r) => r.id)).toEqual(['REEXAMINATION_OPINION']);
  });

  it('Zhejiang 2016 routes in 5 working days and handles in 30 + up to 60 days, citing its own articles', () => {
    const zj = getProfile('zhejiang-2016');
    expect(ruleOf(zj, 'REGISTER_AND_ROUTE')).toMatchObject({
      days: 5,
      counting: 'WORKING_DAYS',
      article: '《浙江省信访条例》第二十条',
    });
    expect(ruleOf(zj, 'HANDLE')).toMatchObject({ days: 30, article: '《浙江省信访条例》第二十三条' });
    expect(ruleOf(zj, 'EXTENSION')).toMatchObject({ days: 60 });
    expect(ruleOf(zj, 'REQUEST_REVIEW')).toEqual(ruleOf(national, 'REQUEST_REVIEW'));
  });

  it('an unknown profile is an error that names the known ones', () => {
    expect(() => getProfile('mars-2099')).toThrow(/national-2022/);
    expect(Object.keys(PROFILES)).toContain('zhejiang-2016');
  });
});

describe('counting days (start day not counted, ends 24:00 Asia/Shanghai, holidays roll forward)', () => {
  it('15 calendar days from a Tuesday end at 24:00 on the Wednesday two weeks later', () => {
    expect(end(periodEnd(at('2026-11-24T15:00:00+08:00'), 15, 'CALENDAR_DAYS', calendar))).toBe(
      '2026-12-10T00:00:00+08:00',
    );
  });

  it('the start day is the Shanghai day, even when UTC still says the day before', () => {
    // 00:30 in Shanghai on 1 Dec is 16:30 UTC on 30 Nov.
    expect(end(periodEnd(at('2026-12-01T00:30:00+08:00'), 1, 'CALENDAR_DAYS', calendar))).toBe(
      '2026-12-03T00:00:00+08:00',
    );
  });

  it('a last day on a weekend moves to Monday', () => {
    // Friday 20 Nov + 15 = Saturday 5 Dec → Monday 7 Dec.
    expect(end(periodEnd(at('2026-11-20T10:00:00+08:00'), 15, 'CALENDAR_DAYS', calendar))).toBe(
      '2026-12-08T00:00:00+08:00',
    );
  });

  it('a last day in the National Day holiday moves past it, to the working day after', () => {
    // 16 Sep + 15 = 1 Oct (holiday 1–7 Oct) → Thursday 8 Oct 2026.
    expect(end(periodEnd(at('2026-09-16T09:00:00+08:00'), 15, 'CALENDAR_DAYS', calendar))).toBe(
      '2026-10-09T00:00:00+08:00',
    );
  });

  it('an adjusted working Saturday (调休上班) is a working day: a period may end on it', () => {
    // 25 Sep + 15 = Saturday 10 Oct 2026, a declared working day.
    expect(isWorkingDay(calendar, shanghaiDayNumber(at('2026-10-10T12:00:00+08:00')))).toBe(true);
    expect(end(periodEnd(at('2026-09-25T09:00:00+08:00'), 15, 'CALENDAR_DAYS', calendar))).toBe(
      '2026-10-11T00:00:00+08:00',
    );
  });

  it('5 working days across the National Day holiday count the adjusted Saturday', () => {
    // From Wed 30 Sep: 8 Oct (1), 9 Oct (2), Sat 10 Oct (3), 12 Oct (4), 13 Oct (5).
    expect(end(periodEnd(at('2026-09-30T09:00:00+08:00'), 5, 'WORKING_DAYS', calendar))).toBe(
      '2026-10-14T00:00:00+08:00',
    );
  });

  it('Spring Festival 2026: 15–23 Feb off, Saturdays 14 and 28 Feb worked', () => {
    const day = (iso: string) => isWorkingDay(calendar, shanghaiDayNumber(at(`${iso}T12:00:00+08:00`)));
    expect(['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23'].map(day)).toEqual([false, false, false, false]);
    expect(['2026-02-14', '2026-02-24', '2026-02-28'].map(day)).toEqual([true, true, true]);
  });

  it('property: a period ends at a Shanghai midnight, on a working day, at least `days` days after the start day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-11-30T00:00:00Z') }),
        fc.integer({ min: 1, max: 90 }),
        fc.constantFrom('CALENDAR_DAYS' as const, 'WORKING_DAYS' as const),
        (start, days, rule) => {
          const due = periodEnd(start, days, rule, calendar);
          expect(end(due)).toMatch(/T00:00:00\+08:00$/);
          const lastDay = shanghaiDayNumber(due - 1);
          expect(isWorkingDay(calendar, lastDay)).toBe(true);
          expect(lastDay - shanghaiDayNumber(start)).toBeGreaterThanOrEqual(days);
          // One more day never ends sooner.
          expect(periodEnd(start, days + 1, rule, calendar)).toBeGreaterThanOrEqual(due);
        },
      ),
    );
  });
});
