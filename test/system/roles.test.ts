/**
 * Every role against every operation of API.md, as one table: who may do what, and what a principal who may
 * not see a petition or panel is told (NOT_FOUND, exactly as for an id that does not exist).
 *
 * "Allowed" is asserted precisely: a cell either answers data (`ok`) or names the domain refusal it gets after
 * passing the role check. Those refusals are chosen on purpose: the workflow's update validators refuse before
 * anything is written, so the fixtures stay as they are for every other cell.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../api/auth';
import { PANEL_OF_FIVE as MEMBERS } from '../support/panel-members';
import { errorCode, type GraphQLAnswer, okField } from '../support/graphql';
import { eventually, type System, useTimeSkippingSystem } from '../support/system';

const DAY = 86_400_000;

/** Who asks: one column each. Unit A (U-FT-01) handles every fixture petition; unit B (U-FT-02) none. */
const PRINCIPALS = {
  REG: { role: 'REGISTRAR' },
  HDL: { role: 'UNIT_HANDLER', unitId: 'U-FT-01' },
  'HDL/B': { role: 'UNIT_HANDLER', unitId: 'U-FT-02' },
  HEAD: { role: 'UNIT_HEAD', unitId: 'U-FT-01' },
  'HEAD/B': { role: 'UNIT_HEAD', unitId: 'U-FT-02' },
  SUP: { role: 'SUPERVISOR' },
  // `escalated` is escalated to leader-wang; leader-li has no case.
  LDR: { role: 'LEADER', principalId: 'leader-wang' },
  'LDR/X': { role: 'LEADER', principalId: 'leader-li' },
  // M-LAW-1 sits on `panel`; M-OUTSIDER on no panel.
  REV: { role: 'REVIEWER', principalId: 'reviewer-law-1', memberId: 'M-LAW-1' },
  'REV/X': { role: 'REVIEWER', principalId: 'reviewer-outsider', memberId: 'M-OUTSIDER' },
  TEST: { role: 'TESTER' },
  ADM: { role: 'ADMIN' },
  anon: null,
} as const satisfies Record<string, { role: Role; unitId?: string; principalId?: string; memberId?: string } | null>;
type Who = keyof typeof PRINCIPALS;

/**
 * What a call is aimed at, built once before the matrix runs:
 * - handling:  unit A's petition in HANDLING, its 督办 DB-1 answered, a hearing (听证) open
 * - escalated: unit A's petition in HANDLING, escalated (提级包案) to LDR, no hearing
 * - closed:    unit A's petition, delivered, then CLOSED when its 复查 window ran out; the case before `panel`
 * - panel:     an evaluation panel of five (REV among them, not REV/X) over `closed`, still open
 */
type Target = 'handling' | 'escalated' | 'closed' | 'panel';

/** Ids of the same shape that were never issued: a hidden target must answer exactly as these do. */
const MADE_UP: Record<Target, string> = { handling: 'XF-0000DEADBEEF', escalated: 'XF-0000DEADBEEF', closed: 'XF-0000DEADBEEF', panel: 'PY-0000DEADBEEF' };

const OUTCOMES = {
  ok: 'answers data, no error',
  UA: 'UNAUTHENTICATED',
  FB: 'FORBIDDEN',
  NF: 'NOT_FOUND, identical to the answer for a made-up id',
  IT: 'INVALID_TRANSITION',
  LE: 'LIMIT_EXCEEDED',
  WC: 'WINDOW_CLOSED',
} as const;
type Outcome = keyof typeof OUTCOMES;
const CODE: Record<Exclude<Outcome, 'ok'>, string> = {
  UA: 'UNAUTHENTICATED',
  FB: 'FORBIDDEN',
  NF: 'NOT_FOUND',
  IT: 'INVALID_TRANSITION',
  LE: 'LIMIT_EXCEEDED',
  WC: 'WINDOW_CLOSED',
};

/**
 * The matrix. UA, FB and NF are refusals for who is asking; IT, LE and WC passed the role check and were refused
 * by the rules (the target's state was picked for it); ok answered. Rows run in this order, top to bottom.
 * ADM on recordEvaluation: an evaluation is a named member's own vote, and an admin token names no member.
 */
