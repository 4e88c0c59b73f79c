/**
 * The bureau's statistics (docs/domain.md §5), each rate an exact fraction counted in SQL, with the rounding mode and
 * what the denominator counts stated next to it (昌宁's 95.37% = 227/238 only when truncated).
 *
 * Events count in [from, to). A deadline runs to 24:00 of its last day, which is the next day's 00:00: so a
 * deadline counts in (from, to], and one ending at 24:00 on 31 March is March's.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Engine, ReadModel } from '../db/read-model';
import type { Principal } from './auth';
import { apiError, badInput } from './errors';
import { daysSum, wholeDays, type DaySpan } from '../db/statistics-days';
import { exclusionCounts, firstExclusion, participationDefinition, RATING_EXCLUSIONS } from './rating-exclusions';

const DAY_MS = 86_400_000;

export type Rounding = 'HALF_UP' | 'TRUNCATE';

export interface StatisticsArgs {
  from: number;
  to: number;
  unitId?: string | null;
  repeatWindowDays?: number | null;
  rounding?: Rounding | null;
}

export interface StatisticsQuery {
  from: number;
  to: number;
  unitId: string | null;
  /** A unit role's own unit: the accusations against it are counted for the bureau only (api/access.ts). */
  accusedHiddenFrom?: string | null;
  repeatWindowDays: number;
  rounding: Rounding;
}

/** Checks the period and confines unit roles to their own unit. */
export function statisticsQuery(principal: Principal, args: StatisticsArgs): StatisticsQuery {
  if (!(args.from < args.to)) throw badInput('filter.to', 'the period must end after it starts');
  const repeatWindowDays = args.repeatWindowDays ?? 90;
  if (!Number.isInteger(repeatWindowDays) || repeatWindowDays < 0 || repeatWindowDays > 3650) {
    throw badInput('filter.repeatWindowDays', 'repeatWindowDays must be a whole number from 0 to 3650');
  }
  let unitId = args.unitId ?? null;
  let accusedHiddenFrom: string | null = null;
  if (principal.role === 'UNIT_HANDLER' || principal.role === 'UNIT_HEAD') {
    if (unitId && unitId !== principal.unitId) throw apiError('FORBIDDEN', 'a unit sees only its own statistics');
    unitId = principal.unitId;
    accusedHiddenFrom = principal.unitId;
  }
  const rounding = args.rounding ?? 'HALF_UP';
  return { from: args.from, to: args.to, unitId, accusedHiddenFrom, repeatWindowDays, rounding };
}

