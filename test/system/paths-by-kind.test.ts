/**
 * The paths by kind through the GraphQL API on the time-skipping server (docs/paths.md): a suggestion answered,
 * an accusation forwarded to 纪检监察, a 涉法涉诉 letter forwarded to 政法 (never declined), a claim on each route of
 * Art. 31, settled by 调解, and a petition brought directly to its unit — each with its clocks, to the day, and
 * its end.
 */
import { describe, expect, it } from 'vitest';
import { errorCode, okField } from '../support/graphql';
import { DAY, deadline, lifecycleSteps } from '../support/lifecycle';
import { newPetitioner } from '../support/petitioners';
import { eventually, useTimeSkippingSystem } from '../support/system';

const ts = useTimeSkippingSystem();
const { ok, attempt, live, sleepUntil, readModelRow } = lifecycleSteps(ts);
const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);

const PATH_FIELDS = `id status handlingRoute forwardedTo direct unit { id }
  path { id article handlingClock outcomes appeals agreement }
  agreement { kind text }
  deadlines { kind dueAt met overdue }`;

async function register(category: string, extra = '', token = ts.tokens.registrar) {
  const p = newPetitioner();
  const input = `{ petitioner: { name: "${p.name}", idNumber: "${p.idNumber}" }, channel: ONLINE, category: ${category},
    summary: "事项", content: "具体内容", respondentUnitId: "U-FT-02" ${extra} }`;
  return okField(await ts.system.gql(token, `mutation { registerPetition(input: ${input}) { ${PATH_FIELDS} } }`));
}

const pathOf = async (id: string) =>
  okField(await ts.system.gql(ts.tokens.registrar, `{ petition(id: "${id}") { ${PATH_FIELDS} } }`));

describe('a claim heard under (六), and one brought directly to its unit: dates to the day', () => {
  it('受理 on Monday 4 Jan 2027: Art. 34 runs to 24:00 on Friday 5 Mar; a direct item is told by 24:00 on 19 Jan', async () => {
    await sleepUntil(shanghai('2027-01-04T10:00:00'));
    const claim = await register('CLAIM');
    await ok(ts.tokens.registrar, `acceptPetition(id: "${claim.id}", unitId: "U-FT-01")`);
    const heard = await ok(ts.tokens.handler, `chooseRoute(id: "${claim.id}", route: HEARD_AND_ANSWERED)`);
    expect(heard.status).toBe('HANDLING');
    expect(deadline(await live(claim.id), 'HANDLING').dueAt).toBe(shanghai('2027-03-06T00:00:00'));

    // Brought to U-FT-01's own desk and registered there by its handler.
    const direct = await register('CLAIM', '', ts.tokens.handler);
    expect(direct).toMatchObject({ direct: true, status: 'REGISTERED', unit: { id: 'U-FT-01' } });
    expect(direct.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['DIRECT_NOTICE']);
    expect(deadline(await live(direct.id), 'DIRECT_NOTICE').dueAt).toBe(shanghai('2027-01-20T00:00:00'));
    // The unit tells the petitioner it accepts the item: its 告知 is met, the 60 days run from now.
    await ok(ts.tokens.handler, `acceptPetition(id: "${direct.id}")`);
    const accepted = await live(direct.id);
    expect(deadline(accepted, 'DIRECT_NOTICE').metAt).not.toBeNull();
    expect(deadline(accepted, 'HANDLING').dueAt).toBe(shanghai('2027-03-06T00:00:00'));
    // A unit's handler decides only the items brought to it directly.
    const bureauItem = await register('CLAIM');
    await ok(ts.tokens.registrar, `routePetition(id: "${bureauItem.id}", unitId: "U-FT-01", mode: TRANSFER)`);
    expect(errorCode(await attempt(ts.tokens.handler, `acceptPetition(id: "${bureauItem.id}")`))).toBe('FORBIDDEN');
  });
});