const MATRIX = `
| operation              | target    | REG | HDL | HDL/B | HEAD | HEAD/B | SUP | LDR | LDR/X | REV | REV/X | TEST | ADM | anon |
|------------------------|-----------|-----|-----|-------|------|--------|-----|-----|-------|-----|-------|------|-----|------|
| viewer                 |           | ok  | ok  | ok    | ok   | ok     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | UA   |
| statute                |           | ok  | ok  | ok    | ok   | ok     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | ok   |
| petition               | handling  | ok  | ok  | NF    | ok   | NF     | ok  | NF  | NF    | NF  | NF    | ok   | ok  | UA   |
| petition               | escalated | ok  | ok  | NF    | ok   | NF     | ok  | ok  | NF    | NF  | NF    | ok   | ok  | UA   |
| petition               | closed    | ok  | ok  | NF    | ok   | NF     | ok  | NF  | NF    | ok  | NF    | ok   | ok  | UA   |
| petitions              |           | ok  | ok  | ok    | ok   | ok     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | UA   |
| statistics             |           | ok  | ok  | ok    | ok   | ok     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | UA   |
| statistics of U-FT-01  |           | ok  | ok  | FB    | ok   | FB     | ok  | ok  | ok    | ok  | ok    | ok   | ok  | UA   |
| panel                  | panel     | ok  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | ok  | NF    | ok   | ok  | UA   |
| panels                 |           | ok  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | ok  | ok    | ok   | ok  | UA   |
| petitionHistory        | handling  | FB  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | ok   | ok  | UA   |
| registerPetition       |           | ok  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | ok  | UA   |
| acceptPetition         | handling  | IT  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| routePetition          | handling  | IT  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| declinePetition        | handling  | IT  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| requestExtension       | handling  | FB  | LE  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | LE  | UA   |
| decideExtension        | handling  | FB  | FB  | FB    | IT   | NF     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| startHearing           | handling  | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| endHearing             | escalated | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| replyPetition          | handling  | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| recordSatisfaction     | handling  | IT  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| requestReview          | closed    | WC  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | WC  | UA   |
| urge                   | handling  | FB  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | FB  | FB    | FB   | ok  | UA   |
| answerUrge             | handling  | FB  | IT  | NF    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| escalate               | escalated | FB  | FB  | FB    | FB   | FB     | IT  | FB  | FB    | FB  | FB    | FB   | IT  | UA   |
| instruct               | escalated | FB  | FB  | FB    | FB   | FB     | FB  | ok  | NF    | FB  | FB    | FB   | ok  | UA   |
| conveneEvaluationPanel | closed    | FB  | FB  | FB    | FB   | FB     | ok  | FB  | FB    | FB  | FB    | FB   | ok  | UA   |
| recordEvaluation       | panel     | FB  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | ok  | NF    | FB   | FB  | UA   |
| replayHistory          |           | FB  | FB  | FB    | FB   | FB     | FB  | FB  | FB    | FB  | FB    | ok   | ok  | UA   |
`;

interface Fixtures extends Record<Target, string> {
  /** `handling`'s history as the API exports it, for replayHistory. */
  history: unknown;
}

interface Operation {
  document: string;
  /** The variables, given the target's id (or a made-up one). */
  variables?: (id: string, fixtures: Fixtures) => Record<string, unknown>;
}

const PERIOD = { from: '2020-01-01T00:00:00+08:00', to: '2040-01-01T00:00:00+08:00' };
const PETITION = '{ id status }';
const byId = (id: string) => ({ id });

const REGISTER = `mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) ${PETITION} }`;
const CONVENE = 'mutation($input: ConveneEvaluationPanelInput!) { conveneEvaluationPanel(input: $input) { id } }';
const registration = (summary: string) => ({
  petitioner: { name: '权限测试', phone: '13600002222' },
  channel: 'ONLINE',
  category: 'CLAIM',
  summary,
  content: `${summary}，请求处理`,
});

