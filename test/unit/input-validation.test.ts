/**
 * Input validation: every argument of every operation, one row per field and bad value, against the
 * real API on a real SQLite file. The harness's Temporal client points nowhere, so a row refused as it should be
 * answers BAD_USER_INPUT (or LIMIT_EXCEEDED) with its field, and a value that gets through answers UNAVAILABLE:
 * that is how the accepted rows show it, and how a refusal that came too late would fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { halfWidth, idNumber, optionalText, phoneNumber, requiredText, residentIdCheckChar, TEXT } from '../../api/input-rules';
import { encodeCursor } from '../../api/petition-reads';
import { formatShanghai } from '../../domain/calendar';
import { errorCode, type GraphQLAnswer, okData } from '../support/graphql';
import { openReadModelHarness, type PetitionFixture, type ReadModelHarness } from '../support/read-model';
import { type RoleTokens, tokensPerRole } from '../support/tokens';

let rm: ReadModelHarness;
let handling: PetitionFixture;
let delivered: PetitionFixture;
let tokens: RoleTokens;

const DAY = 86_400_000;
const VALID_ID = '11010519491231002X';
const recent = () => formatShanghai(Date.now() - 2 * DAY);

beforeAll(() => {
  // Temporal is a real client whose server is down: one attempt each, so a row that gets through answers at once.
  rm = openReadModelHarness({ temporalAttempts: 1 });
  tokens = tokensPerRole(rm.db);
  handling = rm.petition({ received: '2026-11-02' }).accept('2026-11-03', 'U-FT-01').project();
  delivered = rm.petition({ received: '2026-10-02' }).accept('2026-10-03', 'U-FT-01').reply('2026-10-20').project();
});
afterAll(() => rm.close());

// ---------------------------------------------------------------------------------------------------------
// The operations, each with variables that pass every rule

type Vars = Record<string, unknown>;

/** How an answer shows that the arguments passed every rule. */
type Through = 'UNAVAILABLE' | 'DATA' | 'NOT_FOUND';

interface Operation {
  as: keyof RoleTokens;
  query: string;
  valid: () => Vars;
  /** UNAVAILABLE: it went on to Temporal; DATA: a read answered; null: not tried (a replay would bundle the workflows). */
  passes: Through | null;
}

const five = () => [
  { memberId: 'M-LAW-1', name: '李律师', kind: 'LAWYER' },
  { memberId: 'M-NPC-1', name: '王代表', kind: 'NPC_DEPUTY' },
  { memberId: 'M-NPC-2', name: '买买提·艾力', kind: 'NPC_DEPUTY' },
  { memberId: 'M-CPPCC-1', name: '赵委员', kind: 'CPPCC_MEMBER' },
  { memberId: 'M-PARTY-1', name: '钱代表', kind: 'PARTY_DEPUTY' },
];