/** value × 100 with two decimals, rounded on the exact fraction (no floating-point drift). */
export function percent(numerator: number, denominator: number, rounding: Rounding): string | null {
  if (denominator === 0) return null;
  const hundredths =
    rounding === 'TRUNCATE'
      ? Math.floor((numerator * 10_000) / denominator)
      : Math.floor((numerator * 20_000 + denominator) / (2 * denominator));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** What 办结 is, wherever a figure counts it (the read model's delivered_at). */
const HANDLED = '办结: the opinion delivered, a 调解/和解 agreement signed, or the claim guided into another procedure';
const FORWARDED = 'items forwarded to 纪检监察 or 政法 (forwarded_to) are counted on neither side';

interface Fraction {
  num: number;
  den: number;
}

/**
 * The SQL behind every figure, by basis: one statement or several whose counts add up (`num`/`den` columns, and
 * more where one scan answers several figures), so that the benchmark can run exactly these statements alone.
 *
 * A period's whole Shanghai days are summed from statistics_days (db/statistics-days.ts) and only its partial days
 * at either end are scanned, each scan through an index that starts with its period column. What the counters
 * cannot hold is scanned over the whole days too: the numerators that cross two periods (received in it and 办结
 * before its end; 一次性化解 with the asked repeat window), through narrow partial indexes. `scan` (and a unit
 * role, whose figures leave out the accusations against it) scans the whole period: the straightforward count.
 */
export function statisticsQueries(
  q: StatisticsQuery,
  { scan = false, engine = 'sqlite' }: { scan?: boolean; engine?: Engine } = {},
) {
  // Every figure a unit reads of petitions leaves out the accusations against it, as its lists do.
  const hidden = q.accusedHiddenFrom;
  // On petitions by row number (which the covering indexes hold), elsewhere by the petition's id.
  const visible = (petitionId?: SQL) => {
    if (!hidden) return sql``;
    const [column, key] = petitionId ? [petitionId, sql.raw('acc.id')] : [sql`num`, sql.raw('acc.num')];
    return sql` AND ${column} NOT IN (SELECT ${key} FROM petitions acc WHERE acc.accused_unit_id = ${hidden})`;
  };
  const inUnit = (column: SQL, petitionId?: SQL) =>
    q.unitId ? sql` AND ${column} = ${q.unitId}${visible(petitionId)}` : visible(petitionId);
  // Both targets' latest ratings in one pass over the ratings of the period.
  const satisfied = (target: 'UNIT' | 'BUREAU') =>
    sql.raw(`count(*) FILTER (WHERE r.target = '${target}' AND r.level IN ('SATISFIED', 'BASICALLY_SATISFIED'))`);
  // The counters key no unit as '': an empty unit filter matches no petition and is scanned. Both dialects keep
  // the counters by triggers of the same definition (test/postgres/statistics-days.test.ts holds them equal).
  const span = scan || hidden || q.unitId === '' ? null : wholeDays(q.from, q.to);
  const scanned: [number, number][] = span
    ? (
        [
          [q.from, span.fromMs],
          [span.toMs, q.to],
        ] as [number, number][]
      ).filter(([lo, hi]) => lo < hi)
    : [[q.from, q.to]];
  const byDays = (scanPart: (lo: number, hi: number) => SQL, days: (whole: DaySpan) => SQL[]) => [
    ...scanned.map(([lo, hi]) => scanPart(lo, hi)),
    ...(span ? days(span) : []),
  ];
  const window = q.repeatWindowDays * DAY_MS;
  // For the city, the narrow partial index; SQLite, without statistics, takes the wider one of the same range.
  const narrow = (name: string) => (q.unitId || engine !== 'sqlite' ? sql`` : sql.raw(` INDEXED BY ${name}`));
  // LIMIT -1 keeps SQLite from copying a subquery's CASE into every count; PostgreSQL has no such limit.
  const unlimited = sql.raw(engine === 'sqlite' ? ' LIMIT -1' : '');
  return {
    // 办结率 on the base bureaus publish: what came in during the period; forwarded items are another organ's.
    received: byDays(
      (lo, hi) => sql`
        SELECT count(*) FILTER (WHERE delivered_at < ${q.to}) AS num,
          count(*) FILTER (WHERE status IN ('DECLINED', 'REGISTERED', 'TRANSFERRED', 'ASSIGNED')) AS never,
          count(*) AS den
        FROM petitions WHERE received_at >= ${lo} AND received_at < ${hi} AND forwarded_to IS NULL ${inUnit(sql`unit_id`)}`,
      (whole) => [
        daysSum('received', whole, q.unitId),
        sql`SELECT count(*) AS num FROM petitions${narrow('petitions_stats_received_open_idx')}
          WHERE received_at >= ${whole.fromMs} AND received_at < ${whole.toMs} AND forwarded_to IS NULL
            AND delivered_at < ${q.to} ${inUnit(sql`unit_id`)}`,
      ],
    ),
    registered: byDays(
      (lo, hi) => sql`
        SELECT count(*) FILTER (WHERE is_repeat) AS num, count(*) AS den
        FROM petitions WHERE registered_at >= ${lo} AND registered_at < ${hi} ${inUnit(sql`unit_id`)}`,
      (whole) => [daysSum('registered', whole, q.unitId)],
    ),
    overdueNow: [sql`SELECT count(*) AS num, count(*) AS den FROM petitions WHERE overdue ${inUnit(sql`unit_id`)}`],
    completion: [
      sql`
      SELECT count(*) FILTER (WHERE delivered_at < ${q.to}) AS num, count(*) AS den
      FROM petitions WHERE handling_due_at > ${q.from} AND handling_due_at <= ${q.to} ${inUnit(sql`unit_id`)}`,
    ],
    satisfaction: byDays(
      (lo, hi) => sql`
        SELECT ${satisfied('UNIT')} AS unit_num, count(*) FILTER (WHERE r.target = 'UNIT') AS unit_den,
          ${satisfied('BUREAU')} AS bureau_num, count(*) FILTER (WHERE r.target = 'BUREAU') AS bureau_den
        FROM petition_ratings r
        WHERE r.at >= ${lo} AND r.at < ${hi} AND r.latest ${inUnit(sql`r.unit_id`, sql`r.petition_id`)}`,
      (whole) => [daysSum('satisfaction', whole, q.unitId)],
    ),
    // What was delivered, in one pass: 按期办结率, 一次性化解率 and 参评率 with its exclusions. Each row is tried
    // once against the exclusions: LIMIT -1 keeps SQLite from copying the CASE into every count.
    delivered: byDays(
      (lo, hi) => sql`
        SELECT count(*) AS delivered,
          count(*) FILTER (WHERE delivered_at <= handling_due_at OR handling_due_at IS NULL) AS on_time,
          count(*) FILTER (WHERE is_first_time) AS first_den,
          count(*) FILTER (WHERE is_first_time AND NOT review_requested
            AND (repeated_at IS NULL OR repeated_at > delivered_at + ${window})) AS first_num,
          ${exclusionCounts()}
        FROM (SELECT delivered_at, handling_due_at, is_first_time, review_requested, repeated_at, rated,
            ${firstExclusion()} AS excluded
          FROM petitions WHERE delivered_at >= ${lo} AND delivered_at < ${hi} ${inUnit(sql`unit_id`)}${unlimited}) AS d`,
      (whole) => [
        daysSum('delivered', whole, q.unitId),
        sql`SELECT count(*) AS first_num FROM petitions${narrow('petitions_stats_first_time_idx')}
          WHERE delivered_at >= ${whole.fromMs} AND delivered_at < ${whole.toMs} AND is_first_time
            AND NOT review_requested AND (repeated_at IS NULL OR repeated_at > delivered_at + ${window}) ${inUnit(sql`unit_id`)}`,
      ],
    ),
    urges: [
      sql`
      SELECT count(*) FILTER (WHERE overdue_at IS NOT NULL) AS num, count(*) AS den
      FROM petition_urges WHERE issued_at >= ${q.from} AND issued_at < ${q.to} AND kind <> 'REMINDER' ${inUnit(sql`unit_id`, sql`petition_id`)}`,
    ],
    panels: [
      sql`
      SELECT count(*) AS num, (SELECT count(*) FROM panel_members m JOIN panels p2 ON p2.id = m.panel_id
          WHERE m.present AND p2.closed_at >= ${q.from} AND p2.closed_at < ${q.to}) AS den
      FROM panels WHERE closed_at >= ${q.from} AND closed_at < ${q.to}`,
    ],
    panelVerdicts: [
      sql`
      SELECT count(*) FILTER (WHERE c.verdict IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS num, count(*) AS den
      FROM panel_cases c JOIN panels p ON p.id = c.panel_id ${q.unitId ? sql`JOIN petitions pe ON pe.id = c.petition_id AND pe.unit_id = ${q.unitId}` : sql``}
      WHERE c.verdict IS NOT NULL AND p.closed_at >= ${q.from} AND p.closed_at < ${q.to}${visible(sql`c.petition_id`)}`,
    ],
    timelyNotice: [
      sql`
      SELECT count(*) FILTER (WHERE met_at <= due_at) AS num, count(*) AS den
      FROM petition_deadlines WHERE kind IN ('NOTICE', 'DIRECT_NOTICE') AND due_at > ${q.from} AND due_at <= ${q.to} ${inUnit(sql`unit_id`, sql`petition_id`)}`,
    ],
  };
}

/** Each basis's counts: its statements' columns added up (a missing or NULL sum is 0; PostgreSQL's sums are numeric). */
export async function statisticsCounts(db: ReadModel, q: StatisticsQuery, options: { scan?: boolean } = {}) {
  const counts = async (parts: SQL[]) => {
    const total: Record<string, number> = {};
    for (const part of parts) {
      for (const [column, value] of Object.entries((await db.row<Record<string, unknown>>(part)) ?? {})) {
        total[column] = (total[column] ?? 0) + Number(value ?? 0);
      }
    }
    return total;
  };
  const queries = statisticsQueries(q, { ...options, engine: db.engine });
  const entries = await Promise.all(
    Object.entries(queries).map(async ([basis, parts]) => [basis, await counts(parts)]),
  );
  return Object.fromEntries(entries) as Record<keyof typeof queries, Record<string, number>>;
}

export async function computeStatistics(db: ReadModel, q: StatisticsQuery, options: { scan?: boolean } = {}) {
  const counts = await statisticsCounts(db, q, options);
  const fraction = (basis: keyof typeof counts): Fraction => ({
    num: counts[basis].num ?? 0,
    den: counts[basis].den ?? 0,
  });
  const ratio = ({ num, den }: Fraction, definition: string) => ({
    numerator: num,
    denominator: den,
    value: den ? num / den : null,
    percent: percent(num, den, q.rounding),
    definition,
  });
  const registered = fraction('registered');
  const received = counts.received;
  const handled = counts.delivered;
  const participation = fraction('delivered');
  const delivered = { num: handled.on_time ?? 0, den: handled.delivered ?? 0 };
  const rated = counts.satisfaction;
  return {
    from: q.from,
    to: q.to,
    unitId: q.unitId,
    rounding: q.rounding,
    registered: registered.den,
    delivered: delivered.den,
    overdueNow: fraction('overdueNow').den,
    ...(({ num, den }) => ({ urgesIssued: den, urgesOverdue: num }))(fraction('urges')),
    // 第三方评议, as Shenzhen reports it: meetings, member attendances, cases evaluated, share satisfactory.
    ...(({ num, den }) => ({ panelsHeld: num, panelAttendances: den }))(fraction('panels')),
    evaluationSatisfactionRate: ratio(
      fraction('panelVerdicts'),
      'cases found satisfied or basically satisfied ÷ cases given a verdict by panels closed in the period',
    ),
    completionRate: ratio(
      fraction('completion'),
      'delivered by the end of the period ÷ petitions whose handling deadline (with extensions) falls in the period',
    ),
    receivedCompletionRate: ratio(
      { num: received.num ?? 0, den: received.den ?? 0 },
      `办结 before the end of the period (${HANDLED}) ÷ petitions received in the period, those never accepted included; ${FORWARDED}`,
    ),
    notAccepted: ratio(
      { num: received.never ?? 0, den: received.den ?? 0 },
      `received in the period and never accepted — declined (不予受理), or still REGISTERED, TRANSFERRED or ASSIGNED now — ÷ petitions received in the period; ${FORWARDED}`,
    ),
    onTimeCompletionRate: ratio(
      delivered,
      `delivered by the handling deadline, or with no handling clock (a suggestion, Art. 29; a claim on Art. 31 (五)) ÷ petitions delivered in the period (${HANDLED})`,
    ),
    unitSatisfactionRate: ratio(
      { num: rated.unit_num ?? 0, den: rated.unit_den ?? 0 },
      'satisfied or basically satisfied ÷ latest unit ratings given in the period',
    ),
    bureauSatisfactionRate: ratio(
      { num: rated.bureau_num ?? 0, den: rated.bureau_den ?? 0 },
      'satisfied or basically satisfied ÷ latest bureau ratings given in the period',
    ),
    ratingParticipationRate: ratio(participation, participationDefinition()),
    ratingExclusions: RATING_EXCLUSIONS.map(({ id, description, source }, i) => ({
      id,
      description,
      source,
      excluded: handled[`x${i}`] ?? 0,
    })),
    firstTimeResolutionRate: ratio(
      { num: handled.first_num ?? 0, den: handled.first_den ?? 0 },
      `first-time petitions delivered in the period with no 复查 and no repeat within ${q.repeatWindowDays} days ÷ first-time petitions delivered in the period`,
    ),
    repeatRate: ratio(registered, 'repeat petitions ÷ petitions registered in the period'),
    timelyNoticeRate: ratio(
      fraction('timelyNotice'),
      'notices (告知) given within their 15 days ÷ notices due in the period: of routed items from their 签收 by the unit (Art. 23 ¶3) and of items brought directly to their unit from receipt (Art. 23 ¶2)',
    ),
  };
}
