/**
 * 第三方评议 through GraphQL on the time-skipping server: a panel of five reaching verdicts (a DISSATISFIED one
 * reopening its case, a closed case included), a panel timing out without quorum, duplicate and foreign votes,
 * attendance recorded by the supervisor (present whether or not they voted), and the Shenzhen figures in the
 * statistics.
 */
import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../domain/calendar';
import type { PetitionState } from '../../domain/petition';
import { petitionWorkflowId } from '../../workflows/definitions';
import { panelWorkflowId } from '../../workflows/panel-definitions';
import { PANEL_OF_FIVE } from '../support/panel-members';
import { errorCode, okData, okField } from '../support/graphql';
import { eventually, useTimeSkippingSystem } from '../support/system';
import { calendar } from '../support/calendar';

const DAY = 86_400_000;

const reviewers = new Map<string, string>();

const MEMBERS = PANEL_OF_FIVE;

const ts = useTimeSkippingSystem((_env, system) => {
  for (const m of [...MEMBERS, { memberId: 'M-OUTSIDER' }]) {
    reviewers.set(
      m.memberId,
      system.token('REVIEWER', { principalId: `reviewer-${m.memberId}`, memberId: m.memberId }),
    );
  }
});

async function gqlOk(token: string, query: string, variables?: Record<string, unknown>) {
  return okData(await ts.system.gql(token, query, variables));
}

async function live(id: string): Promise<PetitionState> {
  return (await gqlOk(ts.tokens.registrar, `{ petition(id: "${id}") { live } }`)).petition.live;
}

/** When the case closes if no 复查 is requested: the window's last moment plus its grace. */
function windowClosesAt(state: PetitionState): number {
  const window = state.deadlines.find((d) => d.kind === 'REVIEW_WINDOW')!;
  return window.dueAt + (window.graceMs ?? 0);
}

async function deliveredPetition(summary: string) {
  const { registerPetition } = await gqlOk(
    ts.tokens.registrar,
    `mutation { registerPetition(input: { petitioner: { name: "评议对象", phone: "13700001111" }, channel: ONLINE, category: CLAIM, summary: "${summary}", content: "${summary}，请求处理" }) { id } }`,
  );
  const id = registerPetition.id as string;
  await gqlOk(ts.tokens.registrar, `mutation { acceptPetition(id: "${id}", unitId: "U-FT-01") { id } }`);
  await gqlOk(ts.tokens.handler, `mutation { replyPetition(id: "${id}", outcome: EXPLAIN, text: "已答复") { id } }`);
  return id;
}

const CONVENE = `mutation($input: ConveneEvaluationPanelInput!) { conveneEvaluationPanel(input: $input) { id status quorum members { memberId } } }`;

async function convene(petitionIds: string[], extra: Record<string, unknown> = {}) {
  return (
    await gqlOk(ts.tokens.supervisor, CONVENE, {
      input: { title: '2026年第4次评议会', members: MEMBERS, petitionIds, ...extra },
    })
  ).conveneEvaluationPanel;
}

function vote(memberId: string, panelId: string, petitionId: string, verdict: string) {
  return ts.system.gql(
    reviewers.get(memberId)!,
    `mutation { recordEvaluation(panelId: "${panelId}", petitionId: "${petitionId}", verdict: ${verdict}, comment: "意见") { id status evaluations { memberId } } }`,
  );
}