const OPERATIONS: Record<string, Operation> = {
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
  acceptPetition: { document: `mutation($id: ID!) { acceptPetition(id: $id, unitId: "U-FT-01") ${PETITION} }`, variables: byId },
  routePetition: { document: `mutation($id: ID!) { routePetition(id: $id, unitId: "U-FT-02", mode: ASSIGN) ${PETITION} }`, variables: byId },
  declinePetition: { document: `mutation($id: ID!) { declinePetition(id: $id, reason: OTHER) ${PETITION} }`, variables: byId },
  // One day over the statute's 30.
  requestExtension: { document: `mutation($id: ID!) { requestExtension(id: $id, days: 31, reason: "需核查") ${PETITION} }`, variables: byId },
  // No request is waiting.
  decideExtension: { document: `mutation($id: ID!) { decideExtension(id: $id, approve: true) ${PETITION} }`, variables: byId },
  // `handling` has its hearing open already; `escalated` has none to end.
  startHearing: { document: `mutation($id: ID!) { startHearing(id: $id) ${PETITION} }`, variables: byId },
  endHearing: { document: `mutation($id: ID!) { endHearing(id: $id) ${PETITION} }`, variables: byId },
  // Not while the hearing is open.
  replyPetition: { document: `mutation($id: ID!) { replyPetition(id: $id, outcome: EXPLAIN, text: "已答复") ${PETITION} }`, variables: byId },
  // Only after a delivered opinion.
  recordSatisfaction: { document: `mutation($id: ID!) { recordSatisfaction(id: $id, level: SATISFIED) ${PETITION} }`, variables: byId },
  // `closed` let its window run out.
  requestReview: { document: `mutation($id: ID!) { requestReview(id: $id, reason: "不服") ${PETITION} }`, variables: byId },
  urge: { document: `mutation($id: ID!) { urge(id: $id, message: "请报告进展") ${PETITION} }`, variables: byId },
  // DB-1 was answered when the fixture was built.
  answerUrge: { document: `mutation($id: ID!) { answerUrge(id: $id, urgeId: "DB-1", text: "已处理") ${PETITION} }`, variables: byId },
  // Escalated already.
  escalate: { document: `mutation($id: ID!) { escalate(id: $id, leaderId: "leader-li", reason: "久拖") ${PETITION} }`, variables: byId },
  instruct: { document: `mutation($id: ID!) { instruct(id: $id, text: "一周内拿出方案") ${PETITION} }`, variables: byId },
  conveneEvaluationPanel: {
    document: CONVENE,
    variables: (id) => ({ input: { title: '权限矩阵评议会', members: MEMBERS, petitionIds: [id] } }),
  },
  recordEvaluation: {
    document: 'mutation($id: ID!, $petitionId: ID!) { recordEvaluation(panelId: $id, petitionId: $petitionId, verdict: SATISFIED) { id status } }',
    variables: (id, f) => ({ id, petitionId: f.closed }),
  },
  replayHistory: { document: 'mutation($history: JSON!) { replayHistory(history: $history) { ok events } }', variables: (_, f) => ({ history: f.history }) },
};

interface Row {
  label: string;
  operation: string;
  target: Target | null;
  cells: { who: Who; outcome: Outcome }[];
}

function parseMatrix(table: string): Row[] {
  const split = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
  const [header, , ...lines] = table.trim().split('\n').map(split);
  const columns = header!.slice(2);
  if (columns.join() !== Object.keys(PRINCIPALS).join()) throw new Error(`the columns must be ${Object.keys(PRINCIPALS).join(', ')}`);
  return lines.map(([operation, target, ...outcomes]) => {
    if (!OPERATIONS[operation!]) throw new Error(`no operation ${operation} in OPERATIONS`);
    if (target && !(target in MADE_UP)) throw new Error(`${operation}: unknown target ${target}`);
    const cells = outcomes.map((outcome, i) => {
      if (!(outcome in OUTCOMES)) throw new Error(`${operation}: unknown outcome ${outcome}`);
      if (outcome === 'NF' && !target) throw new Error(`${operation}: NF needs a target to hide`);
      return { who: columns[i] as Who, outcome: outcome as Outcome };
    });
    if (cells.length !== columns.length) throw new Error(`${operation} ${target}: ${cells.length} cells for ${columns.length} columns`);
    return { label: target ? `${operation} (${target})` : operation!, operation: operation!, target: (target || null) as Target | null, cells };
  });
}

const ROWS = parseMatrix(MATRIX);
const outcomeOf = (operation: string, target: Target | null, who: Who) =>
  ROWS.find((r) => r.operation === operation && r.target === target)!.cells.find((c) => c.who === who)!.outcome;

let system: System;
let fixtures: Fixtures;
const tokens = {} as Record<Who, string | null>;
/** Timeline event types of each fixture petition before the matrix ran. */
const before = {} as Record<Exclude<Target, 'panel'>, string[]>;

async function ok(who: Who, document: string, variables?: Record<string, unknown>): Promise<any> {
  return okField(await system.gql(tokens[who], document, variables));
}

const timelineOf = async (id: string): Promise<{ status: string; types: string[] }> => {
  const petition = await ok('REG', 'query($id: ID!) { petition(id: $id) { status timeline { type } } }', byId(id));
  return { status: petition.status, types: petition.timeline.map((e: { type: string }) => e.type) };
};

async function acceptedPetition(summary: string): Promise<string> {
  const { id } = await ok('REG', REGISTER, { input: registration(summary) });
  await ok('REG', `mutation($id: ID!) { acceptPetition(id: $id, unitId: "U-FT-01") ${PETITION} }`, byId(id));
  return id;
}

