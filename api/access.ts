/** Who may read which petitions, and who sees the petitioner's personal data (docs/api.md, Roles). */
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

/** Who a petition concerns: the responsible unit, the organ that heard or hears its appeal, its leader. */
export interface PetitionUnits {
  unitId: string | null;
  reviewUnitId: string | null;
  escalation?: { leaderId: string } | null;
}

function concernsUnit(petition: PetitionUnits, unitId: string | null): boolean {
  return unitId !== null && (petition.unitId === unitId || petition.reviewUnitId === unitId);
}

/** Whether the principal may read the petition; `onPanelOf` answers for reviewers (a read-model lookup). */
export function canRead(
  principal: Principal,
  petition: PetitionUnits,
  onPanelOf: (memberId: string) => boolean = () => false,
): boolean {
  const scope = readScope(principal);
  if (scope.kind === 'leader') return petition.escalation?.leaderId === scope.leaderId;
  if (scope.kind === 'reviewer') return onPanelOf(scope.memberId);
  return scope.kind === 'all' || (scope.kind === 'unit' && concernsUnit(petition, scope.unitId));
}

/** The bureau's registrars and the unit handling the case need to reach the petitioner; others see a mask. */
export function seesPetitioner(principal: Principal | null, petition: PetitionUnits): boolean {
  if (!principal) return false;
  if (principal.role === 'REGISTRAR' || principal.role === 'ADMIN') return true;
  // The leader who owns a case meets the petitioner (接访, 约访).
  if (principal.role === 'LEADER') return petition.escalation?.leaderId === principal.id;
  return (
    (principal.role === 'UNIT_HANDLER' || principal.role === 'UNIT_HEAD') && concernsUnit(petition, principal.unitId)
  );
}
