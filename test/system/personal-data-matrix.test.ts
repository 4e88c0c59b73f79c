/**
 * Every field that can carry a petitioner's personal data, a column each, against every principal of the role
 * matrix (test/support/role-matrix.ts), compared byte for byte: the petitioner, the free texts that quote them
 * (what they wrote, the escalation's reason, the opinion), the timeline's notes, the workflow's own state
 * (`live`), the search highlight, the panel that evaluates the case, and the history (`petitionHistory`, the
 * download). One decision answers them all (api/petitioner-view.ts); the masked forms below are written out by
 * hand, not computed by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { petitionStateQuery, petitionWorkflowId } from '../../workflows/definitions';
import { errorCode, type GraphQLAnswer, okField } from '../support/graphql';
import { PANEL_OF_FIVE } from '../support/panel-members';
import { principalTokens, PRINCIPALS, type Who } from '../support/role-matrix';
import { eventually, useTimeSkippingSystem } from '../support/system';

const NAME = '欧阳明月';
const ID_NUMBER = '110101199003074258';
const PHONE = '13912345678';
/** The phone as a handler typed it into a note: grouped, not as it was registered. */
const PHONE_TYPED = '139 1234 5678';
const ADDRESS = '枫桥镇东街8号';

/** Each plain form and what a masked reader gets in its place: as `petitioner` masks them, the address gone. */
const MASKING: [string, string][] = [
  [ID_NUMBER, '**************4258'],
  [PHONE, '*******5678'],
  [PHONE_TYPED, '*******5678'],
  [ADDRESS, '***'],
  [NAME, '欧**'],
];
const PLAIN = MASKING.map(([plain]) => plain);

const SUMMARY = '加装电梯补贴未发放';
const CONTENT = `本人${NAME}，住${ADDRESS}，身份证${ID_NUMBER}，电话${PHONE}，反映加装电梯补贴至今未发放。`;
const NOTE = `请联系${NAME}（${PHONE_TYPED}）核实`;
const REASON = `${NAME}多次来访未果`;
const REPLY = `已向${NAME}书面答复，寄${ADDRESS}`;
const TITLE = `${NAME}加装电梯补贴案评议会`;
const COMMENT = `已电话回访${NAME}（${PHONE}），满意`;

type Column = 'petitioner' | 'texts' | 'timeline' | 'live' | 'highlight' | 'panel' | 'petitionHistory' | 'download';
/** whole: as registered; masked: as MASKING has it; unlisted: the search finds no such petition; else the code. */
type Cell = 'whole' | 'masked' | 'unlisted' | 'NF' | 'FB' | 'UA';

/**
 * The expected table. B's roles, the leader without the case and the reviewer on no panel read nothing of it;
 * the supervisor, the panel's reviewer and the tester read it masked; the registrar, unit A, the owning leader
 * and the admin whole. The history cannot be masked: TESTER and ADMIN get it whole, everyone else is refused.
 */
const TABLE = `
| who    | petitioner | texts  | timeline | live   | highlight | panel  | petitionHistory | download |
|--------|------------|--------|----------|--------|-----------|--------|-----------------|----------|
| REG    | whole      | whole  | whole    | whole  | whole     | whole  | FB              | FB       |
| HDL    | whole      | whole  | whole    | whole  | whole     | FB     | FB              | FB       |
| HDL/B  | NF         | NF     | NF       | NF     | unlisted  | FB     | FB              | FB       |
| HEAD   | whole      | whole  | whole    | whole  | whole     | FB     | FB              | FB       |
| HEAD/B | NF         | NF     | NF       | NF     | unlisted  | FB     | FB              | FB       |
| SUP    | masked     | masked | masked   | masked | masked    | masked | FB              | FB       |
| LDR    | whole      | whole  | whole    | whole  | whole     | FB     | FB              | FB       |
| LDR/X  | NF         | NF     | NF       | NF     | unlisted  | FB     | FB              | FB       |
| REV    | masked     | masked | masked   | masked | masked    | masked | FB              | FB       |
| REV/X  | NF         | NF     | NF       | NF     | unlisted  | NF     | FB              | FB       |
| TEST   | masked     | masked | masked   | masked | masked    | masked | whole           | whole    |
| ADM    | whole      | whole  | whole    | whole  | whole     | whole  | whole           | whole    |
| anon   | UA         | UA     | UA       | UA     | UA        | UA     | UA              | UA       |
`;

function parseTable(table: string): Record<Who, Record<Column, Cell>> {
  const [header, , ...lines] = table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const columns = header!.slice(1) as Column[];
  const rows = lines.map(([who, ...cells]) => [who, Object.fromEntries(cells.map((c, i) => [columns[i], c]))]);
  if (rows.map(([who]) => who).join() !== Object.keys(PRINCIPALS).join())
    throw new Error(`the rows must be ${Object.keys(PRINCIPALS).join(', ')}`);
  return Object.fromEntries(rows);
}
const EXPECTED = parseTable(TABLE);