useTimeSkippingSystem(async (env, running) => {
  system = running;
  for (const [who, principal] of Object.entries(PRINCIPALS) as [Who, (typeof PRINCIPALS)[Who]][]) {
    if (!principal) {
      tokens[who] = null;
      continue;
    }
    const { role, ...options } = principal;
    tokens[who] = system.token(role, options);
  }

  const closed = await acceptedPetition('违建拆除');
  await ok('HDL', `mutation($id: ID!) { replyPetition(id: $id, outcome: EXPLAIN, text: "已答复") ${PETITION} }`, byId(closed));
  // The 复查 window (30 days) runs out unused: the case closes and its workflow completes.
  await env.sleep(32 * DAY);
  await eventually(async () => (await timelineOf(closed)).status === 'CLOSED');
  const panel = (await ok('SUP', CONVENE, { input: { title: '权限测试评议会', members: MEMBERS, petitionIds: [closed] } })).id as string;
  // Reviewers' scope is read from the panel's projection, written a moment after convening.
  await eventually(async () => (await system.gql(tokens.SUP, '{ panels { id } }')).data?.panels.some((p: { id: string }) => p.id === panel));

  const handling = await acceptedPetition('供水中断');
  await ok('SUP', `mutation($id: ID!) { urge(id: $id, message: "请报告进展") ${PETITION} }`, byId(handling));
  await ok('HDL', `mutation($id: ID!) { answerUrge(id: $id, urgeId: "DB-1", text: "已约谈物业") ${PETITION} }`, byId(handling));
  await ok('HDL', `mutation($id: ID!) { startHearing(id: $id) ${PETITION} }`, byId(handling));

  const escalated = await acceptedPetition('群体性诉求');
  await ok('SUP', `mutation($id: ID!) { escalate(id: $id, leaderId: "leader-wang", reason: "久拖未决") ${PETITION} }`, byId(escalated));

  const history = await ok('TEST', 'query($id: ID!) { petitionHistory(id: $id) }', byId(handling));
  fixtures = { handling, escalated, closed, panel, history };
  for (const target of ['handling', 'escalated', 'closed'] as const) before[target] = (await timelineOf(fixtures[target])).types;
});

function send(who: Who, row: Row, id: string): Promise<GraphQLAnswer> {
  const operation = OPERATIONS[row.operation]!;
  return system.gql(tokens[who], operation.document, operation.variables?.(id, fixtures));
}

describe.for(ROWS.map((row) => [row.label, row] as const))('%s', ([, row]) => {
  it.for(row.cells.map(({ who, outcome }) => [who, outcome] as const))('%s → %s', async ([who, outcome]) => {
    const id = row.target ? fixtures[row.target] : '';
    const answer = await send(who, row, id);
    if (outcome === 'ok') {
      expect(okField(answer) ?? null).not.toBeNull();
      return;
    }
    expect(errorCode(answer), JSON.stringify(answer.errors)).toBe(CODE[outcome]);
    if (outcome === 'NF') {
      // Byte for byte what an id that never existed gets: nothing tells the caller the target is real.
      const madeUp = MADE_UP[row.target!];
      const never = await send(who, row, madeUp);
      expect(JSON.stringify(answer).replaceAll(id, '<id>')).toBe(JSON.stringify(never).replaceAll(madeUp, '<id>'));
    }
  });
});

describe('lists agree with the matrix', () => {
  const listers = (Object.keys(PRINCIPALS) as Who[]).filter((who) => outcomeOf('petitions', null, who) === 'ok');

  it.for(listers)('%s lists exactly the fixture petitions and panel it may read', async (who) => {
    const petitions = await ok(who, '{ petitions(first: 100) { edges { node { id } } } }');
    const listed = new Set(petitions.edges.map((e: { node: { id: string } }) => e.node.id));
    const targets = ['handling', 'escalated', 'closed'] as const;
    expect(targets.filter((t) => listed.has(fixtures[t]))).toEqual(targets.filter((t) => outcomeOf('petition', t, who) === 'ok'));
    if (outcomeOf('panels', null, who) !== 'ok') return;
    const panels = await ok(who, '{ panels(first: 100) { id } }');
    expect(panels.some((p: { id: string }) => p.id === fixtures.panel)).toBe(outcomeOf('panel', 'panel', who) === 'ok');
  });
});

describe('after the matrix', () => {
  it('the refused cells wrote nothing: each fixture only gained the events of the cells that answered ok', async () => {
    const gained: Record<Exclude<Target, 'panel'>, string[]> = {
      handling: ['URGED', 'ESCALATION_PROPOSED'], // SUP's and ADM's 督办, the third one proposing 提级包案
      escalated: ['INSTRUCTED'],
      closed: [],
    };
    for (const target of ['handling', 'escalated', 'closed'] as const) {
      const now = await timelineOf(fixtures[target]);
      expect(now.status, target).toBe(target === 'closed' ? 'CLOSED' : 'HANDLING');
      expect(now.types.slice(0, before[target].length), target).toEqual(before[target]);
      expect(now.types.slice(before[target].length).filter((type) => !gained[target].includes(type)), target).toEqual([]);
    }
    const panel = await ok('SUP', 'query($id: ID!) { panel(id: $id) { status evaluations { memberId } } }', byId(fixtures.panel));
    expect(panel.status).toBe('OPEN');
    expect(panel.evaluations.filter((e: { memberId: string }) => e.memberId !== 'M-LAW-1')).toEqual([]);
  });
});
