/**
 * Who may give each command, judged on the petition's own state: the role, and for a unit's roles the unit that
 * acts on the case now (the responsible unit, or the organ hearing its appeal); for a leader's 批示 the leader who
 * owns it. The API checks the same on its read model first, but the read model lags a change by milliseconds
 * and Temporal can be reached without the API: the workflow's validator is where it is decided.
 */
import { Refusal } from '../error-codes';
import type { Role } from '../roles';
import { actingUnitId, type CommandName } from './lifecycle';
import type { Actor, PetitionState } from './state';

const UNIT: Role[] = ['UNIT_HANDLER'];
const BUREAU: Role[] = ['REGISTRAR'];

/** The roles that may give each command; ADMIN may give any (docs/roles.md). */
export const COMMAND_ROLES: { readonly [N in CommandName]: readonly Role[] } = {
  // A petition brought directly to a unit is accepted or declined there (Art. 23 ¶2).
  accept: ['REGISTRAR', 'UNIT_HANDLER'],
  decline: ['REGISTRAR', 'UNIT_HANDLER'],
  route: BUREAU,
  confirmRepeat: BUREAU,
  dismissRepeat: BUREAU,
  decideObjection: BUREAU,
  recordSatisfaction: BUREAU,
  requestReview: BUREAU,
  requestExtension: UNIT,
  decideExtension: ['UNIT_HEAD'],
  startHearing: UNIT,
  endHearing: UNIT,
  reply: UNIT,
  answerUrge: UNIT,
  signForReceipt: UNIT,
  raiseObjection: UNIT,
  submitAssignmentReport: UNIT,
  chooseRoute: UNIT,
  recordAgreement: UNIT,
  urge: ['SUPERVISOR'],
  escalate: ['SUPERVISOR'],
  instruct: ['LEADER'],
  // The bureau files what came with the petition; the unit acting on it, what it gathers.
  attachMaterial: ['REGISTRAR', 'UNIT_HANDLER'],
};

function forbidden(message: string): never {
  throw new Refusal('FORBIDDEN', message);
}

/** The unit a unit's command must come from: the 办结报告 is the routed unit's, anything else the acting unit's. */
function unitOwing(name: CommandName, state: PetitionState): string | null {
  if (name === 'submitAssignmentReport') return state.routing?.unitId ?? state.unitId;
  return actingUnitId(state);
}

export function assertActorMayAct(name: CommandName, state: PetitionState, actor: Actor): void {
  const role = actor.role as Role;
  if (role === 'ADMIN') return;
  if (!COMMAND_ROLES[name].includes(role)) forbidden(`role ${actor.role} may not ${name}`);
  if (role === 'UNIT_HANDLER' || role === 'UNIT_HEAD') {
    const owing = unitOwing(name, state);
    if (!actor.unitId || actor.unitId !== owing)
      forbidden(`petition ${state.petitionId} is with ${owing ?? 'no unit'}, not with ${actor.unitId ?? 'your unit'}`);
    if ((name === 'accept' || name === 'decline') && state.direct !== true)
      forbidden('a unit accepts or declines only a petition brought directly to it');
  }
  if (role === 'LEADER' && state.escalation?.leaderId !== actor.id)
    forbidden(`petition ${state.petitionId} is not escalated to ${actor.id}`);
}
