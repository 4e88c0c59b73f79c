/**
 * 检举控告 through GraphQL on the time-skipping server (Art. 30 ¶3, Art. 46 (五)): the accused unit — the
 * accusation's respondent unit — reads nothing of it and learns nothing of it, by any query, list, search,
 * count, proposal, statistic, notice or command; the bureau and the competent organ handle it as usual, and the
 * API will not hand it to the accused.
 */
import { describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema';
import { ACCUSED, accusation, routedBeforeTheRule } from '../support/accusations';
import { errorCode, type GraphQLAnswer, okData } from '../support/graphql';
import { eventually, useTimeSkippingSystem } from '../support/system';

const DAY = 86_400_000;
const WORD = '虚报冒领';
const MADE_UP = 'XF-0000DEADBEEF';
const PETITIONER = { name: '举报人乙', phone: '13600004444' };
const t = {} as Record<'reg' | 'sup' | 'competent' | 'accusedHandler' | 'accusedHead', string>;

const ts = useTimeSkippingSystem((_, system) => {
  t.reg = system.token('REGISTRAR');
  t.sup = system.token('SUPERVISOR');
  t.competent = system.token('UNIT_HANDLER', { unitId: 'U-FT-01' });
  t.accusedHandler = system.token('UNIT_HANDLER', { unitId: ACCUSED });
  t.accusedHead = system.token('UNIT_HEAD', { unitId: ACCUSED });
});

const gql = (token: string, query: string, variables?: Record<string, unknown>) =>
  ts.system.gql(token, query, variables);
const ok = async (token: string, query: string, variables?: Record<string, unknown>) =>
  okData(await gql(token, query, variables));
const REGISTER = 'mutation($input: RegisterPetitionInput!) { registerPetition(input: $input) { id } }';
const register = async (input: Record<string, unknown>): Promise<string> =>
  (await ok(t.reg, REGISTER, { input })).registerPetition.id;

const READ = `query($id: ID!) { petition(id: $id) {
  id summary content petitioner { name masked } timeline { type } possibleRepeats { petitionId } } }`;
/** The answer with the id asked for blanked, to compare with the answer for another id. */
const blanked = (answer: GraphQLAnswer, id: string) => JSON.stringify(answer).replaceAll(id, '<id>');
/** Exactly what a petition that does not exist gets, for this principal and this document. */
async function expectMissing(token: string, document: string, id: string, variables: Record<string, unknown> = {}) {
  const answer = await gql(token, document, { ...variables, id });
  expect(errorCode(answer), JSON.stringify(answer)).toBe('NOT_FOUND');
  expect(blanked(answer, id)).toBe(blanked(await gql(token, document, { ...variables, id: MADE_UP }), MADE_UP));
}

const LIST = `query($text: String) { petitions(first: 50, filter: { text: $text }) {
  totalCount edges { highlight node { id } } } }`;
const STATS = `{ statistics(filter: { from: "2020-01-01T00:00:00+08:00", to: "2040-01-01T00:00:00+08:00" }) {
  registered delivered overdueNow urgesIssued } }`;
/** All a principal can count or find: its list, a search for WORD, its statistics. */
async function whatIsSeen(token: string) {
  const list = (await ok(token, LIST)).petitions;
  const search = (await ok(token, LIST, { text: WORD })).petitions;
  const ids = (c: { edges: { node: { id: string } }[] }) => c.edges.map((e) => e.node.id);
  return {
    list: { totalCount: list.totalCount, ids: ids(list) },
    search: { totalCount: search.totalCount, ids: ids(search), highlights: search.edges.map((e: any) => e.highlight) },
    statistics: (await ok(token, STATS)).statistics,
  };
}

let routed: string;
let heldByAccused: string;

describe('an accusation routed to the competent organ', () => {
  it('changes nothing the accused unit can see or count; the bureau and the organ find it', async () => {
    const before = await whatIsSeen(t.accusedHandler);
    const beforeHead = await whatIsSeen(t.accusedHead);
    routed = await register({ ...accusation('举报虚报冒领补贴', `某主任${WORD}低保金`), petitioner: PETITIONER });

    const route = (unitId: string) =>
      gql(t.reg, `mutation($id: ID!) { routePetition(id: $id, unitId: "${unitId}", mode: TRANSFER) { id status } }`, {
        id: routed,
      });
    const refused = await route(ACCUSED);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.field).toBe('unitId');
    expect(okData(await route('U-FT-01')).routePetition.status).toBe('TRANSFERRED');

    expect(await whatIsSeen(t.accusedHandler)).toEqual(before);
    expect(await whatIsSeen(t.accusedHead)).toEqual(beforeHead);
    for (const token of [t.accusedHandler, t.accusedHead]) await expectMissing(token, READ, routed);

    const found = (await ok(t.reg, LIST, { text: WORD })).petitions;
    expect(found.edges.map((e: any) => e.node.id)).toContain(routed);
    expect(found.edges.find((e: any) => e.node.id === routed).highlight).toContain(`【${WORD}】`);
    const atOrgan = (await ok(t.competent, READ, { id: routed })).petition;
    expect(atOrgan).toMatchObject({ content: `某主任${WORD}低保金`, petitioner: { name: PETITIONER.name } });
  });

  it("the accused unit's own case of the same petitioner proposes no repeat of it; the registrar's view does", async () => {
    const claim = await register({
      petitioner: PETITIONER,
      channel: 'ONLINE',
      category: 'CLAIM',
      summary: '补发低保金',
      content: `请求补发低保金，另反映${WORD}`,
      respondentUnitId: ACCUSED,
    });
    await ok(t.reg, `mutation($id: ID!) { acceptPetition(id: $id, unitId: "${ACCUSED}") { id } }`, { id: claim });
    expect((await ok(t.reg, READ, { id: claim })).petition.possibleRepeats).toEqual([{ petitionId: routed }]);
    const atAccused = (await ok(t.accusedHandler, READ, { id: claim })).petition;
    expect(atAccused.possibleRepeats).toEqual([]);
    expect(JSON.stringify(atAccused)).not.toContain(routed);
    // The claim is the unit's to handle: found by the same word, with nothing of the accusation around it.
    const search = (await whatIsSeen(t.accusedHandler)).search;
    expect(search.ids).toEqual([claim]);
    expect(search.highlights.join()).not.toContain('某主任');
  });
});

