/**
 * What makes two petitions "the same petitioner on the same matter" (重复信访, docs/domain.md §7): a normalised
 * petitioner key and a matter key of category + respondent unit. Matching only proposes; the registrar decides.
 */
import type { Category, Petitioner, RepeatReason } from './petition';

/** The ID number when there is one (the strongest identity), otherwise name and phone. */
export function petitionerKey(petitioner: Petitioner): string {
  const id = petitioner.idNumber?.replace(/\s+/g, '').toUpperCase();
  if (id) return `id:${id}`;
  return `name:${petitioner.name.replace(/\s+/g, '')}|${petitioner.phone?.replace(/\D+/g, '') ?? ''}`;
}

/** Null without a respondent unit: then only a registrar-confirmed link makes a repeat. */
export function matterKey(category: Category, respondentUnitId: string | null): string | null {
  return respondentUnitId ? `${category}:${respondentUnitId}` : null;
}

/** The respondent unit a matter key was made from (the inverse of `matterKey`). */
export function respondentUnitOf(category: Category, key: string | null): string | null {
  return key?.startsWith(`${category}:`) ? key.slice(category.length + 1) : null;
}

/** What matching compares of two petitions of one petitioner. */
export interface MatchedFacts {
  petitioner: Petitioner;
  category: Category;
  respondentUnitId: string | null;
  summary: string;
}

/** Summaries sharing at least this share of their character pairs (Dice) count as similar. */
export const SIMILAR_SUMMARY = 0.5;

/** Character pairs of a summary, punctuation and spaces left out: Chinese has no word breaks to compare. */
function pairs(text: string): Set<string> {
  const chars = [...text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '')];
  if (chars.length === 1) return new Set(chars);
  return new Set(chars.slice(1).map((c, i) => chars[i]! + c));
}

export function summarySimilarity(a: string, b: string): number {
  const x = pairs(a);
  const y = pairs(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const p of x) if (y.has(p)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}

/**
 * Why an earlier petition of the same petitioner (same `petitionerKey`) may be a repeat of a new one, or null
 * when it shares neither the respondent unit nor a similar summary: the same person alone proposes nothing,
 * and a category (three in all) is only a reason beside another.
 */
export function repeatReasons(newer: MatchedFacts, earlier: MatchedFacts): RepeatReason[] | null {
  const sameUnit = newer.respondentUnitId !== null && newer.respondentUnitId === earlier.respondentUnitId;
  const similar = summarySimilarity(newer.summary, earlier.summary) >= SIMILAR_SUMMARY;
  if (!sameUnit && !similar) return null;
  const who = petitionerKey(newer.petitioner);
  const identity: RepeatReason = who.startsWith('id:')
    ? 'SAME_ID_NUMBER'
    : newer.petitioner.phone
      ? 'SAME_NAME_AND_PHONE'
      : 'SAME_NAME';
  const reasons: RepeatReason[] = [identity];
  if (sameUnit) reasons.push('SAME_RESPONDENT_UNIT');
  if (newer.category === earlier.category) reasons.push('SAME_CATEGORY');
  if (similar) reasons.push('SIMILAR_SUMMARY');
  return reasons;
}
