/**
 * Which actions the case page offers this principal now: the role's mutations (docs/api.md) whose status the
 * petition is in (docs/lifecycle.md). A hint that keeps the page short; the API still decides, and a refusal
 * is shown in Chinese with its reason.
 */
import type { PetitionStatus, Role } from '../gql/graphql';
import type { Petition } from './case-document';

export type ActionName =
  | 'acceptPetition'
  | 'routePetition'
  | 'declinePetition'
  | 'confirmRepeat'
  | 'dismissRepeat'
  | 'decideObjection'
  | 'recordSatisfaction'
  | 'requestReview'
  | 'signForReceipt'
  | 'raiseObjection'
  | 'chooseRoute'
  | 'replyPetition'
  | 'requestExtension'
  | 'decideExtension'
  | 'startHearing'
  | 'endHearing'
  | 'answerUrge'
  | 'recordAgreement'
  | 'submitAssignmentReport'
  | 'urge'
  | 'escalate'
  | 'instruct';

const BEFORE_ACCEPT: readonly PetitionStatus[] = ['REGISTERED', 'TRANSFERRED', 'ASSIGNED'];
const ANSWERING: readonly PetitionStatus[] = ['HANDLING', 'UNDER_REVIEW', 'UNDER_REEXAMINATION'];
const ENDED: readonly PetitionStatus[] = ['CONCLUDED', 'CLOSED', 'DECLINED', 'FORWARDED'];
const APPEALABLE: readonly PetitionStatus[] = ['DELIVERED', 'REVIEW_DELIVERED'];
// Where a unit owes the next step, as the API's lifecycle allows a 督办 (a registered item is the bureau's own).
const URGEABLE: readonly PetitionStatus[] = [
  'TRANSFERRED',
  'ASSIGNED',
  'HANDLING',
  'UNDER_REVIEW',
  'UNDER_REEXAMINATION',
];

function objectionPending(p: Petition): boolean {
  const last = p.timeline.filter((e) => e.type.startsWith('OBJECTION_')).at(-1);
  return last?.type === 'OBJECTION_RAISED';
}

const pendingExtension = (p: Petition) => p.extension.requests.some((r) => r.approved === null);
const hearingOpen = (p: Petition) => p.hearings.some((h) => !h.endedAt);
const urgeOpen = (p: Petition) => p.urges.some((u) => u.kind !== 'REMINDER' && !u.answeredAt);

const RULES: Record<ActionName, { roles: readonly Role[]; when(p: Petition, role: Role): boolean }> = {
  acceptPetition: {
    roles: ['REGISTRAR', 'UNIT_HANDLER'],
    // A unit handler accepts only what was brought directly to the unit (Art. 23 ¶2).
    when: (p, role) =>
      BEFORE_ACCEPT.includes(p.status) && !objectionPending(p) && (role !== 'UNIT_HANDLER' || p.direct),
  },
  routePetition: { roles: ['REGISTRAR'], when: (p) => p.status === 'REGISTERED' && !p.direct },
  declinePetition: {
    roles: ['REGISTRAR', 'UNIT_HANDLER'],
    when: (p, role) => BEFORE_ACCEPT.includes(p.status) && (role !== 'UNIT_HANDLER' || p.direct),
  },
  confirmRepeat: { roles: ['REGISTRAR'], when: (p) => !ENDED.includes(p.status) },
  dismissRepeat: { roles: ['REGISTRAR'], when: (p) => p.possibleRepeats.length > 0 },
  decideObjection: { roles: ['REGISTRAR'], when: objectionPending },
  recordSatisfaction: { roles: ['REGISTRAR'], when: (p) => p.reply !== null && p.status !== 'DECLINED' },
  requestReview: { roles: ['REGISTRAR'], when: (p) => APPEALABLE.includes(p.status) && p.path.appeals },
  signForReceipt: { roles: ['UNIT_HANDLER'], when: (p) => p.status === 'TRANSFERRED' || p.status === 'ASSIGNED' },
  raiseObjection: {
    roles: ['UNIT_HANDLER'],
    when: (p) => p.deadlines.some((d) => d.kind === 'OBJECTION_WINDOW' && !d.met && !d.overdue),
  },
  chooseRoute: {
    roles: ['UNIT_HANDLER'],
    when: (p) => p.status === 'HANDLING' && p.category === 'CLAIM' && !p.handlingRoute,
  },
  replyPetition: { roles: ['UNIT_HANDLER'], when: (p) => ANSWERING.includes(p.status) },
  requestExtension: {
    roles: ['UNIT_HANDLER'],
    when: (p) => ANSWERING.includes(p.status) && p.extension.daysGranted < p.extension.maxDays && !pendingExtension(p),
  },
  decideExtension: { roles: ['UNIT_HEAD'], when: pendingExtension },
  startHearing: { roles: ['UNIT_HANDLER'], when: (p) => ANSWERING.includes(p.status) && !hearingOpen(p) },
  endHearing: { roles: ['UNIT_HANDLER'], when: hearingOpen },
  answerUrge: { roles: ['UNIT_HANDLER'], when: urgeOpen },
  recordAgreement: { roles: ['UNIT_HANDLER'], when: (p) => p.status === 'HANDLING' && p.path.agreement },
  submitAssignmentReport: {
    roles: ['UNIT_HANDLER'],
    when: (p) =>
      p.routeMode === 'ASSIGN' &&
      !ENDED.includes(p.status) &&
      p.deadlines.some((d) => d.kind === 'ASSIGNMENT' && !d.met),
  },
  urge: { roles: ['SUPERVISOR'], when: (p) => URGEABLE.includes(p.status) },
  escalate: { roles: ['SUPERVISOR'], when: (p) => !p.escalation && !ENDED.includes(p.status) },
  instruct: { roles: ['LEADER'], when: (p) => p.escalation !== null },
};

export function availableActions(role: Role, petition: Petition): ActionName[] {
  return (Object.keys(RULES) as ActionName[]).filter((name) => {
    const rule = RULES[name];
    return (role === 'ADMIN' || rule.roles.includes(role)) && rule.when(petition, role);
  });
}
