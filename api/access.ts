/** Who may read which petitions, and who sees the petitioner's personal data (API.md, Roles). */
import type { Principal } from './auth';

export type ReadScope = { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'none' };

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
    // Leaders read the cases escalated to them and reviewers their panels' cases: nothing until those exist.
    case 'LEADER':
    case 'REVIEWER':
      return { kind: 'none' };
  }
}

/** The units a petition concerns: the responsible unit and the organ that heard or hears its appeal. */
export interface PetitionUnits {
  unitId: string | null;
  reviewUnitId: string | null;
}

function concernsUnit(petition: PetitionUnits, unitId: string | null): boolean {
  return unitId !== null && (petition.unitId === unitId || petition.reviewUnitId === unitId);
}

export function canRead(principal: Principal, petition: PetitionUnits): boolean {
  const scope = readScope(principal);
  return scope.kind === 'all' || (scope.kind === 'unit' && concernsUnit(petition, scope.unitId));
}

/** The bureau's registrars and the unit handling the case need to reach the petitioner; others see a mask. */
export function seesPetitioner(principal: Principal | null, petition: PetitionUnits): boolean {
  if (!principal) return false;
  if (principal.role === 'REGISTRAR' || principal.role === 'ADMIN') return true;
  return (principal.role === 'UNIT_HANDLER' || principal.role === 'UNIT_HEAD') && concernsUnit(petition, principal.unitId);
}
