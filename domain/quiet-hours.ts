/**
 * Quiet hours (免打扰时段): the part of the Asia/Shanghai day in which notices that can wait are held back from
 * the bureau's group chats and the petitioners' phones. Pure and deterministic, so the delivery workflow decides
 * on its own workflow time and a replay decides the same.
 */
import { SHANGHAI_OFFSET_MS } from './calendar';

const DAY_MS = 86_400_000;

/** Minutes after Shanghai midnight; `start` after `end` spans midnight (22:00–07:00). */
export interface QuietHours {
  start: number;
  end: number;
}

export const DEFAULT_QUIET_HOURS = '22:00-07:00';

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(clock: string): number {
  const match = CLOCK.exec(clock.trim());
  if (!match) throw new Error(`quiet hours: "${clock}" is not a time of day like 07:00`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `22:00-07:00` as configured; `off` (or an empty span) for none. */
export function parseQuietHours(text: string): QuietHours | null {
  if (text.trim().toLowerCase() === 'off') return null;
  const [start, end, ...rest] = text.split('-');
  if (start === undefined || end === undefined || rest.length) {
    throw new Error(`quiet hours: "${text}" is not a span like ${DEFAULT_QUIET_HOURS}, or off`);
  }
  const span = { start: minutesOf(start), end: minutesOf(end) };
  return span.start === span.end ? null : span;
}

/**
 * When the quiet hours around `nowMs` end, or null outside them. The start is inside the span and the end is
 * not: a notice at 07:00 sharp goes at once, one at 22:00 sharp waits.
 */
export function quietUntil(nowMs: number, quiet: QuietHours | null): number | null {
  if (!quiet) return null;
  const local = nowMs + SHANGHAI_OFFSET_MS;
  const midnight = Math.floor(local / DAY_MS) * DAY_MS;
  const minute = Math.floor((local - midnight) / 60_000);
  const inside =
    quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
  if (!inside) return null;
  const endToday = midnight + quiet.end * 60_000;
  // Past midnight's start (or a span within one day) ends today; before midnight it ends tomorrow.
  const end = endToday > local ? endToday : endToday + DAY_MS;
  return end - SHANGHAI_OFFSET_MS;
}
