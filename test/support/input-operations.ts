/**
 * Every operation of the API as the input-validation tables (test/unit/input-validation-*.test.ts) send it: its
 * document, the role it is sent as, variables that pass every rule, and how an answer shows that they did. A row
 * of a table puts one value into those variables (`withValue`).
 */
import { formatShanghai } from '../../domain/calendar';
import type { RoleTokens } from './tokens';

/** The harness's fixture petitions: one in HANDLING at unit U-FT-01, one delivered. */
export interface InputFixtures {
  handling: string;
  delivered: string;
}

const DAY = 86_400_000;
const VALID_ID = '11010519491231002X';
/** Two days ago, in the API's DateTime form. */
const recent = () => formatShanghai(Date.now() - 2 * DAY);

export type Vars = Record<string, unknown>;

/** How an answer shows that the arguments passed every rule. */
export type Through = 'UNAVAILABLE' | 'DATA' | 'NOT_FOUND';

export interface Operation {
  as: keyof RoleTokens;
  query: string;
  /** Variables that pass every rule, aimed at the harness's fixture petitions. */
  valid: (fixtures: InputFixtures) => Vars;
  /** UNAVAILABLE: it went on to Temporal; DATA: a read answered; null: not tried (a replay would bundle the workflows). */
  passes: Through | null;
}

export const five = () => [
  { memberId: 'M-LAW-1', name: '李律师', kind: 'LAWYER' },
  { memberId: 'M-NPC-1', name: '王代表', kind: 'NPC_DEPUTY' },
  { memberId: 'M-NPC-2', name: '买买提·艾力', kind: 'NPC_DEPUTY' },
  { memberId: 'M-CPPCC-1', name: '赵委员', kind: 'CPPCC_MEMBER' },
  { memberId: 'M-PARTY-1', name: '钱代表', kind: 'PARTY_DEPUTY' },
];

