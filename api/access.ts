/**
 * Who may read which petitions, and who sees the petitioner's personal data (docs/api.md, Roles; docs/roles.md):
 * one decision, `petitionAccess`, that every field, list, search and command goes through (the SQL of lists and
 * statistics states the same rule as `scopeArms`'s and `hiddenFromUnit`'s conditions).
 */
import { isAccusedUnit, type AccusationFacts } from '../domain/petition/accusation';
import type { Principal } from './auth';

export type ReadScope =
  | { kind: 'all' }
  | { kind: 'unit'; unitId: string }
  | { kind: 'leader'; leaderId: string }
  | { kind: 'reviewer'; memberId: string }
  | { kind: 'none' };

export function readScope(principal: Principal): ReadScope {
  switch (principal.role) {
    case 'REGISTRAR':
    case 'SUPERVISOR':
    case 'TESTER':
    case 'ADMIN':
      return { kind: 'all' };
    case 'UNIT_HANDLER':
    case 'UNIT_HEAD':
      return principal.unitId ? { kind: 'unit', unitId: principal.unitId } : { kind: 'none' };
    // 包案领导 read the cases escalated to them.
    case 'LEADER':
      return { kind: 'leader', leaderId: principal.id };
    // Reviewers (两代表一委员, lawyers) read the cases before their panels.
    case 'REVIEWER':
      return principal.memberId ? { kind: 'reviewer', memberId: principal.memberId } : { kind: 'none' };
  }
}

/**
 * Who a petition concerns: the responsible unit, the organ that heard or hears its appeal, its leader, and for
 * an accusation the unit it accuses.
 */
export interface PetitionUnits extends AccusationFacts {
  unitId: string | null;
  reviewUnitId: string | null;
  escalation?: { leaderId: string } | null;
}

/**
 * How much of a petition a principal gets: HIDDEN — nothing, answered exactly as for a petition that does not
 * exist; MASKED — everything but the petitioner's personal data; FULL — everything.
 */
export type PetitionAccess = 'HIDDEN' | 'MASKED' | 'FULL';

function concernsUnit(petition: PetitionUnits, unitId: string | null): boolean {
  return unitId !== null && (petition.unitId === unitId || petition.reviewUnitId === unitId);
}

/** The bureau's registrars, the unit handling the case and the leader owning it need to reach the petitioner. */
function needsPetitioner(principal: Principal, petition: PetitionUnits): boolean {
  if (principal.role === 'REGISTRAR' || principal.role === 'ADMIN') return true;
  // The leader who owns a case meets the petitioner (接访, 约访).
  if (principal.role === 'LEADER') return petition.escalation?.leaderId === principal.id;
  return (
    (principal.role === 'UNIT_HANDLER' || principal.role === 'UNIT_HEAD') && concernsUnit(petition, principal.unitId)
  );
}

/** The access decision; `onPanelOf` answers for reviewers (a read-model lookup). */
export function petitionAccess(
  principal: Principal | null,
  petition: PetitionUnits,
  onPanelOf: (memberId: string) => boolean = () => false,
): PetitionAccess {
  if (!principal) return 'HIDDEN';
  const scope = readScope(principal);
  // Before any other rule: the accused unit learns nothing of an accusation, not even that it exists, whatever
  // else ties it to the case (Art. 30 ¶3, Art. 46 (五)).
  if (scope.kind === 'unit' && isAccusedUnit(petition, scope.unitId)) return 'HIDDEN';
  const readable =
    scope.kind === 'leader'
      ? petition.escalation?.leaderId === scope.leaderId
      : scope.kind === 'reviewer'
        ? onPanelOf(scope.memberId)
        : scope.kind === 'all' || (scope.kind === 'unit' && concernsUnit(petition, scope.unitId));
  if (!readable) return 'HIDDEN';
  return needsPetitioner(principal, petition) ? 'FULL' : 'MASKED';
}

/** Whether the principal may read the petition at all. */
export function canRead(
  principal: Principal | null,
  petition: PetitionUnits,
  onPanelOf?: (memberId: string) => boolean,
): boolean {
  return petitionAccess(principal, petition, onPanelOf) !== 'HIDDEN';
}

/** Whether the principal sees the petitioner unmasked (never without reading the petition). */
export function seesPetitioner(principal: Principal | null, petition: PetitionUnits): boolean {
  return petitionAccess(principal, petition) === 'FULL';
}
