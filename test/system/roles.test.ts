/**
 * Every role against every operation of API.md, as one table: who may do what, and what a principal who may
 * not see a petition or panel is told (NOT_FOUND, exactly as for an id that does not exist).
 *
 * "Allowed" is asserted precisely: a cell either answers data (`ok`) or names the domain refusal it gets after
 * passing the role check. Those refusals are chosen on purpose: the workflow's update validators refuse before
 * anything is written, so the fixtures stay as they are for every other cell.
 */
import { describe, expect, it } from 'vitest';
import { errorCode, type GraphQLAnswer, okField } from '../support/graphql';
import { PANEL_OF_FIVE as MEMBERS } from '../support/panel-members';
import { CODE, outcomeOf, PRINCIPALS, principalTokens, type Row, ROWS, type Who } from '../support/role-matrix';
import {
  byId,
  CONVENE,
  type Fixtures,
  MADE_UP,
  OPERATIONS,
  PETITION,
  REGISTER,
  registration,
  type Target,
} from '../support/role-operations';
import { acceptedBeforeTheRule, accusation as accusationInput } from '../support/accusations';
import { eventually, useTimeSkippingSystem } from '../support/system';

const DAY = 86_400_000;

let fixtures: Fixtures;
const tokens = {} as Record<Who, string | null>;
type PetitionTarget = Exclude<Target, 'panel'>;
const PETITION_TARGETS = ['handling', 'escalated', 'closed', 'accusation'] as const satisfies PetitionTarget[];
/** Timeline event types of each fixture petition before the matrix ran. */
const before = {} as Record<PetitionTarget, string[]>;

async function ok(who: Who, document: string, variables?: Record<string, unknown>): Promise<any> {
  return okField(await ts.system.gql(tokens[who], document, variables));
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

const ts = useTimeSkippingSystem(async (env, system) => {
  Object.assign(tokens, principalTokens(system));

  const closed = await acceptedPetition('违建拆除');
  await ok(
    'HDL',
    `mutation($id: ID!) { replyPetition(id: $id, outcome: EXPLAIN, text: "已答复") ${PETITION} }`,
    byId(closed),
  );
  // The 复查 window (30 days) runs out unused and so does its grace for requests made in time (appealGraceDays):
  // the case closes and its workflow completes.
  const { deadlines } = await ok(
    'REG',
    'query($id: ID!) { petition(id: $id) { deadlines { kind closesAt } } }',
    byId(closed),
  );
  const closesAt = Date.parse(deadlines.find((d: { kind: string }) => d.kind === 'REVIEW_WINDOW').closesAt);
  await env.sleep(closesAt - (await env.currentTimeMs()) + DAY);
  await eventually(async () => (await timelineOf(closed)).status === 'CLOSED');
  const panel = (
    await ok('SUP', CONVENE, { input: { title: '权限测试评议会', members: MEMBERS, petitionIds: [closed] } })
  ).id as string;
  // Reviewers' scope is read from the panel's projection, written a moment after convening.
  await eventually(async () =>
    (await ts.system.gql(tokens.SUP, '{ panels { id } }')).data?.panels.some((p: { id: string }) => p.id === panel),
  );

  const handling = await acceptedPetition('供水中断');
  await ok('SUP', `mutation($id: ID!) { urge(id: $id, message: "请报告进展") ${PETITION} }`, byId(handling));
  await ok(
    'HDL',
    `mutation($id: ID!) { answerUrge(id: $id, urgeId: "DB-1", text: "已约谈物业") ${PETITION} }`,
    byId(handling),
  );
  await ok('HDL', `mutation($id: ID!) { startHearing(id: $id) ${PETITION} }`, byId(handling));

  const escalated = await acceptedPetition('群体性诉求');
  await ok(
    'SUP',
    `mutation($id: ID!) { escalate(id: $id, leaderId: "leader-wang", reason: "久拖未决") ${PETITION} }`,
    byId(escalated),
  );

  const { id: accusation } = await ok('REG', REGISTER, {
    input: accusationInput('举报违规发放补贴', '某股长违规发放补贴'),
  });
  await acceptedBeforeTheRule(env, system, accusation);

  const history = await ok('TEST', 'query($id: ID!) { petitionHistory(id: $id) }', byId(handling));
  fixtures = { handling, escalated, closed, panel, accusation, history };
  for (const target of PETITION_TARGETS) before[target] = (await timelineOf(fixtures[target])).types;
});

function send(who: Who, row: Row, id: string): Promise<GraphQLAnswer> {
  const operation = OPERATIONS[row.operation]!;
  return ts.system.gql(tokens[who], operation.document, operation.variables?.(id, fixtures));
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
    expect(PETITION_TARGETS.filter((t) => listed.has(fixtures[t]))).toEqual(
      PETITION_TARGETS.filter((t) => outcomeOf('petition', t, who) === 'ok'),
    );
    if (outcomeOf('panels', null, who) !== 'ok') return;
    const panels = await ok(who, '{ panels(first: 100) { id } }');
    expect(panels.some((p: { id: string }) => p.id === fixtures.panel)).toBe(outcomeOf('panel', 'panel', who) === 'ok');
  });
});

describe('after the matrix', () => {
  it('the refused cells wrote nothing: each fixture only gained the events of the cells that answered ok', async () => {
    const gained: Record<PetitionTarget, string[]> = {
      handling: ['URGED', 'ESCALATION_PROPOSED'], // SUP's and ADM's 督办, the third one proposing 提级包案
      escalated: ['INSTRUCTED'],
      closed: [],
      accusation: ['URGED', 'ESCALATION_PROPOSED'],
    };
    for (const target of PETITION_TARGETS) {
      const now = await timelineOf(fixtures[target]);
      expect(now.status, target).toBe(target === 'closed' ? 'CLOSED' : 'HANDLING');
      expect(now.types.slice(0, before[target].length), target).toEqual(before[target]);
      expect(
        now.types.slice(before[target].length).filter((type) => !gained[target].includes(type)),
        target,
      ).toEqual([]);
    }
    const panel = await ok(
      'SUP',
      'query($id: ID!) { panel(id: $id) { status evaluations { memberId } } }',
      byId(fixtures.panel),
    );
    expect(panel.status).toBe('OPEN');
    expect(panel.evaluations.filter((e: { memberId: string }) => e.memberId !== 'M-LAW-1')).toEqual([]);
  });
});