describe('by kind', () => {
  it('a suggestion: no 60 days; answered 部分采纳 it is rated, no 复查 follows, and it closes after its rating days', async () => {
    const s = await register('SUGGESTION');
    const accepted = await ok(ts.tokens.registrar, `acceptPetition(id: "${s.id}", unitId: "U-FT-01")`);
    expect(accepted.deadlines.map((d: { kind: string }) => d.kind)).not.toContain('HANDLING');
    const wrong = await attempt(ts.tokens.handler, `replyPetition(id: "${s.id}", outcome: SUPPORT, text: "支持")`);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.extensions?.field).toBe('outcome');
    const answered = await ok(
      ts.tokens.handler,
      `replyPetition(id: "${s.id}", outcome: PARTLY_ADOPTED, text: "部分采纳")`,
    );
    expect(answered).toMatchObject({ status: 'DELIVERED', reply: { outcome: 'PARTLY_ADOPTED' } });
    expect(errorCode(await attempt(ts.tokens.registrar, `requestReview(id: "${s.id}", reason: "不服")`))).toBe(
      'INVALID_TRANSITION',
    );
    const rated = await ok(ts.tokens.registrar, `recordSatisfaction(id: "${s.id}", level: SATISFIED)`);
    expect(rated.satisfaction).toEqual([{ target: 'UNIT', level: 'SATISFIED' }]);
    const path = await pathOf(s.id);
    expect(path.path).toMatchObject({ id: 'SUGGESTION', handlingClock: false, appeals: false });
    expect(readModelRow(s.id)?.deliveredAt).not.toBeNull();
    // Its 30 days to rate run out: the case closes.
    await ts.env.sleep(32 * DAY);
    await eventually(async () => expect((await pathOf(s.id)).status).toBe('CLOSED'));
  });

  it('an accusation forwarded to 纪检监察: FORWARDED, its 15 days to register and route met', async () => {
    const a = await register('ACCUSATION');
    const forwarded = await ok(ts.tokens.registrar, `routePetition(id: "${a.id}", unitId: "D-FT", mode: TRANSFER)`);
    expect(forwarded).toMatchObject({ status: 'FORWARDED', stage: 'CLOSED' });
    const state = await live(a.id);
    expect(state.forwardedTo).toBe('DISCIPLINE_INSPECTION');
    expect(deadline(state, 'REGISTRATION').metAt).not.toBeNull();
    expect(state.timeline.at(-1)).toMatchObject({ type: 'FORWARDED', data: { organ: 'DISCIPLINE_INSPECTION' } });
  });

  it('a 涉法涉诉 letter is forwarded to 政法, never declined; 政法 is not a unit that accepts', async () => {
    const l = await register('CLAIM');
    const declined = await attempt(ts.tokens.registrar, `declinePetition(id: "${l.id}", reason: LITIGATION_RELATED)`);
    expect(errorCode(declined)).toBe('BAD_USER_INPUT');
    expect(declined.errors?.[0]?.extensions?.field).toBe('reason');
    const accepted = await attempt(ts.tokens.registrar, `acceptPetition(id: "${l.id}", unitId: "P-FT")`);
    expect(accepted.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    await ok(ts.tokens.registrar, `routePetition(id: "${l.id}", unitId: "P-FT", mode: TRANSFER)`);
    expect(await pathOf(l.id)).toMatchObject({ status: 'FORWARDED', forwardedTo: 'POLITICAL_LEGAL' });
    expect(readModelRow(l.id)).toMatchObject({ status: 'FORWARDED', forwardedTo: 'POLITICAL_LEGAL' });
  });
});