const PETITIONER_WHOLE = { name: NAME, idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS };
const PETITIONER_MASKED = { name: '欧**', idNumber: '**************4258', phone: '*******5678', address: null };

/** What each column answers, whole and masked, written out. `live` and the history are read from Temporal. */
const ANSWERS: Record<
  'petitioner' | 'texts' | 'timeline' | 'highlight' | 'panel',
  Record<'whole' | 'masked', unknown>
> = {
  petitioner: { whole: { ...PETITIONER_WHOLE, masked: false }, masked: { ...PETITIONER_MASKED, masked: true } },
  texts: {
    whole: { content: CONTENT, escalation: { reason: REASON }, reply: { text: REPLY } },
    masked: {
      content: '本人欧**，住***，身份证**************4258，电话*******5678，反映加装电梯补贴至今未发放。',
      escalation: { reason: '欧**多次来访未果' },
      reply: { text: '已向欧**书面答复，寄***' },
    },
  },
  timeline: {
    whole: [
      { type: 'REGISTERED', note: null },
      { type: 'ACCEPTED', note: NOTE },
      { type: 'ESCALATED', note: REASON },
      { type: 'OPINION_DELIVERED', note: REPLY },
    ],
    masked: [
      { type: 'REGISTERED', note: null },
      { type: 'ACCEPTED', note: '请联系欧**（*******5678）核实' },
      { type: 'ESCALATED', note: '欧**多次来访未果' },
      { type: 'OPINION_DELIVERED', note: '已向欧**书面答复，寄***' },
    ],
  },
  // The window (60 characters) is cut around the word from the text as the reader may see it: whoever sees the
  // petitioner may get a number cut in two, a masked reader never the other half of one.
  highlight: {
    whole: [`【加装电梯】补贴未发放｜本人${NAME}，住${ADDRESS}，身份证${ID_NUMBER}，电话1391234567…`],
    masked: ['【加装电梯】补贴未发放｜本人欧**，住***，身份证**************4258，电话*******5678，反映加…'],
  },
  panel: {
    whole: {
      title: TITLE,
      evaluations: [{ memberId: 'M-LAW-1', comment: COMMENT }],
      cases: [{ petition: { petitioner: { ...PETITIONER_WHOLE, masked: false }, content: CONTENT } }],
    },
    masked: {
      title: '欧**加装电梯补贴案评议会',
      evaluations: [{ memberId: 'M-LAW-1', comment: '已电话回访欧**（*******5678），满意' }],
      cases: [
        {
          petition: {
            petitioner: { ...PETITIONER_MASKED, masked: true },
            content: '本人欧**，住***，身份证**************4258，电话*******5678，反映加装电梯补贴至今未发放。',
          },
        },
      ],
    },
  },
};

const PETITION = (fields: string) => `query($id: ID!) { petition(id: $id) { ${fields} } }`;
/** Each GraphQL column: what it sends, and the part of its answer compared. */
const QUERIES: Record<Exclude<Column, 'download'>, { document: string; pick: (field: any) => unknown }> = {
  petitioner: { document: PETITION('petitioner { name idNumber phone address masked }'), pick: (f) => f.petitioner },
  texts: { document: PETITION('content escalation { reason } reply { text }'), pick: (f) => f },
  timeline: { document: PETITION('timeline { type note }'), pick: (f) => f.timeline },
  live: { document: PETITION('live'), pick: (f) => f.live },
  highlight: {
    document: `query { petitions(first: 20, filter: { text: "加装电梯" }) { edges { highlight node { id } } } }`,
    pick: (f) =>
      f.edges
        .filter((e: { node: { id: string } }) => e.node.id === petitionId)
        .map((e: { highlight: string }) => e.highlight),
  },
  panel: {
    document: `query($panel: ID!) { panel(id: $panel) { title evaluations { memberId comment }
      cases { petition { petitioner { name idNumber phone address masked } content } } } }`,
    pick: (f) => f,
  },
  petitionHistory: { document: `query($id: ID!) { petitionHistory(id: $id) }`, pick: (f) => f },
};

let petitionId = '';
let panelId = '';
let tokens = {} as Record<Who, string | null>;

