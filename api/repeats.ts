/**
 * 重复信访 as the API finds it in the read model: the earlier petitions matching proposes at registration, and
 * the earlier petition a registrar names (`repeatOf`), which must be a real one of the same petitioner.
 */
import { sql } from 'drizzle-orm';
import type { ReadModel } from '../db/read-model';
import { petitions } from '../db/schema';
import { type MatchedFacts, petitionerKey, repeatReasons, respondentUnitOf } from '../domain/matter';
import type { Category, Petitioner, PetitionStatus, PossibleRepeat, RepeatOf } from '../domain/petition';
import { badInput } from './errors';

type EarlierRow = Pick<PossibleRepeat, 'status'> & {
  id: string;
  category: Category;
  matterKey: string | null;
  summary: string;
};

/** The newest this many proposals are kept: a registrar weighs a few, not a petitioner's whole file. */
export const MAX_PROPOSALS = 5;

/** Earlier petitions of the same petitioner sharing the respondent unit or a similar summary, newest first. */
export async function possibleRepeats(db: ReadModel, facts: MatchedFacts): Promise<PossibleRepeat[]> {
  const rows = await db.rows<EarlierRow>(sql`SELECT id, status, category, matter_key AS "matterKey", summary
    FROM ${petitions} WHERE petitioner_key = ${petitionerKey(facts.petitioner)} ORDER BY registered_at DESC`);
  return rows
    .flatMap((row) => {
      const earlier = { ...facts, ...row, respondentUnitId: respondentUnitOf(row.category, row.matterKey) };
      const reasons = repeatReasons(facts, earlier);
      return reasons ? [{ petitionId: row.id, status: row.status, reasons }] : [];
    })
    .slice(0, MAX_PROPOSALS);
}

/**
 * The earlier petition a registrar names, as it stands now: refused with the field when there is none, when it
 * is another petitioner's, or when it was not registered before this one (`before`, when this one exists).
 */
export async function earlierPetition(
  db: ReadModel,
  field: string,
  id: string,
  petitioner: Petitioner,
  before: number | null = null,
): Promise<RepeatOf> {
  const registeredBefore = before === null ? sql`` : sql` AND registered_at < ${before}`;
  const earlier = await db.row<{ id: string; status: PetitionStatus; key: string }>(
    sql`SELECT id, status, petitioner_key AS "key" FROM ${petitions} WHERE id = ${id}${registeredBefore}`,
  );
  if (!earlier) throw badInput(field, `${field}: no petition ${id} registered before this one`);
  if (earlier.key !== petitionerKey(petitioner))
    throw badInput(field, `${field}: petition ${id} is not this petitioner's`);
  return { petitionId: earlier.id, status: earlier.status };
}
