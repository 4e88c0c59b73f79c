/**
 * Moments as the API takes them. The console uses the browser's own date inputs (no date library in the bundle);
 * their values carry no zone, and the bureau's dates are Asia/Shanghai, so +08:00 is written explicitly.
 */

/** `2026-03-01T09:30` (an <input type="datetime-local">) → `2026-03-01T09:30:00+08:00`; empty → undefined. */
export function fromLocalInput(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  return `${value.length === 16 ? `${value}:00` : value}+08:00`;
}

/** `2026-03` → the first moment of that month in Shanghai. */
export function monthStart(month: string): string {
  return `${month}-01T00:00:00+08:00`;
}

/** The month after `2026-03`: `2026-04`. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `last`, oldest first. */
export function monthsUntil(last: string, count: number): string[] {
  const months = [last];
  while (months.length < count) {
    const [year, m] = months[0]!.split('-').map(Number) as [number, number];
    months.unshift(m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`);
  }
  return months;
}

/** This month in Shanghai, `2026-03`. */
export function currentMonth(now = new Date()): string {
  const shanghai = new Date(now.getTime() + 8 * 60 * 60 * 1000);
  return shanghai.toISOString().slice(0, 7);
}

/** A DateTime of the API as a date in words: 2026年3月1日. */
export function chineseDate(value: string | null | undefined): string {
  if (!value) return '____年__月__日';
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
