/**
 * 检举控告类 (ACCUSATION): the accuser's identity and materials never reach the accused person or unit
 * (Art. 30 ¶3, Art. 46 (五)). The accused unit (被检举控告单位) of an accusation is its respondent unit.
 */
import type { Category } from './state';

/** What decides whether a petition is an accusation, and against whom. */
export interface AccusationFacts {
  /** Null when unknown (e.g. a petition the read model does not hold): then it accuses no one. */
  category: Category | null;
  respondentUnitId: string | null;
}

/** The unit an accusation is made against, or null for any other petition. */
export function accusedUnitOf(petition: AccusationFacts): string | null {
  return petition.category === 'ACCUSATION' ? petition.respondentUnitId : null;
}

/** Whether `unitId` is the unit the petition accuses. */
export function isAccusedUnit(petition: AccusationFacts, unitId: string | null | undefined): boolean {
  return !!unitId && accusedUnitOf(petition) === unitId;
}

/**
 * Why an accusation may not be sent to `unitId` (routed, accepted, or reviewed there), or null when it may:
 * the accused unit would receive the accuser's materials with it.
 */
export function accusedUnitRefusal(petition: AccusationFacts, unitId: string | null | undefined): string | null {
  if (!isAccusedUnit(petition, unitId)) return null;
  return `this accusation (检举控告) is made against ${unitId}: it goes to the competent organ (纪检监察), never to the accused unit (第三十条第三款)`;
}