describe('a claim on each route of Art. 31', () => {
  it.each(['LEGAL_PROCEDURE', 'ARBITRATION', 'PARTY_APPEAL', 'ADMINISTRATIVE_PROCEDURE'])(
    '%s: guided into that procedure, the petition ends there, its route recorded, the petitioner told',
    async (route) => {
      const c = await register('CLAIM');
      await ok(ts.tokens.registrar, `acceptPetition(id: "${c.id}", unitId: "U-FT-01")`);
      const guided = await ok(ts.tokens.handler, `chooseRoute(id: "${c.id}", route: ${route}, note: "告知其申请途径")`);
      expect(guided.status).toBe('CLOSED');
      expect(guided.timeline.slice(-2).map((e: { type: string }) => e.type)).toEqual([
        'ROUTE_CHOSEN',
        'PETITIONER_TOLD',
      ]);
      expect(await pathOf(c.id)).toMatchObject({ handlingRoute: route, path: { outcomes: [] } });
      expect(readModelRow(c.id)).toMatchObject({ handlingRoute: route, status: 'CLOSED' });
      expect(readModelRow(c.id)?.deliveredAt).not.toBeNull();
    },
  );

  it('DUTY_PERFORMED (五): the 60 days leave; past them nothing is overdue; answered PERFORMED, no 复查 follows', async () => {
    const c = await register('CLAIM');
    await ok(ts.tokens.registrar, `acceptPetition(id: "${c.id}", unitId: "U-FT-01")`);
    await ok(ts.tokens.handler, `chooseRoute(id: "${c.id}", route: DUTY_PERFORMED)`);
    await ts.env.sleep(70 * DAY);
    const later = await live(c.id);
    expect(later.deadlines.some((d) => d.overdueAt !== null)).toBe(false);
    // No handling deadline in the read model either: 按期办结率 does not count it late.
    expect(readModelRow(c.id)?.handlingDueAt).toBeNull();
    const extension = await attempt(ts.tokens.handler, `requestExtension(id: "${c.id}", days: 10, reason: "需调查")`);
    expect(errorCode(extension)).toBe('INVALID_TRANSITION');
    const done = await ok(ts.tokens.handler, `replyPetition(id: "${c.id}", outcome: PERFORMED, text: "已依法查处")`);
    expect(done).toMatchObject({ status: 'DELIVERED', reply: { outcome: 'PERFORMED' } });
    const review = await attempt(ts.tokens.registrar, `requestReview(id: "${c.id}", reason: "不服")`);
    expect(errorCode(review)).toBe('INVALID_TRANSITION');
  });

  it('HEARD_AND_ANSWERED (六): 复查 follows the 信访处理意见书, as before', async () => {
    const c = await register('CLAIM');
    await ok(ts.tokens.registrar, `acceptPetition(id: "${c.id}", unitId: "U-FT-01")`);
    await ok(ts.tokens.handler, `replyPetition(id: "${c.id}", outcome: NOT_SUPPORT, text: "不予支持")`);
    expect((await pathOf(c.id)).handlingRoute).toBe('HEARD_AND_ANSWERED');
    const review = await ok(ts.tokens.registrar, `requestReview(id: "${c.id}", reason: "不服")`);
    expect(review.status).toBe('UNDER_REVIEW');
  });

  it('调解: an agreement settles the claim, its handling clock met, nothing to appeal', async () => {
    const c = await register('CLAIM');
    await ok(ts.tokens.registrar, `acceptPetition(id: "${c.id}", unitId: "U-FT-01")`);
    await ok(ts.tokens.handler, `startHearing(id: "${c.id}", note: "听证")`);
    const early = await attempt(
      ts.tokens.handler,
      `recordAgreement(id: "${c.id}", kind: MEDIATION, text: "调解协议书")`,
    );
    expect(errorCode(early)).toBe('INVALID_TRANSITION');
    await ok(ts.tokens.handler, `endHearing(id: "${c.id}")`);
    await ok(ts.tokens.handler, `recordAgreement(id: "${c.id}", kind: MEDIATION, text: "双方自愿达成调解协议书")`);
    const settled = await pathOf(c.id);
    expect(settled).toMatchObject({
      status: 'CLOSED',
      handlingRoute: 'HEARD_AND_ANSWERED',
      agreement: { kind: 'MEDIATION', text: '双方自愿达成调解协议书' },
    });
    expect(deadline(await live(c.id), 'HANDLING').metAt).not.toBeNull();
    expect(errorCode(await attempt(ts.tokens.registrar, `requestReview(id: "${c.id}", reason: "反悔")`))).toBe(
      'INVALID_TRANSITION',
    );
  });
});
