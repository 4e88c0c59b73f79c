/**
 * 参评率's exclusions as data ([SAT] art. 4, docs/domain.md §5): the petitions delivered in a period that are not
 * eligible for the petitioner's rating, one rule a row, each with its id, what it says, where it comes from and the
 * SQL predicate on a `petitions` row that states it. `api/statistics.ts` builds the eligible base, the count of
 * what each rule left out and the figure's definition from this list alone.
 */
import { sql, type SQL } from 'drizzle-orm';
import { HANDLING_ROUTES, PATHS, type HandlingRoute, type UnitKind } from '../domain/petition/paths';

export interface RatingExclusionRule {
  /** Stable, for clients that key on it. */
  id: string;
  description: string;
  /** The article it rests on. */
  source: string;
  /** True on a `petitions` row the rule leaves out (NULL counts as false). */
  predicate: SQL;
}

const quoted = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** 人大, 法院 and 检察院: not the government's petition work, so not rated with it. */
const ORGANS_NOT_RATED: readonly UnitKind[] = ['PEOPLES_CONGRESS', 'COURT', 'PROCURATORATE'];
/** Art. 31 (一)–(四): the claim guided into its 法定途径 (litigation, arbitration, party appeal, administrative). */
const GUIDED_ROUTES: readonly HandlingRoute[] = HANDLING_ROUTES.filter((route) => PATHS[route].endsOnChoice);

export const RATING_EXCLUSIONS: readonly RatingExclusionRule[] = [
  {
    id: 'NOT_REGISTERED_ONLINE',
    description: 'not first registered online (channel other than ONLINE)',
    source: '[SAT] art. 4',
    predicate: sql`channel <> 'ONLINE'`,
  },
  {
    id: 'ORGAN_NOT_RATED',
    description: 'the responsible unit is a 人大, 法院 or 检察院 (units.kind PEOPLES_CONGRESS, COURT, PROCURATORATE)',
    source: '[SAT] art. 4',
    predicate: sql`unit_id IN (SELECT u.id FROM units u WHERE u.kind IN (${quoted(ORGANS_NOT_RATED)}))`,
  },
  {
    id: 'STATUTORY_ROUTE',
    description:
      'on a 法定途径: guided into another procedure under Art. 31 (一)–(四), or forwarded to 纪检监察 or 政法 (Arts. 22 ¶2, 30)',
    source: '[SAT] art. 4; 《信访工作条例》第二十二条第二款、第三十条、第三十一条第(一)至(四)项',
    predicate: sql`(handling_route IN (${quoted(GUIDED_ROUTES)}) OR forwarded_to IS NOT NULL)`,
  },
  {
    id: 'NOT_DISCLOSABLE',
    description: 'may not be disclosed: a 检举控告 (category ACCUSATION), whose accuser is kept secret',
    source: '[SAT] art. 4; 《信访工作条例》第三十条第三款',
    predicate: sql`category = 'ACCUSATION'`,
  },
];

/**
 * The index of the first rule that holds on a `petitions` row, NULL when none does (the row may be rated): a
 * predicate that is NULL (an unknown route) holds no more than a false one. Each row is tried against the rules in
 * order until one holds, so that the counts per rule and the eligible base add up to the rows.
 */
export function firstExclusion(rules: readonly RatingExclusionRule[] = RATING_EXCLUSIONS): SQL {
  return sql`CASE ${sql.join(
    rules.map((rule, i) => sql`WHEN ${rule.predicate} THEN ${sql.raw(String(i))}`),
    sql` `,
  )} END`;
}

/**
 * Over rows with `excluded` (= firstExclusion) and `rated`: 参评率's `num` and `den`, and one column per rule (`x0`,
 * `x1`, …) with the rows it excluded first.
 */
export function exclusionCounts(rules: readonly RatingExclusionRule[] = RATING_EXCLUSIONS): SQL {
  return sql.join(
    [
      sql`count(*) FILTER (WHERE excluded IS NULL AND rated) AS num`,
      sql`count(*) FILTER (WHERE excluded IS NULL) AS den`,
      ...rules.map((_, i) => sql.raw(`count(*) FILTER (WHERE excluded = ${i}) AS x${i}`)),
    ],
    sql`, `,
  );
}

/** The definition of 参评率 the answer carries, from the list. */
export function participationDefinition(rules: readonly RatingExclusionRule[] = RATING_EXCLUSIONS): string {
  const excluded = rules.map((r, i) => `(${i + 1}) ${r.description} [${r.source}]`).join('; ');
  return `rated ÷ petitions delivered in the period that may be rated, leaving out ${excluded}; a petition several rules exclude counts under the first (ratingExclusions)`;
}
