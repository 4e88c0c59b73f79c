/**
 * What test/system/roles.test.ts sends: the fixtures each call is aimed at, and every operation of API.md as a
 * document with its variables. Where a role may call an operation, the fixture's state makes the rules refuse it
 * (noted at each), so that no cell writes anything the others would see.
 */
import { statutoryHolidays } from '../../domain/statutory-holidays';
import { PANEL_OF_FIVE as MEMBERS } from './panel-members';

/**
 * What a call is aimed at, built once before the matrix runs:
 * - handling:  unit A's petition in HANDLING, its 督办 DB-1 answered, a hearing (听证) open
 * - escalated: unit A's petition in HANDLING, escalated (提级包案) to LDR, no hearing
 * - closed:    unit A's petition, delivered, then CLOSED when its 复查 window ran out; the case before `panel`
 * - panel:     an evaluation panel of five (REV among them, not REV/X) over `closed`, still open
 * - accusation: a 检举控告 against unit B, accepted by B itself before the API refused that
 *   (test/support/accusations.ts), in HANDLING: all that B's roles could do on a case of their own, they are
 *   refused as for a petition that does not exist (Art. 30 ¶3)
 */
export type Target = 'handling' | 'escalated' | 'closed' | 'panel' | 'accusation';

/** Ids of the same shape that were never issued: a hidden target must answer exactly as these do. */
export const MADE_UP: Record<Target, string> = {
  handling: 'XF-0000DEADBEEF',
  escalated: 'XF-0000DEADBEEF',
  closed: 'XF-0000DEADBEEF',
  panel: 'PY-0000DEADBEEF',
  accusation: 'XF-0000DEADBEEF',
};

export interface Fixtures extends Record<Target, string> {
  /** `handling`'s history as the API exports it, for replayHistory. */
  history: unknown;
}

export interface Operation {
  document: string;
  /** The variables, given the target's id (or a made-up one). */
  variables?: (id: string, fixtures: Fixtures) => Record<string, unknown>;
}

const PERIOD = { from: '2020-01-01T00:00:00+08:00', to: '2040-01-01T00:00:00+08:00' };
export const PETITION = '{ id status }';
export const byId = (id: string) => ({ id });

export const REGISTER = `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) ${PETITION} }`;
export const CONVENE =
  'mutation($input: ConveneEvaluationPanelInput!) { conveneEvaluationPanel(input: $input) { id } }';
export const registration = (summary: string) => ({
  petitioner: { name: '权限测试', phone: '13600002222' },
  channel: 'ONLINE',
  category: 'CLAIM',
  summary,
  content: `${summary}，请求处理`,
});

