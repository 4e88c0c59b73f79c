/**
 * 重复信访 as the API finds it in the read model: the earlier petitions matching proposes at registration, and
 * the earlier petition a registrar names (`repeatOf`), which must be a real one of the same petitioner.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { ReadModel } from '../db/connection';
import { petitions } from '../db/schema';
import { type MatchedFacts, petitionerKey, repeatReasons, respondentUnitOf } from '../domain/matter';
import type { Petitioner, PossibleRepeat, RepeatOf } from '../domain/petition';
import { badInput } from './errors';

/** The newest this many proposals are kept: a registrar weighs a few, not a petitioner's whole file. */
export const MAX_PROPOSALS = 5;

/** Earlier petitions of the same petitioner sharing the respondent unit or a similar summary, newest first. */
export function possibleRepeats(db: ReadModel, facts: MatchedFacts): PossibleRepeat[] {
  return db
    .select({
      id: petitions.id,
      status: petitions.status,
      category: petitions.category,
      matterKey: petitions.matterKey,
      summary: petitions.summary,
    })
    .from(petitions)
    .where(eq(petitions.petitionerKey, petitionerKey(facts.petitioner)))
    .orderBy(desc(petitions.registeredAt))
    .all()
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
export function earlierPetition(
  db: ReadModel,
  field: string,
  id: string,
  petitioner: Petitioner,
  before: number | null = null,
): RepeatOf {
  const earlier = db
    .select({ id: petitions.id, status: petitions.status, key: petitions.petitionerKey })
    .from(petitions)
    .where(
      before === null ? eq(petitions.id, id) : and(eq(petitions.id, id), lt(petitions.registeredAt, new Date(before))),
    )
    .get();
  if (!earlier) throw badInput(field, `${field}: no petition ${id} registered before this one`);
  if (earlier.key !== petitionerKey(petitioner))
    throw badInput(field, `${field}: petition ${id} is not this petitioner's`);
  return { petitionId: earlier.id, status: earlier.status };
}