describe('an accusation its accused unit accepted before the API refused that', () => {
  it('is still hidden from that unit: reads, counts and statistics as if it did not exist', async () => {
    const before = await whatIsSeen(t.accusedHandler);
    const bureauOfUnit = async () =>
      (
        await ok(
          t.reg,
          `{ statistics(filter: { from: "2020-01-01T00:00:00+08:00", to: "2040-01-01T00:00:00+08:00", unitId: "${ACCUSED}" }) { registered } }`,
        )
      ).statistics.registered;
    const bureauBefore = await bureauOfUnit();
    heldByAccused = await register(accusation('举报违规审批', `某科员${WORD}救助金`));
    await routedBeforeTheRule(ts.env, ts.system, heldByAccused);

    expect(await whatIsSeen(t.accusedHandler)).toEqual(before);
    for (const token of [t.accusedHandler, t.accusedHead]) await expectMissing(token, READ, heldByAccused);
    // The bureau counts it among the unit's: statistics of a unit hide it from that unit only.
    expect(await bureauOfUnit()).toBe(bureauBefore + 1);
    // Accepting it without naming a unit would leave it with the accused: refused, naming the field.
    const accept = await gql(t.reg, 'mutation($id: ID!) { acceptPetition(id: $id) { id } }', { id: heldByAccused });
    expect(errorCode(accept)).toBe('BAD_USER_INPUT');
  });

  it("the accused unit's commands answer as for a made-up id, and change nothing", async () => {
    const timeline = async () => (await ok(t.reg, READ, { id: heldByAccused })).petition.timeline;
    const was = await timeline();
    await expectMissing(
      t.accusedHandler,
      'mutation($id: ID!) { requestExtension(id: $id, days: 10, reason: "需核查") { id } }',
      heldByAccused,
    );
    await expectMissing(t.accusedHandler, 'mutation($id: ID!) { startHearing(id: $id) { id } }', heldByAccused);
    await expectMissing(
      t.accusedHead,
      'mutation($id: ID!) { decideExtension(id: $id, approve: true) { id } }',
      heldByAccused,
    );
    expect(await timeline()).toEqual(was);
  });

  it('its notices never reach the accused unit, though it holds the case: the supervisors are told', async () => {
    // Long past the unit's day to sign for it: the workflow's own OVERDUE notice.
    await ts.env.sleep(70 * DAY);
    const notices = await eventually(() => {
      const rows = ts.system.db.select().from(notifications).all();
      return rows.some((r) => r.petitionId === heldByAccused && r.kind === 'OVERDUE') && rows;
    });
    const recipients = new Set(notices.filter((r) => r.petitionId === heldByAccused).map((r) => r.recipient));
    // The unit acting on it is the accused one: the overdue notice and the automatic 督办 skip it.
    expect([...recipients]).toEqual(['ROLE:SUPERVISOR']);
    const seen = await ok(t.accusedHandler, '{ notifications(first: 100) { edges { node { petitionId message } } } }');
    // It hears of its own overdue claim, so the list is the unit's and not merely empty.
    expect(seen.notifications.edges.length).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain(heldByAccused);
    // Overdue now, yet the accused unit's count of overdue petitions does not move for it.
    const overdue = async (token: string) => (await ok(token, STATS)).statistics.overdueNow;
    const bureau = await overdue(t.sup);
    expect(bureau).toBeGreaterThan(0);
    const { list } = await whatIsSeen(t.accusedHandler);
    expect(list.ids).not.toContain(heldByAccused);
    // Both the unit's claim and the accusation it holds are overdue: the unit counts its claim alone.
    expect(await overdue(t.accusedHandler)).toBe(1);
    const bureauOfUnit = `{ petitions(filter: { unitId: "${ACCUSED}", overdue: true }) { totalCount } }`;
    expect((await ok(t.reg, bureauOfUnit)).petitions.totalCount).toBe(2);
  });
});