describe('a panel of five', () => {
  it('reaches verdicts: SATISFIED is recorded, DISSATISFIED reopens the case (a closed one too) with a new deadline and a 督办', async () => {
    const fine = await deliveredPetition('道路维修');
    const poor = await deliveredPetition('噪音投诉');
    const closed = await deliveredPetition('违建拆除');
    // Let the 复查 windows and their grace for requests made in time run out: the three cases close and their
    // workflows complete.
    const closesAt = Math.max(...(await Promise.all([fine, poor, closed].map(live))).map(windowClosesAt));
    await ts.env.sleep(closesAt - (await ts.env.currentTimeMs()) + DAY);
    await eventually(async () => (await live(closed)).status === 'CLOSED');
    expect((await ts.env.client.workflow.getHandle(petitionWorkflowId(closed)).describe()).status.name).toBe(
      'COMPLETED',
    );

    const panel = await convene([fine, poor, closed]);
    expect(panel).toMatchObject({ status: 'OPEN', quorum: 3 });
    const ballots: Record<string, string[]> = {
      [fine]: ['SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'],
      [poor]: ['DISSATISFIED', 'DISSATISFIED', 'DISSATISFIED', 'SATISFIED', 'SATISFIED'],
      [closed]: ['DISSATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'SATISFIED', 'DISSATISFIED'],
    };
    for (const [petitionId, verdicts] of Object.entries(ballots)) {
      for (const [i, verdict] of verdicts.entries()) {
        okData(await vote(MEMBERS[i]!.memberId, panel.id, petitionId, verdict));
      }
    }

    const result = await eventually(async () => {
      const data = await gqlOk(
        ts.tokens.supervisor,
        `{ panel(id: "${panel.id}") { status closedAt cases { verdict votes petition { id } } members { attended } } }`,
      );
      return data.panel?.status === 'CLOSED' && data.panel;
    });
    expect(result.cases).toEqual([
      { verdict: 'SATISFIED', votes: 5, petition: { id: fine } },
      { verdict: 'DISSATISFIED', votes: 5, petition: { id: poor } },
      { verdict: 'DISSATISFIED', votes: 5, petition: { id: closed } },
    ]);
    expect(result.members.every((m: any) => m.attended)).toBe(true);

    const fineState = await eventually(async () => {
      const s = await live(fine);
      return s.evaluations.length > 0 && s;
    });
    expect(fineState.evaluations[0]).toMatchObject({ panelId: panel.id, verdict: 'SATISFIED', votes: 5 });
    expect(fineState.status).toBe('CLOSED');

    for (const id of [poor, closed]) {
      const state = await eventually(async () => {
        const s = await live(id);
        return s.status === 'HANDLING' && s;
      });
      const reopenedAt = state.timeline.find((e) => e.type === 'REOPENED')!.at;
      const types = state.timeline.map((e) => e.type);
      const evaluated = types.lastIndexOf('EVALUATED');
      expect(types.slice(evaluated, evaluated + 3)).toEqual(['EVALUATED', 'REOPENED', 'URGED']);
      const rehandling = state.deadlines.find((d) => d.kind === 'REHANDLING')!;
      expect(rehandling.startedAt).toBe(reopenedAt);
      expect(rehandling.dueAt).toBe(periodEnd(reopenedAt, 30, 'CALENDAR_DAYS', calendar));
      expect(state.urges.at(-1)).toMatchObject({ kind: 'SUPERVISION', unitId: 'U-FT-01', issuedAt: reopenedAt });
      expect(state.closedAt).toBeNull();
    }
    const shown = await gqlOk(
      ts.tokens.registrar,
      `{ petition(id: "${poor}") { status deadlines { kind met lapsedAt } } }`,
    );
    expect(shown.petition.deadlines.filter((d: any) => !d.met && !d.lapsedAt)).toEqual([
      { kind: 'REHANDLING', met: false, lapsedAt: null },
    ]);
    // The case that had closed runs again, from its final state.
    expect((await ts.env.client.workflow.getHandle(petitionWorkflowId(closed)).describe()).status.name).toBe('RUNNING');
    // Re-handled and answered: delivered again, with a new 复查 window.
    const again = await gqlOk(
      ts.tokens.handler,
      `mutation { replyPetition(id: "${poor}", outcome: SUPPORT, text: "重新办理，支持诉求") { status } }`,
    );
    expect(again.replyPetition.status).toBe('DELIVERED');
  });
});

describe('votes', () => {
  it('the same vote again is harmless, a different one is refused, and a member of no panel is refused', async () => {
    const id = await deliveredPetition('绿化带');
    const panel = await convene([id]);
    okData(await vote('M-LAW-1', panel.id, id, 'SATISFIED'));
    const again = await vote('M-LAW-1', panel.id, id, 'SATISFIED');
    expect(okField(again).evaluations).toHaveLength(1);
    expect(errorCode(await vote('M-LAW-1', panel.id, id, 'DISSATISFIED'))).toBe('INVALID_TRANSITION');
    // Not on the panel: it answers as a panel that does not exist (roles.test.ts checks the two are identical).
    expect(errorCode(await vote('M-OUTSIDER', panel.id, id, 'SATISFIED'))).toBe('NOT_FOUND');
  });

  it('a reviewer reads the cases of their own panels only, with the petitioner masked', async () => {
    const inPanel = await deliveredPetition('路灯');
    const elsewhere = await deliveredPetition('井盖');
    await convene([inPanel]);
    const member = reviewers.get('M-NPC-1')!;
    const own = await gqlOk(member, `{ petition(id: "${inPanel}") { id petitioner { name phone masked } } }`);
    expect(own.petition).toEqual({ id: inPanel, petitioner: { name: '评**', phone: '*******1111', masked: true } });
    expect(errorCode(await ts.system.gql(member, `{ petition(id: "${elsewhere}") { id } }`))).toBe('NOT_FOUND');
    expect(errorCode(await ts.system.gql(reviewers.get('M-OUTSIDER')!, `{ petition(id: "${inPanel}") { id } }`))).toBe(
      'NOT_FOUND',
    );
    const listed = await gqlOk(member, '{ petitions(first: 100) { edges { node { id } } } }');
    expect(listed.petitions.edges.map((e: any) => e.node.id)).toContain(inPanel);
    expect(listed.petitions.edges.map((e: any) => e.node.id)).not.toContain(elsewhere);
  });

  it('a panel without quorum by its deadline closes with no verdict, and says so on the case', async () => {
    const id = await deliveredPetition('公交线路');
    const panel = await convene([id]);
    await vote('M-NPC-1', panel.id, id, 'DISSATISFIED');
    await vote('M-NPC-2', panel.id, id, 'DISSATISFIED');
    const { deadlineAt } = (await gqlOk(ts.tokens.supervisor, `{ panel(id: "${panel.id}") { deadlineAt } }`)).panel;
    // 14 days by default, ending at 24:00 of its last day like every period here.
    expect(Date.parse(deadlineAt) - (await ts.env.currentTimeMs())).toBeGreaterThan(14 * DAY - DAY);
    await ts.env.sleep(Date.parse(deadlineAt) - (await ts.env.currentTimeMs()) + 60_000);
    const closed = await eventually(async () => {
      const data = await gqlOk(
        ts.tokens.supervisor,
        `{ panel(id: "${panel.id}") { status cases { verdict votes } members { attended } } }`,
      );
      return data.panel?.status === 'CLOSED' && data.panel;
    });
    expect(closed.cases).toEqual([{ verdict: null, votes: 2 }]);
    expect(closed.members.filter((m: any) => m.attended)).toHaveLength(2);
    const state = await eventually(async () => {
      const s = await live(id);
      return s.evaluations.length > 0 && s;
    });
    expect(state.evaluations[0]).toMatchObject({ verdict: null, votes: 2 });
    expect(state.timeline.find((e) => e.type === 'EVALUATED')!.note).toContain('无评议结论');
    expect(state.deadlines.some((d) => d.kind === 'REHANDLING')).toBe(false);
  });

  it('convening checks the panel: five to nine members, a lawyer, delivered petitions', async () => {
    const id = await deliveredPetition('菜市场');
    const notLawyers = MEMBERS.map((m) => ({ ...m, kind: 'NPC_DEPUTY' }));
    const noLawyer = await ts.system.gql(ts.tokens.supervisor, CONVENE, {
      input: { title: 't', members: notLawyers, petitionIds: [id] },
    });
    expect(noLawyer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members' });
    const { registerPetition } = await gqlOk(
      ts.tokens.registrar,
      'mutation { registerPetition(input: { petitioner: { name: "未办结" }, channel: VISIT, category: CLAIM, summary: "s", content: "c" }) { id } }',
    );
    const open = await ts.system.gql(ts.tokens.supervisor, CONVENE, {
      input: { title: 't', members: MEMBERS, petitionIds: [registerPetition.id] },
    });
    expect(open.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.petitionIds' });
    expect(
      errorCode(
        await ts.system.gql(ts.tokens.registrar, CONVENE, {
          input: { title: 't', members: MEMBERS, petitionIds: [id] },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('attendance: a member present counts whether or not they voted; a name not on the panel and a closed panel are refused', async () => {
    const id = await deliveredPetition('停车收费');
    const panel = await convene([id]);
    const attend = (memberIds: string[], requestId: string, token = ts.tokens.supervisor) =>
      ts.system.gql(
        token,
        `mutation($panelId: ID!, $memberIds: [ID!]!, $requestId: String) { recordAttendance(panelId: $panelId, memberIds: $memberIds, requestId: $requestId) { members { memberId attended voted } } }`,
        { panelId: panel.id, memberIds, requestId },
      );
    okData(await vote('M-NPC-1', panel.id, id, 'SATISFIED'));
    okData(await vote('M-NPC-2', panel.id, id, 'SATISFIED'));
    const unknown = await attend(['M-CPPCC-1', 'M-OUTSIDER'], 'a-0');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberIds[1]' });
    expect(errorCode(await attend(['M-CPPCC-1'], 'a-0', reviewers.get('M-LAW-1')!))).toBe('FORBIDDEN');
    // M-CPPCC-1 and M-PARTY-1 came and did not vote; M-NPC-2 voted (present again is harmless).
    const present = okField(await attend(['M-CPPCC-1', 'M-PARTY-1', 'M-NPC-2'], 'a-1')).members;
    const ids = (members: any[]) => members.map((m) => m.memberId).sort();
    expect(ids(present.filter((m: any) => m.attended))).toEqual(['M-CPPCC-1', 'M-NPC-1', 'M-NPC-2', 'M-PARTY-1']);
    expect(ids(present.filter((m: any) => m.voted))).toEqual(['M-NPC-1', 'M-NPC-2']);
    // The same request again answers the same.
    expect(okField(await attend(['M-CPPCC-1', 'M-PARTY-1', 'M-NPC-2'], 'a-1')).members).toEqual(present);

    const { deadlineAt } = (await gqlOk(ts.tokens.supervisor, `{ panel(id: "${panel.id}") { deadlineAt } }`)).panel;
    await ts.env.sleep(Date.parse(deadlineAt) - (await ts.env.currentTimeMs()) + 60_000);
    const closedAt = await eventually(
      async () => (await gqlOk(ts.tokens.supervisor, `{ panel(id: "${panel.id}") { closedAt } }`)).panel.closedAt,
    );
    // Closed (its workflow has ended): no one is recorded any more.
    await eventually(
      async () =>
        (await ts.env.client.workflow.getHandle(panelWorkflowId(panel.id)).describe()).status.name === 'COMPLETED',
    );
    expect(errorCode(await attend(['M-LAW-1'], 'a-2'))).toBe('INVALID_TRANSITION');
    const from = new Date(Date.parse(closedAt) - 1_000).toISOString();
    const to = new Date(Date.parse(closedAt) + 1_000).toISOString();
    const stats = await gqlOk(
      ts.tokens.supervisor,
      `{ statistics(filter: { from: "${from}", to: "${to}" }) { panelsHeld panelAttendances } }`,
    );
    expect(stats.statistics).toEqual({ panelsHeld: 1, panelAttendances: 4 });
  });

  it('statistics give the figures Shenzhen publishes: meetings held, member attendances, cases evaluated', async () => {
    const a = await deliveredPetition('小区停车');
    const b = await deliveredPetition('学位分配');
    const panel = await convene([a, b]);
    for (const [i, m] of MEMBERS.entries()) {
      await vote(m.memberId, panel.id, a, 'SATISFIED');
      if (i < 4) await vote(m.memberId, panel.id, b, i < 2 ? 'BASICALLY_SATISFIED' : 'DISSATISFIED');
    }
    // Four of five voted on b: the panel waits for its deadline, then closes.
    const { deadlineAt } = (await gqlOk(ts.tokens.supervisor, `{ panel(id: "${panel.id}") { deadlineAt } }`)).panel;
    await ts.env.sleep(Date.parse(deadlineAt) - (await ts.env.currentTimeMs()) + 60_000);
    const closedAt = await eventually(
      async () => (await gqlOk(ts.tokens.supervisor, `{ panel(id: "${panel.id}") { closedAt } }`)).panel.closedAt,
    );
    const from = new Date(Date.parse(closedAt) - 1_000).toISOString();
    const to = new Date(Date.parse(closedAt) + 1_000).toISOString();
    const stats = await gqlOk(
      ts.tokens.supervisor,
      `{ statistics(filter: { from: "${from}", to: "${to}" }) { panelsHeld panelAttendances evaluationSatisfactionRate { numerator denominator percent } } }`,
    );
    // b: 2 basically satisfied, 2 dissatisfied — a tie, so the less favourable verdict.
    expect(stats.statistics).toEqual({
      panelsHeld: 1,
      panelAttendances: 5,
      evaluationSatisfactionRate: { numerator: 1, denominator: 2, percent: '50.00' },
    });
  });
});