export const OPERATIONS: Record<string, Operation> = {
  viewer: { document: '{ viewer { id role } }' },
  statute: { document: '{ statute { id days article } }' },
  petition: { document: 'query($id: ID!) { petition(id: $id) { id status petitioner { masked } } }', variables: byId },
  petitions: { document: '{ petitions(first: 5) { edges { node { id } } } }' },
  statistics: {
    document: 'query($filter: StatisticsFilter!) { statistics(filter: $filter) { unitId registered } }',
    variables: () => ({ filter: PERIOD }),
  },
  'statistics of U-FT-01': {
    document: 'query($filter: StatisticsFilter!) { statistics(filter: $filter) { unitId registered } }',
    variables: () => ({ filter: { ...PERIOD, unitId: 'U-FT-01' } }),
  },
  panel: { document: 'query($id: ID!) { panel(id: $id) { id status } }', variables: byId },
  panels: { document: '{ panels { id } }' },
  petitionHistory: { document: 'query($id: ID!) { petitionHistory(id: $id) }', variables: byId },
  registerPetition: { document: REGISTER, variables: () => ({ input: registration('权限矩阵登记') }) },
  // Already HANDLING: accept, route and decline are refused by the rules.
  acceptPetition: {
    document: `mutation($id: ID!) { acceptPetition(id: $id, unitId: "U-FT-01") ${PETITION} }`,
    variables: byId,
  },
  routePetition: {
    document: `mutation($id: ID!) { routePetition(id: $id, unitId: "U-FT-02", mode: ASSIGN) ${PETITION} }`,
    variables: byId,
  },
  declinePetition: {
    document: `mutation($id: ID!) { declinePetition(id: $id, reason: OTHER) ${PETITION} }`,
    variables: byId,
  },
  // Already accepted, so no repeat can be decided; `closed` is an earlier petition of the same petitioner.
  confirmRepeat: {
    document: `mutation($id: ID!, $repeatOf: ID!) { confirmRepeat(id: $id, repeatOf: $repeatOf) ${PETITION} }`,
    variables: (id, f) => ({ id, repeatOf: f.closed }),
  },
  dismissRepeat: {
    document: `mutation($id: ID!, $candidateId: ID!) { dismissRepeat(id: $id, candidateId: $candidateId) ${PETITION} }`,
    variables: (id, f) => ({ id, candidateId: f.closed }),
  },
  // Accepted already: nothing to sign for, object to, decide or report on (its route was not a 交办).
  signForReceipt: { document: `mutation($id: ID!) { signForReceipt(id: $id) ${PETITION} }`, variables: byId },
  raiseObjection: {
    document: `mutation($id: ID!) { raiseObjection(id: $id, reason: "不属本单位职权") ${PETITION} }`,
    variables: byId,
  },
  decideObjection: {
    document: `mutation($id: ID!) { decideObjection(id: $id, agree: true) ${PETITION} }`,
    variables: byId,
  },
  submitAssignmentReport: {
    document: `mutation($id: ID!) { submitAssignmentReport(id: $id, text: "已办结") ${PETITION} }`,
    variables: byId,
  },
  // `handling` has its hearing open: a route that is not heard, or an agreement, waits for it to end.
  chooseRoute: {
    document: `mutation($id: ID!) { chooseRoute(id: $id, route: LEGAL_PROCEDURE) ${PETITION} }`,
    variables: byId,
  },
  recordAgreement: {
    document: `mutation($id: ID!) { recordAgreement(id: $id, kind: MEDIATION, text: "调解协议") ${PETITION} }`,
    variables: byId,
  },
  // One day over the statute's 30.
  requestExtension: {
    document: `mutation($id: ID!) { requestExtension(id: $id, days: 31, reason: "需核查") ${PETITION} }`,
    variables: byId,
  },
  // No request is waiting.
  decideExtension: {
    document: `mutation($id: ID!) { decideExtension(id: $id, approve: true) ${PETITION} }`,
    variables: byId,
  },
  // `handling` has its hearing open already; `escalated` has none to end.
  startHearing: { document: `mutation($id: ID!) { startHearing(id: $id) ${PETITION} }`, variables: byId },
  endHearing: { document: `mutation($id: ID!) { endHearing(id: $id) ${PETITION} }`, variables: byId },
  // Not while the hearing is open.
  replyPetition: {
    document: `mutation($id: ID!) { replyPetition(id: $id, outcome: EXPLAIN, text: "已答复") ${PETITION} }`,
    variables: byId,
  },
  // Only after a delivered opinion.
  recordSatisfaction: {
    document: `mutation($id: ID!) { recordSatisfaction(id: $id, level: SATISFIED) ${PETITION} }`,
    variables: byId,
  },
  // `closed` let its window run out.
  requestReview: {
    document: `mutation($id: ID!) { requestReview(id: $id, reason: "不服") ${PETITION} }`,
    variables: byId,
  },
  urge: { document: `mutation($id: ID!) { urge(id: $id, message: "请报告进展") ${PETITION} }`, variables: byId },
  // DB-1 was answered when the fixture was built.
  answerUrge: {
    document: `mutation($id: ID!) { answerUrge(id: $id, urgeId: "DB-1", text: "已处理") ${PETITION} }`,
    variables: byId,
  },
  // Escalated already.
  escalate: {
    document: `mutation($id: ID!) { escalate(id: $id, leaderId: "leader-li", reason: "久拖") ${PETITION} }`,
    variables: byId,
  },
  instruct: {
    document: `mutation($id: ID!) { instruct(id: $id, text: "一周内拿出方案") ${PETITION} }`,
    variables: byId,
  },
  conveneEvaluationPanel: {
    document: CONVENE,
    variables: (id) => ({ input: { title: '权限矩阵评议会', members: MEMBERS, petitionIds: [id] } }),
  },
  recordEvaluation: {
    document:
      'mutation($id: ID!, $petitionId: ID!) { recordEvaluation(panelId: $id, petitionId: $petitionId, verdict: SATISFIED) { id status } }',
    variables: (id, f) => ({ id, petitionId: f.closed }),
  },
  // M-LAW-1 (REV) is present: harmless, REV votes on the panel anyway.
  recordAttendance: {
    document:
      'mutation($id: ID!) { recordAttendance(panelId: $id, memberIds: ["M-LAW-1"]) { id status members { attended } } }',
    variables: byId,
  },
  replayHistory: {
    document: 'mutation($history: JSON!) { replayHistory(history: $history) { ok events } }',
    variables: (_, f) => ({ history: f.history }),
  },
  holidayCalendars: { document: '{ holidayCalendars { year provisional } }' },
  // A year no open petition's clock reaches, so the matrix re-plans nothing.
  publishHolidayCalendar: {
    document:
      'mutation($input: PublishHolidayCalendarInput!) { publishHolidayCalendar(input: $input) { calendar { year } } }',
    variables: () => ({
      input: { year: 2099, holidays: statutoryHolidays(2099), workingWeekends: [], source: '权限矩阵测试用通知' },
    }),
  },
};