const ts = useTimeSkippingSystem(async (_env, system) => {
  tokens = principalTokens(system);
  const ok = async (who: Who, document: string, variables: Record<string, unknown>) =>
    okField(await system.gql(tokens[who], document, variables));
  petitionId = (
    await ok('REG', `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }`, {
      input: {
        petitioner: PETITIONER_WHOLE,
        channel: 'LETTER',
        category: 'CLAIM',
        summary: SUMMARY,
        content: CONTENT,
        respondentUnitId: 'U-FT-01',
      },
    })
  ).id;
  const id = petitionId;
  await ok('REG', `mutation($id: ID!, $n: String) { acceptPetition(id: $id, unitId: "U-FT-01", note: $n) { id } }`, {
    id,
    n: NOTE,
  });
  // Escalated to LDR, who then owns the case and meets the petitioner.
  await ok('SUP', `mutation($id: ID!, $r: String!) { escalate(id: $id, leaderId: "leader-wang", reason: $r) { id } }`, {
    id,
    r: REASON,
  });
  await ok('HDL', `mutation($id: ID!, $t: String!) { replyPetition(id: $id, outcome: EXPLAIN, text: $t) { id } }`, {
    id,
    t: REPLY,
  });
  const convene = 'mutation($input: ConveneEvaluationPanelInput!) { conveneEvaluationPanel(input: $input) { id } }';
  panelId = (await ok('SUP', convene, { input: { title: TITLE, members: PANEL_OF_FIVE, petitionIds: [id] } })).id;
  // Reviewers' scope is read from the panel's projection, written a moment after convening.
  await eventually(async () => (await system.gql(tokens.REV, PETITION('id'), { id })).data?.petition);
  await ok(
    'REV',
    `mutation($p: ID!, $id: ID!, $c: String) { recordEvaluation(panelId: $p, petitionId: $id, verdict: SATISFIED, comment: $c) { id } }`,
    { p: panelId, id, c: COMMENT },
  );
});

/** The column's answer for `who`: the field's value, or the refusal's code; and the whole answer, as sent. */
async function read(column: Column, who: Who): Promise<{ value: unknown; sent: string }> {
  if (column === 'download') {
    const response = await ts.system.yoga.fetch(`http://fengqiao.test/petitions/${petitionId}/history.json`, {
      headers: tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {},
    });
    const sent = await response.text();
    const body = JSON.parse(sent);
    return { value: response.ok ? body : { error: body.errors[0].extensions.code, status: response.status }, sent };
  }
  const { document, pick } = QUERIES[column];
  const answer: GraphQLAnswer = await ts.system.gql(tokens[who], document, { id: petitionId, panel: panelId });
  const sent = JSON.stringify(answer);
  return { value: answer.errors ? { error: errorCode(answer) } : pick(okField(answer)), sent };
}

/** The workflow's state as Temporal answers it, and as a masked reader must get it: MASKING applied by hand. */
async function liveAnswers(): Promise<Record<'whole' | 'masked', unknown>> {
  const state = await ts.env.client.workflow.getHandle(petitionWorkflowId(petitionId)).query(petitionStateQuery);
  const whole = JSON.parse(JSON.stringify(state));
  const maskText = (text: string) => MASKING.reduce((t, [plain, hidden]) => t.replaceAll(plain, hidden), text);
  const masked = JSON.parse(JSON.stringify(whole), (_key, v) => (typeof v === 'string' ? maskText(v) : v));
  masked.petitioner = PETITIONER_MASKED;
  return { whole, masked };
}

const HTTP_STATUS: Record<string, number> = { FB: 403, UA: 401 };
const CODES: Record<string, string> = { NF: 'NOT_FOUND', FB: 'FORBIDDEN', UA: 'UNAUTHENTICATED' };

async function expectedOf(column: Column, cell: Cell): Promise<unknown> {
  if (cell === 'unlisted') return [];
  if (cell !== 'whole' && cell !== 'masked')
    return column === 'download' ? { error: CODES[cell], status: HTTP_STATUS[cell] } : { error: CODES[cell] };
  if (column === 'live') return (await liveAnswers())[cell];
  if (column === 'petitionHistory' || column === 'download') {
    // Whole: the admin's history (checked below to hold the registration as it was sent); never masked.
    return (await read('petitionHistory', 'ADM')).value;
  }
  return ANSWERS[column][cell];
}

const COLUMNS = Object.keys(EXPECTED.REG) as Column[];
const WHO = Object.keys(PRINCIPALS) as Who[];

describe.for(COLUMNS)('%s', (column) => {
  it.for(WHO)('%s', async (who) => {
    const cell = EXPECTED[who][column];
    const { value } = await read(column, who);
    expect(JSON.stringify(value)).toBe(JSON.stringify(await expectedOf(column, cell)));
  });
});

describe('the history, whole', () => {
  it("holds the registration as it was sent: the reference of the matrix's whole history cells", async () => {
    const history = (await read('petitionHistory', 'ADM')).value as any;
    const started = history.events[0].workflowExecutionStartedEventAttributes;
    const input = JSON.parse(Buffer.from(started.input.payloads[0].data, 'base64').toString());
    expect(JSON.stringify(input.registration.petitioner)).toBe(JSON.stringify(PETITIONER_WHOLE));
  });
});

describe('nothing in plain text for who may not see it', () => {
  // Everyone who does not get the petitioner whole; of the tester's answers, the history is whole by design.
  const blind = WHO.filter((who) => EXPECTED[who].petitioner !== 'whole');
  it.for(blind)('%s: no name, ID number, phone or address anywhere in what it was sent', async (who) => {
    const sent = await Promise.all(
      COLUMNS.filter((c) => EXPECTED[who][c] !== 'whole').map(async (c) => (await read(c, who)).sent),
    );
    for (const plain of PLAIN) expect(sent.join('\n')).not.toContain(plain);
  });
});
