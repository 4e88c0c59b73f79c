/**
 * What makes two petitions "the same petitioner on the same matter" (重复信访, docs/domain.md §7): a normalised
 * petitioner key and a matter key of category + respondent unit. The registrar can also confirm a link.
 */
import type { Category, Petitioner } from './petition';

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
