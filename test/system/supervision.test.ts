/**
 * 督办 and 提级包案 through GraphQL on the time-skipping server: an urge answered and one gone overdue, escalation
 * seen by its leader and no other, 批示, and the cases proposed for escalation.
 */
import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../domain/calendar';
import type { PetitionState } from '../../domain/petition';
import { petitionWorkflowId } from '../../workflows/definitions';
import { PETITION_LEADER } from '../../workflows/search-attributes';
import { errorCode, mutationsSelecting } from '../support/graphql';
import { eventually, useTimeSkippingSystem } from '../support/system';
import { calendar } from '../support/calendar';

const DAY = 86_400_000;

const ts = useTimeSkippingSystem();

const ok = mutationsSelecting(
  'id status escalationProposed urges { id kind dueAt answeredAt overdueAt } escalation { leaderId instructions { text } }',
  () => ts.system,
);

/** The code the mutation (selecting `id`) is refused with. */
async function refusal(token: string, mutation: string) {
  return errorCode(await ts.system.gql(token, `mutation { ${mutation} { id } }`));
}

async function live(id: string): Promise<PetitionState> {
  return (await ts.system.gql(ts.tokens.registrar, `{ petition(id: "${id}") { live } }`)).data.petition.live;
}

async function accepted(unitId = 'U-FT-01') {
  const registered = await ok(
    ts.tokens.registrar,
    `registerPetition(input: { petitioner: { name: "督办测试" }, channel: ONLINE, category: CLAIM, summary: "供水中断", content: "小区停水三天" })`,
  );
  await ok(ts.tokens.registrar, `acceptPetition(id: "${registered.id}", unitId: "${unitId}")`);
  return registered.id as string;
}

describe('督办', () => {
  it('a supervisor urges, the unit answers in time: nothing goes overdue', async () => {
    const id = await accepted();
    const urged = await ok(
      ts.tokens.supervisor,
      `urge(id: "${id}", message: "请于三日内报告进展", respondWithinDays: 3)`,
    );
    const urge = urged.urges[0];
    expect(urge.kind).toBe('MANUAL');
    const issuedAt = (await live(id)).urges[0]!.issuedAt;
    expect(Date.parse(urge.dueAt)).toBe(periodEnd(issuedAt, 3, 'CALENDAR_DAYS', calendar));

    expect(
      await refusal(
        ts.system.token('UNIT_HANDLER', { unitId: 'U-FT-02' }),
        `answerUrge(id: "${id}", urgeId: "${urge.id}", text: "x")`,
      ),
    ).toBe('NOT_FOUND');
    expect(await refusal(ts.tokens.handler, `urge(id: "${id}", message: "x")`)).toBe('FORBIDDEN');
    await ts.env.sleep(DAY);
    const answered = await ok(
      ts.tokens.handler,
      `answerUrge(id: "${id}", urgeId: "${urge.id}", text: "已约谈物业，明日恢复供水")`,
    );
    expect(answered.urges[0].answeredAt).not.toBeNull();
    const again = await ts.system.gql(
      ts.tokens.handler,
      `mutation { answerUrge(id: "${id}", urgeId: "${urge.id}", text: "again") { id } }`,
    );
    expect(errorCode(again)).toBe('INVALID_TRANSITION');

    await ts.env.sleep(5 * DAY);
    const state = await live(id);
    expect(state.urges[0]!.overdueAt).toBeNull();
    expect(state.timeline.some((e) => e.type === 'URGE_OVERDUE')).toBe(false);
  });

  it('an unanswered 督办 goes overdue on its own timer, counts against the unit, and the supervisors and the unit are told', async () => {
    const id = await accepted('U-FT-04');
    await ok(ts.tokens.supervisor, `urge(id: "${id}", message: "请说明延误原因")`);
    const urge = (await live(id)).urges[0]!;
    expect(urge.dueAt).toBe(periodEnd(urge.issuedAt, 5, 'CALENDAR_DAYS', calendar)); // the profile's default

    const now = await ts.env.currentTimeMs();
    await ts.env.sleep(urge.dueAt! - now + 60_000);
    const state = await eventually(async () => {
      const s = await live(id);
      return s.urges[0]!.overdueAt !== null && s;
    });
    expect(state.urges[0]!.overdueAt! - urge.dueAt!).toBeLessThan(1_000);
    const notices = await eventually(() => {
      const rows = ts.system.db.$client
        .prepare(
          "SELECT recipient FROM notifications WHERE petition_id = ? AND kind = 'URGE_OVERDUE' ORDER BY recipient",
        )
        .all(id);
      return rows.length > 0 && rows;
    });
    expect(notices).toEqual([{ recipient: 'ROLE:SUPERVISOR' }, { recipient: 'UNIT:U-FT-04' }]);

    const from = new Date(urge.issuedAt - DAY).toISOString();
    const to = new Date(urge.issuedAt + DAY).toISOString();
    const stats = await ts.system.gql(
      ts.tokens.supervisor,
      `{ statistics(filter: { from: "${from}", to: "${to}", unitId: "U-FT-04" }) { urgesIssued urgesOverdue } }`,
    );
    expect(stats.data.statistics).toEqual({ urgesIssued: 1, urgesOverdue: 1 });
  });

  it('a reminder (催办) needs no answer', async () => {
    const id = await accepted();
    const state = await live(id);
    const due = state.deadlines.find((d) => d.kind === 'HANDLING')!.dueAt;
    await ts.env.sleep(due - (await ts.env.currentTimeMs()) - 2 * DAY);
    const reminded = await eventually(async () => {
      const s = await live(id);
      return s.urges.length > 0 && s;
    });
    expect(reminded.urges[0]).toMatchObject({ kind: 'REMINDER', dueAt: null });
    const answer = await ts.system.gql(
      ts.tokens.handler,
      `mutation { answerUrge(id: "${id}", urgeId: "${reminded.urges[0]!.id}", text: "收到") { id } }`,
    );
    expect(errorCode(answer)).toBe('INVALID_TRANSITION');
  });
});