export const OPS = {
  register: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query: 'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }',
    valid: () => ({
      input: {
        petitioner: { name: '王五', idNumber: VALID_ID, phone: '13912345678', address: '福田区福华路1号' },
        channel: 'LETTER',
        category: 'CLAIM',
        summary: '物业维修基金使用争议',
        content: '小区物业擅自动用维修基金，\n请求查处。',
        receivedAt: recent(),
        respondentUnitId: 'U-FT-01',
        requestId: 'req-1',
      },
    }),
  },
  accept: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $unitId: String, $note: String, $requestId: String) { acceptPetition(id: $id, unitId: $unitId, note: $note, requestId: $requestId) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', unitId: 'U-FT-01', note: '受理', requestId: 'req-1' }),
  },
  route: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $unitId: String!, $mode: RouteMode!, $note: String) { routePetition(id: $id, unitId: $unitId, mode: $mode, note: $note) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', unitId: 'U-FT-02', mode: 'ASSIGN', note: null }),
  },
  decline: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $reason: DeclineReason!, $note: String) { declinePetition(id: $id, reason: $reason, note: $note) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', reason: 'LITIGATION_RELATED', note: '涉法涉诉' }),
  },
  confirmRepeat: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $repeatOf: ID!, $note: String) { confirmRepeat(id: $id, repeatOf: $repeatOf, note: $note) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', repeatOf: 'XF-NOPE00000002', note: '同一事实和理由' }),
  },
  dismissRepeat: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $candidateId: ID!, $note: String) { dismissRepeat(id: $id, candidateId: $candidateId, note: $note) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', candidateId: 'XF-NOPE00000002', note: '不同事项' }),
  },
  extension: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $days: Int!, $reason: String!) { requestExtension(id: $id, days: $days, reason: $reason) { id } }',
    valid: (f) => ({ id: f.handling, days: 15, reason: '需核查资金拨付流程' }),
  },
  decide: {
    as: 'head',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $approve: Boolean!, $note: String) { decideExtension(id: $id, approve: $approve, note: $note) { id } }',
    valid: (f) => ({ id: f.handling, approve: true, note: '同意' }),
  },
  startHearing: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $note: String) { startHearing(id: $id, note: $note) { id } }',
    valid: (f) => ({ id: f.handling, note: '听证' }),
  },
  endHearing: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $note: String) { endHearing(id: $id, note: $note) { id } }',
    valid: (f) => ({ id: f.handling, note: null }),
  },
  reply: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query: `mutation($id: ID!, $outcome: ReplyOutcome!, $text: String!, $basis: String, $deliveredAt: DateTime) {
      replyPetition(id: $id, outcome: $outcome, text: $text, basis: $basis, deliveredAt: $deliveredAt) { id } }`,
    valid: (f) => ({
      id: f.handling,
      outcome: 'EXPLAIN',
      text: '补贴按批次发放',
      basis: '加装电梯补贴办法',
      deliveredAt: recent(),
    }),
  },
  satisfaction: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $level: SatisfactionLevel!, $target: RatingTarget) { recordSatisfaction(id: $id, level: $level, target: $target) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', level: 'SATISFIED', target: 'BUREAU' }),
  },
  review: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query: `mutation($id: ID!, $reason: String, $reviewUnitId: String, $requestedAt: DateTime, $requestedVia: RequestedVia) {
      requestReview(id: $id, reason: $reason, reviewUnitId: $reviewUnitId, requestedAt: $requestedAt, requestedVia: $requestedVia) { id } }`,
    valid: () => ({
      id: 'XF-NOPE00000001',
      reason: '不服处理意见',
      reviewUnitId: 'O-FT-GOV',
      requestedAt: recent(),
      requestedVia: 'POSTMARK',
    }),
  },
  urge: {
    as: 'supervisor',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $message: String!, $respondWithinDays: Int) { urge(id: $id, message: $message, respondWithinDays: $respondWithinDays) { id } }',
    valid: (f) => ({ id: f.handling, message: '请报告进展', respondWithinDays: 3 }),
  },
  answerUrge: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $urgeId: ID!, $text: String!) { answerUrge(id: $id, urgeId: $urgeId, text: $text) { id } }',
    valid: (f) => ({ id: f.handling, urgeId: 'DB-1', text: '已处理' }),
  },
  escalate: {
    as: 'supervisor',
    passes: 'UNAVAILABLE',
    query:
      'mutation($id: ID!, $leaderId: ID!, $reason: String!) { escalate(id: $id, leaderId: $leaderId, reason: $reason) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', leaderId: 'dev-leader', reason: '久拖未决' }),
  },
  instruct: {
    as: 'leader',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $text: String!) { instruct(id: $id, text: $text) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', text: '一周内拿出方案' }),
  },
  convene: {
    as: 'supervisor',
    passes: 'UNAVAILABLE',
    query: 'mutation($input: ConveneEvaluationPanelInput!) { conveneEvaluationPanel(input: $input) { id } }',
    valid: (f) => ({
      input: {
        title: '2026年第四季度评议',
        members: five(),
        petitionIds: [f.delivered],
        quorum: 3,
        deadline: formatShanghai(Date.now() + 7 * DAY),
        requestId: 'p-1',
      },
    }),
  },
  evaluate: {
    as: 'reviewer',
    passes: 'UNAVAILABLE',
    query: `mutation($panelId: ID!, $petitionId: ID!, $verdict: Verdict!, $comment: String, $requestId: String) {
      recordEvaluation(panelId: $panelId, petitionId: $petitionId, verdict: $verdict, comment: $comment, requestId: $requestId) { id } }`,
    valid: (f) => ({
      panelId: 'PY-000000000001',
      petitionId: f.delivered,
      verdict: 'SATISFIED',
      comment: '办理及时',
      requestId: 'v-1',
    }),
  },
  attendance: {
    as: 'supervisor',
    passes: 'UNAVAILABLE',
    query: `mutation($panelId: ID!, $memberIds: [ID!]!, $requestId: String) {
      recordAttendance(panelId: $panelId, memberIds: $memberIds, requestId: $requestId) { id } }`,
    valid: () => ({ panelId: 'PY-000000000001', memberIds: ['M-LAW-1', 'M-NPC-1'], requestId: 'a-1' }),
  },
  replay: {
    as: 'tester',
    passes: null,
    query: 'mutation($history: JSON!) { replayHistory(history: $history) { ok } }',
    valid: () => ({ history: { events: [] } }),
  },
  petition: {
    as: 'registrar',
    passes: 'DATA',
    query: 'query($id: ID!) { petition(id: $id) { id } }',
    valid: (f) => ({ id: f.handling }),
  },
  petitions: {
    as: 'registrar',
    passes: 'DATA',
    query:
      'query($filter: PetitionFilter, $first: Int, $after: String, $sort: PetitionSort) { petitions(filter: $filter, first: $first, after: $after, sort: $sort) { edges { cursor } } }',
    valid: () => ({
      filter: {
        status: ['HANDLING'],
        unitId: 'U-FT-01',
        category: 'CLAIM',
        receivedFrom: '2026-01-01T00:00:00+08:00',
        receivedTo: recent(),
        dueBefore: '2027-01-01T00:00:00+08:00',
        overdue: false,
      },
      first: 10,
      after: null,
      sort: 'RECEIVED_DESC',
    }),
  },
  statistics: {
    as: 'registrar',
    passes: 'DATA',
    query: 'query($filter: StatisticsFilter!) { statistics(filter: $filter) { registered } }',
    valid: () => ({
      filter: {
        from: '2026-10-01T00:00:00+08:00',
        to: '2026-11-01T00:00:00+08:00',
        unitId: 'U-FT-01',
        repeatWindowDays: 90,
        rounding: 'TRUNCATE',
      },
    }),
  },
  history: {
    as: 'tester',
    passes: 'UNAVAILABLE',
    query: 'query($id: ID!) { petitionHistory(id: $id) }',
    valid: () => ({ id: 'XF-NOPE00000001' }),
  },
  panel: {
    as: 'registrar',
    passes: 'NOT_FOUND',
    query: 'query($id: ID!) { panel(id: $id) { id } }',
    valid: () => ({ id: 'PY-000000000001' }),
  },
  panels: {
    as: 'registrar',
    passes: 'DATA',
    query: 'query($filter: PanelFilter, $first: Int) { panels(filter: $filter, first: $first) { id } }',
    valid: () => ({ filter: { status: 'OPEN' }, first: 5 }),
  },
  statute: {
    as: 'registrar',
    passes: 'DATA',
    query: 'query($profile: String) { statute(profile: $profile) { id } }',
    valid: () => ({ profile: 'zhejiang-2016' }),
  },
} satisfies Record<string, Operation>;

export type OpName = keyof typeof OPS;

/** The operation's valid variables with one value put in at a path such as `input.petitioner.name`, `input.members[1].name`. */
export function withValue(op: OpName, fixtures: InputFixtures, path: string, value: unknown): Vars {
  const vars = OPS[op].valid(fixtures);
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let at: any = vars;
  for (const key of keys.slice(0, -1)) at = at[key];
  const last = keys.at(-1)!;
  if (value === ABSENT) delete at[last];
  else at[last] = value;
  return vars;
}

export const ABSENT = Symbol('absent');
