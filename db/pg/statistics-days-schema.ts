/** PostgreSQL's copy of db/statistics-days-schema.ts, where what each counter counts is said. */
import { integer, primaryKey, pgTable, text } from 'drizzle-orm/pg-core';

/** A count, zero until a trigger adds to it. */
const count = (name: string) => integer(name).notNull().default(0);

export const statisticsDays = pgTable(
  'statistics_days',
  {
    /** Days since 1970-01-01 in Asia/Shanghai (UTC+8, no daylight saving): (ms + 8 h) / 24 h. */
    day: integer('day').notNull(),
    /** The petition's (or the rating's) unit, '' for none: a key column cannot hold NULL and still match. */
    unitId: text('unit_id').notNull(),
    /** By received_at, forwarded items left out: received, and those never accepted (status now). */
    received: count('received'),
    notAccepted: count('not_accepted'),
    /** By registered_at: registered, and repeats. */
    registered: count('registered'),
    repeats: count('repeats'),
    /** By delivered_at: delivered, on time (or without a handling clock), first-time. */
    delivered: count('delivered'),
    onTime: count('on_time'),
    firstTime: count('first_time'),
    /**
     * By delivered_at, 参评率's exclusions that a row states by itself, each counting the rows it is the first of
     * (api/rating-exclusions.ts); the unit-kind rule is applied when summing, from `units` as it is then.
     */
    offline: count('offline'),
    statutoryRoute: count('statutory_route'),
    notDisclosable: count('not_disclosable'),
    /** …and what none of them excludes, and of that what was rated. */
    eligible: count('eligible'),
    eligibleRated: count('eligible_rated'),
    /** By petition_ratings.at, latest ratings only: per target, given and satisfied or basically satisfied. */
    unitRatings: count('unit_ratings'),
    unitSatisfied: count('unit_satisfied'),
    bureauRatings: count('bureau_ratings'),
    bureauSatisfied: count('bureau_satisfied'),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId] })],
);