describe('提级包案', () => {
  it('the leader sees the escalated case and instructs on it; another leader sees nothing and may not', async () => {
    const id = await accepted();
    const leader = ts.system.token('LEADER', { principalId: 'leader-wang' });
    const otherLeader = ts.system.token('LEADER', { principalId: 'leader-li' });
    expect(await refusal(ts.tokens.handler, `escalate(id: "${id}", leaderId: "leader-wang", reason: "x")`)).toBe(
      'FORBIDDEN',
    );

    const escalated = await ok(
      ts.tokens.supervisor,
      `escalate(id: "${id}", leaderId: "leader-wang", reason: "群体性诉求，久拖未决")`,
    );
    expect(escalated.escalation).toEqual({ leaderId: 'leader-wang', instructions: [] });
    expect(escalated.status).toBe('HANDLING'); // deadlines keep running

    const mine = await ts.system.gql(
      leader,
      '{ petitions { edges { node { id petitioner { name masked } escalation { leaderId } } } } }',
    );
    expect(mine.data.petitions.edges).toEqual([
      { node: { id, petitioner: { name: '督办测试', masked: false }, escalation: { leaderId: 'leader-wang' } } },
    ]);
    const theirs = await ts.system.gql(otherLeader, '{ petitions { edges { node { id } } } }');
    expect(theirs.data.petitions.edges).toEqual([]);
    expect(errorCode(await ts.system.gql(otherLeader, `{ petition(id: "${id}") { id } }`))).toBe('NOT_FOUND');
    expect(await refusal(otherLeader, `instruct(id: "${id}", text: "x")`)).toBe('NOT_FOUND');

    const instructed = await ok(leader, `instruct(id: "${id}", text: "请住建局一周内拿出方案")`);
    expect(instructed.escalation.instructions).toEqual([{ text: '请住建局一周内拿出方案' }]);
    const flagged = await ts.system.gql(
      ts.tokens.supervisor,
      '{ petitions(filter: { escalated: true }, first: 100) { edges { node { id } } } }',
    );
    expect(flagged.data.petitions.edges.map((e: any) => e.node.id)).toContain(id);
    const description = await ts.env.client.workflow.getHandle(petitionWorkflowId(id)).describe();
    expect(description.typedSearchAttributes.get(PETITION_LEADER)).toBe('leader-wang');
    expect(await refusal(ts.tokens.supervisor, `escalate(id: "${id}", leaderId: "leader-li", reason: "again")`)).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('a case urged three times is proposed for escalation, and supervisors can list the proposals', async () => {
    const id = await accepted();
    for (let i = 1; i <= 2; i += 1)
      expect((await ok(ts.tokens.supervisor, `urge(id: "${id}", message: "第${i}次督办")`)).escalationProposed).toBe(
        false,
      );
    const third = await ok(ts.tokens.supervisor, `urge(id: "${id}", message: "第3次督办")`);
    expect(third.escalationProposed).toBe(true);
    const state = await live(id);
    expect(state.timeline.at(-1)).toMatchObject({ type: 'ESCALATION_PROPOSED', note: 'urged 3 times' });
    const proposals = await ts.system.gql(
      ts.tokens.supervisor,
      '{ petitions(filter: { escalationProposed: true }, first: 100) { edges { node { id } } } }',
    );
    expect(proposals.data.petitions.edges.map((e: any) => e.node.id)).toContain(id);
    const escalated = await ok(
      ts.tokens.supervisor,
      `escalate(id: "${id}", leaderId: "leader-zhao", reason: "三次督办未果")`,
    );
    expect(escalated.escalationProposed).toBe(false);
  });

  it('a case overdue by more than 15 days is proposed on its own timer', async () => {
    const id = await accepted();
    const due = (await live(id)).deadlines.find((d) => d.kind === 'HANDLING')!.dueAt;
    await ts.env.sleep(due - (await ts.env.currentTimeMs()) + 15 * DAY - 60_000);
    expect((await live(id)).escalationProposedAt).toBeNull();
    await ts.env.sleep(2 * 60_000);
    const state = await eventually(async () => {
      const s = await live(id);
      return s.escalationProposedAt !== null && s;
    });
    expect(state.escalationProposedAt! - (due + 15 * DAY)).toBeGreaterThanOrEqual(0);
    expect(state.escalationProposedAt! - (due + 15 * DAY)).toBeLessThan(1_000);
    expect(state.timeline.at(-1)).toMatchObject({ type: 'ESCALATION_PROPOSED', note: 'overdue by more than 15 days' });
  });
});
