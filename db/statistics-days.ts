/**
 * Reading statistics_days (db/statistics-days-schema.ts): which whole Shanghai days a period holds, and the sums of
 * each basis over them, in the columns the scans of api/statistics.ts answer, so that a figure adds the two.
 */
import { sql, type SQL } from 'drizzle-orm';
import { RATING_EXCLUSIONS } from '../api/rating-exclusions';

const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year: a calendar day starts at 16:00 UTC of the day before. */
const SHANGHAI_MS = 8 * 3_600_000;

/** The whole days of a period, as day numbers [fromDay, toDay) and as instants [fromMs, toMs). */
export interface DaySpan {
  fromDay: number;
  toDay: number;
  fromMs: number;
  toMs: number;
}

/** The whole days inside [from, to), or null when the period holds none (it is scanned whole). */
export function wholeDays(from: number, to: number): DaySpan | null {
  const fromDay = Math.ceil((from + SHANGHAI_MS) / DAY_MS);
  const toDay = Math.floor((to + SHANGHAI_MS) / DAY_MS);
  if (!(fromDay < toDay)) return null;
  return { fromDay, toDay, fromMs: fromDay * DAY_MS - SHANGHAI_MS, toMs: toDay * DAY_MS - SHANGHAI_MS };
}

/**
 * The counters hold 参评率's exclusions a row states by itself, in the order of the rules; the unit-kind rule comes
 * second and is applied here, on `units` as it is now, as the scan applies it. Another list of rules needs other
 * counters (and a migration), so a different one stops here rather than miscounting.
 */
const EXPECTED_RULES = 'NOT_REGISTERED_ONLINE,ORGAN_NOT_RATED,STATUTORY_ROUTE,NOT_DISCLOSABLE';
if (RATING_EXCLUSIONS.map((rule) => rule.id).join() !== EXPECTED_RULES) {
  throw new Error(`statistics_days counts the rating exclusions ${EXPECTED_RULES}: migrate it to the new rules`);
}
/** The unit-kind rule's predicate reads `unit_id`, which statistics_days has too ('' for none: no unit's id). */
const organ = RATING_EXCLUSIONS[1]!.predicate;
const unlessOrgan = (column: string) => sql`sum(CASE WHEN ${organ} THEN 0 ELSE ${sql.raw(column)} END)`;

/** Each basis's sums, named as its scan names them. */
const COLUMNS = {
  received: sql`sum(received) AS den, sum(not_accepted) AS never`,
  registered: sql`sum(repeats) AS num, sum(registered) AS den`,
  delivered: sql`sum(delivered) AS delivered, sum(on_time) AS on_time, sum(first_time) AS first_den,
    ${unlessOrgan('eligible_rated')} AS num, ${unlessOrgan('eligible')} AS den, sum(offline) AS x0,
    sum(CASE WHEN ${organ} THEN statutory_route + not_disclosable + eligible ELSE 0 END) AS x1,
    ${unlessOrgan('statutory_route')} AS x2, ${unlessOrgan('not_disclosable')} AS x3`,
  satisfaction: sql`sum(unit_satisfied) AS unit_num, sum(unit_ratings) AS unit_den,
    sum(bureau_satisfied) AS bureau_num, sum(bureau_ratings) AS bureau_den`,
} as const;

/** One basis summed over the whole days of a period, for the city or one unit. */
export function daysSum(basis: keyof typeof COLUMNS, span: DaySpan, unitId: string | null): SQL {
  const unit = unitId === null ? sql`` : sql` AND unit_id = ${unitId}`;
  return sql`SELECT ${COLUMNS[basis]} FROM statistics_days WHERE day >= ${span.fromDay} AND day < ${span.toDay}${unit}`;
}