const OPS = {
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
    query: 'mutation($id: ID!, $unitId: String, $note: String, $requestId: String) { acceptPetition(id: $id, unitId: $unitId, note: $note, requestId: $requestId) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', unitId: 'U-FT-01', note: '受理', requestId: 'req-1' }),
  },
  route: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $unitId: String!, $mode: RouteMode!, $note: String) { routePetition(id: $id, unitId: $unitId, mode: $mode, note: $note) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', unitId: 'U-FT-02', mode: 'ASSIGN', note: null }),
  },
  decline: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $reason: DeclineReason!, $note: String) { declinePetition(id: $id, reason: $reason, note: $note) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', reason: 'LITIGATION_RELATED', note: '涉法涉诉' }),
  },
  extension: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $days: Int!, $reason: String!) { requestExtension(id: $id, days: $days, reason: $reason) { id } }',
    valid: () => ({ id: handling.id, days: 15, reason: '需核查资金拨付流程' }),
  },
  decide: {
    as: 'head',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $approve: Boolean!, $note: String) { decideExtension(id: $id, approve: $approve, note: $note) { id } }',
    valid: () => ({ id: handling.id, approve: true, note: '同意' }),
  },
  startHearing: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $note: String) { startHearing(id: $id, note: $note) { id } }',
    valid: () => ({ id: handling.id, note: '听证' }),
  },
  endHearing: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $note: String) { endHearing(id: $id, note: $note) { id } }',
    valid: () => ({ id: handling.id, note: null }),
  },
  reply: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query: `mutation($id: ID!, $outcome: ReplyOutcome!, $text: String!, $basis: String, $deliveredAt: DateTime) {
      replyPetition(id: $id, outcome: $outcome, text: $text, basis: $basis, deliveredAt: $deliveredAt) { id } }`,
    valid: () => ({ id: handling.id, outcome: 'EXPLAIN', text: '补贴按批次发放', basis: '加装电梯补贴办法', deliveredAt: recent() }),
  },
  satisfaction: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $level: SatisfactionLevel!, $target: RatingTarget) { recordSatisfaction(id: $id, level: $level, target: $target) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', level: 'SATISFIED', target: 'BUREAU' }),
  },
  review: {
    as: 'registrar',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $reason: String, $reviewUnitId: String) { requestReview(id: $id, reason: $reason, reviewUnitId: $reviewUnitId) { id } }',
    valid: () => ({ id: 'XF-NOPE00000001', reason: '不服处理意见', reviewUnitId: 'O-FT-GOV' }),
  },
  urge: {
    as: 'supervisor',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $message: String!, $respondWithinDays: Int) { urge(id: $id, message: $message, respondWithinDays: $respondWithinDays) { id } }',
    valid: () => ({ id: handling.id, message: '请报告进展', respondWithinDays: 3 }),
  },
  answerUrge: {
    as: 'handler',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $urgeId: ID!, $text: String!) { answerUrge(id: $id, urgeId: $urgeId, text: $text) { id } }',
    valid: () => ({ id: handling.id, urgeId: 'DB-1', text: '已处理' }),
  },
  escalate: {
    as: 'supervisor',
    passes: 'UNAVAILABLE',
    query: 'mutation($id: ID!, $leaderId: ID!, $reason: String!) { escalate(id: $id, leaderId: $leaderId, reason: $reason) { id } }',
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
    valid: () => ({
      input: { title: '2026年第四季度评议', members: five(), petitionIds: [delivered.id], quorum: 3, deadline: formatShanghai(Date.now() + 7 * DAY), requestId: 'p-1' },
    }),
  },
  evaluate: {
    as: 'reviewer',
    passes: 'UNAVAILABLE',
    query: `mutation($panelId: ID!, $petitionId: ID!, $verdict: Verdict!, $comment: String, $requestId: String) {
      recordEvaluation(panelId: $panelId, petitionId: $petitionId, verdict: $verdict, comment: $comment, requestId: $requestId) { id } }`,
    valid: () => ({ panelId: 'PY-000000000001', petitionId: delivered.id, verdict: 'SATISFIED', comment: '办理及时', requestId: 'v-1' }),
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
    valid: () => ({ id: handling.id }),
  },
  petitions: {
    as: 'registrar',
    passes: 'DATA',
    query: 'query($filter: PetitionFilter, $first: Int, $after: String, $sort: PetitionSort) { petitions(filter: $filter, first: $first, after: $after, sort: $sort) { edges { cursor } } }',
    valid: () => ({
      filter: { status: ['HANDLING'], unitId: 'U-FT-01', category: 'CLAIM', receivedFrom: '2026-01-01T00:00:00+08:00', receivedTo: recent(), dueBefore: '2027-01-01T00:00:00+08:00', overdue: false },
      first: 10,
      after: null,
      sort: 'RECEIVED_DESC',
    }),
  },
  statistics: {
    as: 'registrar',
    passes: 'DATA',
    query: 'query($filter: StatisticsFilter!) { statistics(filter: $filter) { registered } }',
    valid: () => ({ filter: { from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00', unitId: 'U-FT-01', repeatWindowDays: 90, rounding: 'TRUNCATE' } }),
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

type OpName = keyof typeof OPS;

/** The operation's valid variables with one value put in at a path such as `input.petitioner.name`, `input.members[1].name`. */
function withValue(op: OpName, path: string, value: unknown): Vars {
  const vars = OPS[op].valid();
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let at: any = vars;
  for (const key of keys.slice(0, -1)) at = at[key];
  const last = keys.at(-1)!;
  if (value === ABSENT) delete at[last];
  else at[last] = value;
  return vars;
}

const ABSENT = Symbol('absent');

// ---------------------------------------------------------------------------------------------------------
// The table

/** What a row expects: a refusal with its field, or (`through`) that the value passed every rule. */
type Expect = { code: 'BAD_USER_INPUT' | 'LIMIT_EXCEEDED'; field: string } | { through: Through };

interface Row {
  op: OpName;
  path: string;
  value: unknown;
  expect: Expect;
}

const bad = (op: OpName, path: string, values: unknown[], field = path): Row[] =>
  values.map((value) => ({ op, path, value, expect: { code: 'BAD_USER_INPUT', field } }));
const ok = (op: OpName, path: string, values: unknown[], through: Through = OPS[op].passes ?? 'UNAVAILABLE'): Row[] =>
  values.map((value) => ({ op, path, value, expect: { through } }));

const long = (n: number, char = '字') => char.repeat(n);
const base64 = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

// Characters no text field takes, and those only names and ids refuse.
const BROKEN = ['张\ud800三', '张三\udc00', '\ud83d'];
const CONTROLS = ['张\u0000三', '张\u0007三', '张\u001b[31m三', '张\u007f三', '张\u0085三', '张\u009b三'];
const BIDI = ['张\u202e三', '\u202a张三', '张\u2066三\u2069', '张\u2067三'];
const INVISIBLE = ['张\u200b三', '张\u200c三', '张\u200d三', '张\u200e三', '张\u200f三', '张\ufeff三', '张\u2060三', '张\u00ad三'];
const LINE_BREAKS = ['张\n三', '张\r三', '张\t三', '张\u2028三'];

const ROWS: Row[] = [
  // registerPetition: the petitioner
  ...bad('register', 'input.petitioner.name', ['', '   ', '\u3000\n', ...BROKEN, ...CONTROLS, ...BIDI, ...INVISIBLE, ...LINE_BREAKS]),
  ...bad('register', 'input.petitioner.name', [long(101), long(101, '𠮷'), '12345', '·-·', '张\ufffd三', ABSENT]),
  ...ok('register', 'input.petitioner.name', ['买买提·艾力', '买买提・艾力', '𠮷野家', long(100, '𠮷'), '张\ue000', 'Мария Иванова', ' 张　三 ']),
  ...bad('register', 'input.petitioner.idNumber', [
    '110105194912310021', // check character wrong
    '11010519491231002', // 17
    '110105491231002', // 15: first-generation
    '1101051949123100212',
    '11010519491331002X', // month 13
    '110105190002290027', // 1900 was not a leap year
    '110105209901010021', // born in the future
    '01010519491231002X', // no region 0
    '张三的身份证',
    '11010519491231\u200b002X',
  ]),
  ...ok('register', 'input.petitioner.idNumber', ['11010519491231002x', '１１０１０５１９４９１２３１００２ｘ', '1101 0519 4912 3100 2X', 'E12345678', '91440300MA5DXXXX1Q', null, '']),
  ...bad('register', 'input.petitioner.phone', ['12345', '1380013800', '138001380001', '23800138000', '138-0013-800a', '+86 12345', '075512345', '电话', '138\u200b00138000']),
  ...ok('register', 'input.petitioner.phone', ['13800138000', '138 0013 8000', '+86 138-0013-8000', '0755-8888 1234', '(010)62345678', '+86 755 88881234', '+852 9123 4567', '１３８００１３８０００', null]),
  ...bad('register', 'input.petitioner.address', [long(301), '福田区\u0007', '福田区\n1号', '福田区\u202e']),
  // …the case
  ...bad('register', 'input.channel', ['EMAIL', 'letter', '', 3, null]),
  ...bad('register', 'input.category', ['COMPLAINT', ABSENT]),
  ...bad('register', 'input.summary', ['', ' \t ', long(201), '标题\n第二行', '标题\u202e', ...BROKEN, ABSENT]),
  ...ok('register', 'input.summary', ['𠮷 加装电梯', long(200, '𠮷'), '标题\u200d']),
  ...bad('register', 'input.content', ['', '\n\t ', long(20_001), '内容\u0000', '内容\u001b[31m', '内容\ud83d', '内容\u202e反转', ABSENT]),
  ...ok('register', 'input.content', ['第一段\r\n\t第二段', '家人👨‍👩‍👧来访', 'ئۇيغۇرچە\u200c', long(20_000)]),
  ...bad('register', 'input.receivedAt', [
    formatShanghai(Date.now() + DAY),
    '2026-03-01T09:30:00',
    '2026-03-01',
    '2026-03-01 09:30:00+08:00',
    '2026-02-30T09:30:00+08:00',
    '2026-13-01T09:30:00+08:00',
    '2026-03-01T24:00:00+08:00',
    '2026-03-01T09:60:00+08:00',
    '2026-03-01T09:30:00+15:00',
    '1900-01-01T00:00:00+08:00',
    '0001-01-01T00:00:00Z',
    '2206-03-01T09:30:00+08:00',
    '昨天',
    1_767_225_600_000,
  ]),
  ...ok('register', 'input.receivedAt', [new Date(Date.now() - DAY).toISOString().replace(/\.\d+Z$/, 'Z'), null]),
  ...bad('register', 'input.respondentUnitId', ['U-NOPE', 'u-ft-01', 'U FT 01', 'U-FT-01\u200b', 'U—FT—01', long(33, 'U')]),
  ...ok('register', 'input.respondentUnitId', ['Ｕ－ＦＴ－０１', ' U-FT-01 ', null]),
  ...bad('register', 'input.repeatOf', ['XF 1', 'XF-1\u202e', 'XF-NOPE']),
  ...bad('register', 'input.requestId', ['r\u0000', 'r\ud800', long(201, 'r')]),
  ...bad('register', 'input.foo', ['bar']),
  ...bad('register', 'input.petitioner.age', [30]),

  // Petition mutations: the id, then each argument
  ...bad('accept', 'id', ['', '   ', 'XF 1', 'XF-1\u200b', 'XF-1\u0000', '../../etc/passwd', long(65, 'X'), null]),
  ...ok('accept', 'id', [' XF-NOPE00000001 ', 'ＸＦ－ＮＯＰＥ']),
  ...bad('accept', 'unitId', ['U-NOPE', 'U-FT-01 U-FT-02', '\u202eU-FT-01']),
  ...bad('accept', 'note', [long(2_001), '受理\u0000', '受理\u202e']),
  ...ok('accept', 'note', ['第一行\n第二行\t完', null]),
  ...bad('accept', 'requestId', ['r\u0001', long(201, 'r')]),
  ...bad('route', 'unitId', ['', '  ', 'U-NOPE', null]),
  ...bad('route', 'mode', ['SIDEWAYS', null]),
  ...bad('route', 'id', ['XF\n1']),
  ...bad('decline', 'reason', ['BECAUSE', 'litigation_related']),
  ...bad('decline', 'note', [long(2_001)]),
  ...bad('extension', 'days', [0, -5, 1.5, 2 ** 31, '10', null]),
  ...bad('extension', 'reason', ['', '   ', '理由\u0000', long(2_001)]),
  { op: 'extension', path: 'days', value: 31, expect: { code: 'LIMIT_EXCEEDED', field: 'days' } },
  { op: 'extension', path: 'days', value: 10_000, expect: { code: 'LIMIT_EXCEEDED', field: 'days' } },
  ...ok('extension', 'days', [1, 30]),
  ...bad('decide', 'approve', ['yes', 1, null]),
  ...bad('decide', 'note', ['同意\u202e']),
  ...bad('startHearing', 'note', ['听证\u0007', long(2_001)]),
  ...bad('endHearing', 'note', ['\ud800']),
  ...bad('reply', 'outcome', ['MAYBE']),
  ...bad('reply', 'text', ['', long(20_001), '答复\u0000']),
  ...bad('reply', 'basis', [long(2_001)]),
  ...bad('reply', 'deliveredAt', ['2026-11-31T10:00:00+08:00', '2026-11-01T10:00', '1999-12-31T23:59:59+08:00']),
  // A delivery in the future is refused by the workflow's own validator, on the case's clock (domain checkReply).
  ...ok('reply', 'deliveredAt', [null, formatShanghai(Date.now() + DAY)]),
  ...bad('satisfaction', 'level', ['HAPPY']),
  ...bad('satisfaction', 'target', ['CITY']),
  ...bad('review', 'reviewUnitId', ['O-NOPE', 'o-ft-gov']),
  ...bad('review', 'reason', ['不服\u0000']),
  ...bad('urge', 'message', ['', long(2_001)]),
  ...bad('urge', 'respondWithinDays', [0, -1, 61, 2.5]),
  ...ok('urge', 'respondWithinDays', [1, 60, null]),
  ...bad('answerUrge', 'urgeId', ['', 'X-1', 'DB-0', 'DB 1', 'DB-1\u200b']),
  ...ok('answerUrge', 'urgeId', ['ＤＢ－１']),
  ...bad('answerUrge', 'text', ['']),
  ...bad('escalate', 'leaderId', ['', 'dev leader', 'dev-leader\u202e', 'dev-leader\u200b', '<script>']),
  ...ok('escalate', 'leaderId', ['王局长', 'zhang.san']),
  ...bad('escalate', 'reason', ['']),
  ...bad('instruct', 'text', ['', '批示\ud800']),

  // conveneEvaluationPanel
  ...bad('convene', 'input.title', ['', long(201), '评议\n会']),
  ...bad('convene', 'input.members', [five().slice(0, 4), [...five(), ...five().slice(0, 5)], five().map((m) => ({ ...m, kind: 'NPC_DEPUTY' }))]),
  ...bad('convene', 'input.members', [[...five().slice(0, 4), five()[0]]]),
  ...bad('convene', 'input.members[1].name', ['', '王\u200b代表', '代\n表']),
  ...bad('convene', 'input.members[0].memberId', ['M 1', '', 'M-1\u202e']),
  ...bad('convene', 'input.members[2].kind', ['JUDGE']),
  ...bad('convene', 'input.quorum', [0, -1, 6]),
  ...bad('convene', 'input.petitionIds', [[], ['XF-NOPE']]),
  ...bad('convene', 'input.petitionIds[0]', [['XF 1']]),
  ...bad('convene', 'input.deadline', [formatShanghai(Date.now() - DAY), formatShanghai(Date.now() + 400 * DAY), '2026-12-01']),
  ...bad('convene', 'input.requestId', ['p\u0000']),
  ...ok('convene', 'input.quorum', [5, null]),

  // recordEvaluation
  ...bad('evaluate', 'panelId', ['', 'PY 1']),
  ...bad('evaluate', 'petitionId', ['\u200b', 'FX 1']),
  ...bad('evaluate', 'verdict', ['MEH']),
  ...bad('evaluate', 'comment', [long(2_001), '意见\u0000']),
  ...bad('evaluate', 'requestId', ['v\u0000']),
  ...ok('evaluate', 'comment', [null, '第一条\n第二条']),

  // replayHistory
  ...bad('replay', 'history', [{ events: 'nope' }, 'not a history', 42]),

  // Queries
  ...bad('petition', 'id', ['', 'XF 1', 'XF-1\u200b']),
  ...ok('petition', 'id', [' XF-NOPE00000001 '], 'UNAVAILABLE'),
  ...bad('petitions', 'first', [0, -1, 101, 1.5, 2 ** 31]),
  ...bad('petitions', 'after', ['garbage', base64('{"k":"key","v":"x","n":1}'), base64('null'), encodeCursor({ k: 'off', o: 20 }), long(300, 'A')]),
  ...bad('petitions', 'sort', ['SIDEWAYS']),
  ...bad('petitions', 'filter.status[0]', ['NOPE']),
  ...bad('petitions', 'filter.unitId', ['U-NOPE', 'u-ft-01', 'U-FT-01\u0000']),
  ...bad('petitions', 'filter.category', ['X']),
  ...bad('petitions', 'filter.overdue', ['yes']),
  ...bad('petitions', 'filter.dueBefore', ['2026-03-01', '2026-02-29T00:00:00+08:00']),
  ...bad('petitions', 'filter.receivedFrom', ['1970-01-01T00:00:00Z']),
  ...bad('petitions', 'filter.receivedTo', ['2025-12-31T00:00:00+08:00']),
  ...bad('petitions', 'filter.text', ['电梯\u0000', long(101), '电梯\u202e', '电\ud800梯', '!!!', '电梯\n加装']),
  ...ok('petitions', 'filter.text', ['𠮷', '加装电梯', '  ']),
  ...ok('petitions', 'filter.unitId', ['Ｕ－ＦＴ－０１', null]),
  ...ok('petitions', 'first', [1, 100, null]),
  ...bad('statistics', 'filter.from', ['2026-02-29T00:00:00+08:00', '2026-10-01', ABSENT]),
  ...bad('statistics', 'filter.to', ['2026-09-01T00:00:00+08:00']),
  ...bad('statistics', 'filter.unitId', ['U-NOPE', 'U FT']),
  ...bad('statistics', 'filter.repeatWindowDays', [-1, 3651]),
  ...bad('statistics', 'filter.rounding', ['UP']),
  ...bad('history', 'id', ['XF 1', '']),
  ...bad('panel', 'id', ['', 'PY 1']),
  ...bad('panels', 'first', [0, 101]),
  ...bad('panels', 'filter.status', ['MAYBE', 'open']),
  ...ok('panels', 'filter.status', ['CLOSED', null]),
  ...bad('statute', 'profile', ['nope']),
];

function label(row: Row): string {
  const shown = typeof row.value === 'symbol' ? '(absent)' : JSON.stringify(row.value) ?? String(row.value);
  const outcome = 'through' in row.expect ? `passes (${row.expect.through})` : `${row.expect.code} ${row.expect.field}`;
  return `${row.op} ${row.path} = ${shown.length > 40 ? `${shown.slice(0, 37)}…` : shown} → ${outcome}`;
}

function counts() {
  const n = (table: string) => (rm.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { petitions: n('petitions'), events: n('petition_events'), panels: n('panels') };
}

describe('every argument, every rule', () => {
  let before: ReturnType<typeof counts>;
  beforeAll(() => {
    before = counts();
  });
  afterAll(() => expect(counts()).toEqual(before));

  function expectThrough(answer: GraphQLAnswer, through: Through) {
    if (through === 'DATA') okData(answer);
    else expect(errorCode(answer), JSON.stringify(answer.errors)).toBe(through);
  }

  it.each((Object.keys(OPS) as OpName[]).filter((op) => OPS[op].passes))('%s: its valid variables pass every rule', async (op) => {
    expectThrough(await rm.gql(tokens[OPS[op].as], OPS[op].query, OPS[op].valid()), OPS[op].passes!);
  });

  it.each(ROWS.map((row) => [label(row), row] as const))('%s', async (_, row) => {
    const op = OPS[row.op];
    const answer = await rm.gql(tokens[op.as], op.query, withValue(row.op, row.path, row.value));
    const error = answer.errors?.[0];
    if ('through' in row.expect) return expectThrough(answer, row.expect.through);
    // A value that wrongly got through would have reached Temporal and answered UNAVAILABLE instead.
    expect(error?.extensions, JSON.stringify(answer.errors)).toMatchObject({ code: row.expect.code, field: row.expect.field });
    expect(error?.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(answer)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });
});

describe('GraphQL-level refusals written as literals name their field too', () => {
  const LITERALS: [string, string, string][] = [
    ['mutation { registerPetition(input: { petitioner: { name: "张三" }, channel: EMAIL, category: CLAIM, summary: "s", content: "c" }) { id } }', 'input.channel', 'One of: ONLINE, LETTER, PHONE, FAX, VISIT'],
    ['mutation { registerPetition(input: { petitioner: { name: "张三" }, channel: LETTER, category: CLAIM, summary: "s" }) { id } }', 'input.content', 'was not provided'],
    ['mutation { registerPetition(input: { petitioner: { name: "张三" }, channel: LETTER, category: CLAIM, summary: "s", content: "c", receivedAt: "2026-02-30T10:00:00+08:00" }) { id } }', 'input.receivedAt', 'has days 01 to 28'],
    ['mutation { registerPetition(input: { petitioner: { name: "张三", age: 3 }, channel: LETTER, category: CLAIM, summary: "s", content: "c" }) { id } }', 'input.petitioner.age', 'not defined'],
    ['mutation { requestExtension(id: "XF-1", reason: "r") { id } }', 'days', 'is required'],
    ['mutation { requestExtension(id: "XF-1", days: 99999999999, reason: "r") { id } }', 'days', '32-bit'],
    ['mutation { requestExtension(id: "XF-1", days: "10", reason: "r") { id } }', 'days', 'Int'],
    ['mutation { urge(id: "XF-1", message: "m", soon: true) { id } }', 'soon', 'Unknown argument'],
    ['{ petitions(filter: { status: [HANDLING, NOPE] }) { totalCount } }', 'filter.status[1]', 'One of: REGISTERED'],
    ['{ statistics(filter: { from: 20260101, to: "2026-02-01T00:00:00+08:00" }) { registered } }', 'filter.from', 'written as a string'],
  ];
  it.each(LITERALS)('%s → %s', async (query, field, words) => {
    const answer = await rm.gql(tokens.registrar, query);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(answer.errors?.[0]?.message).toContain(words);
  });

  it('a variable named otherwise than its argument: the field is still the argument path', async () => {
    const answer = await rm.gql(tokens.registrar, 'mutation($x: RegisterPetitionInput!) { registerPetition(input: $x) { id } }', {
      x: { petitioner: { name: '张三' }, channel: 'LETTER', category: 'CLAIM', summary: 's', content: 'c', receivedAt: '2026-03-01' },
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.receivedAt', reason: 'INVALID_VARIABLE' });
  });
});

describe('what is stored', () => {
  it.each([
    ['买买提・艾力', '买买提·艾力'],
    ['买买提 · 艾力', '买买提·艾力'],
    ['张　三', '张三'],
    [' 张 三 ', '张三'],
    ['John   Smith', 'John Smith'],
    ['Lu\u0308 Xun', 'Lü Xun'],
    ['𠮷野家', '𠮷野家'],
  ])('a name typed %j is stored %j', (typed, stored) => {
    expect(requiredText('name', typed, TEXT.personName)).toBe(stored);
  });

  it('free text keeps its lines and tabs, in one line-break form, composed (NFC)', () => {
    expect(requiredText('content', ' 第一段\r\n\t第二段\r第三段\u2028 ', TEXT.content)).toBe('第一段\n\t第二段\n第三段');
    expect(optionalText('note', 'cafe\u0301', TEXT.note)).toBe('café');
    expect(optionalText('note', ' \n ', TEXT.note)).toBeNull();
  });

  it('ID numbers and phone numbers are stored in one form whatever the keyboard', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(idNumber('id', '１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(idNumber('id', 'e1234 5678')).toBe('E12345678');
    expect(phoneNumber('phone', '+86 138-0013-8000')).toBe('13800138000');
    expect(phoneNumber('phone', '（０７５５）８８８８ １２３４')).toBe('0755-88881234');
    expect(phoneNumber('phone', '+86 10 62345678')).toBe('010-62345678');
    expect(phoneNumber('phone', '+852 9123 4567')).toBe('+85291234567');
    expect(halfWidth('Ｕ－ＦＴ－０１')).toBe('U-FT-01');
  });

  it('lengths count characters, not UTF-16 units: 𠮷 is one', () => {
    expect(requiredText('name', '𠮷'.repeat(100), TEXT.personName)).toHaveLength(200);
    expect(() => requiredText('name', '𠮷'.repeat(101), TEXT.personName)).toThrow(/longer than 100 characters \(101 given\)/);
  });
});
