/**
 * Lists on PostgreSQL answer what they answer on SQLite: the city of test/support/parity-city.ts projected into
 * both, then `petitions` with every filter, both sorts and every page, for the bureau, a unit, an organ, a leader
 * and a reviewer, through both APIs; the answers must be equal, cursors included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCUSED, buildCity, type City, LEADER } from '../support/parity-city';
import { openParity, type Parity } from '../support/parity';
import { PAGE, PETITION_FIELDS, ROW_FIELDS } from '../support/parity-queries';

let parity: Parity;
let city: City;

beforeAll(async () => {
  parity = await openParity();
  city = await buildCity(parity);
  await parity.principal('REG', { role: 'REGISTRAR' });
  await parity.principal('SUP', { role: 'SUPERVISOR' });
  await parity.principal('HDL', { role: 'UNIT_HANDLER', unitId: 'U-FT-01' });
  await parity.principal('HDL/B', { role: 'UNIT_HANDLER', unitId: ACCUSED });
  await parity.principal('ORGAN', { role: 'UNIT_HANDLER', unitId: 'O-FT-GOV' });
  await parity.principal('LDR', { role: 'LEADER', principalId: LEADER });
  await parity.principal('REV', { role: 'REVIEWER', principalId: 'reviewer-law-1', memberId: 'M-LAW-1' });
});
afterAll(() => parity.close());

const FILTERS: Record<string, Record<string, unknown>> = {
  none: {},
  'status HANDLING': { status: ['HANDLING'] },
  'status ended': { status: ['DELIVERED', 'CLOSED', 'DECLINED'] },
  unitId: { unitId: 'U-FT-03' },
  overdue: { overdue: true },
  'not overdue': { overdue: false },
  dueSoon: { dueSoon: true },
  'not dueSoon': { dueSoon: false },
  escalated: { escalated: true },
  'not escalated': { escalated: false },
  escalationProposed: { escalationProposed: true },
  provisional: { provisional: true },
  'not provisional': { provisional: false },
  repeatDeclinedUnconfirmed: { repeatDeclinedUnconfirmed: true },
  'not repeatDeclinedUnconfirmed': { repeatDeclinedUnconfirmed: false },
  suggestions: { category: 'SUGGESTION' },
  accusations: { category: 'ACCUSATION' },
  dueBefore: { dueBefore: '2026-06-01T00:00:00+08:00' },
  'received in spring': { receivedFrom: '2026-03-01T00:00:00+08:00', receivedTo: '2026-05-31T23:59:59+08:00' },
  'received from an instant': { receivedFrom: '2026-09-01T10:00:00+08:00' },
  combined: { status: ['HANDLING', 'TRANSFERRED'], unitId: 'U-FT-01', category: 'CLAIM', overdue: false },
};

/** Every page of a listing on both dialects, each asserted equal; answers the ids in order and the total. */
async function allPages(who: string, filter: Record<string, unknown>, sort: string, first = 40) {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let page = 0; page < 100; page += 1) {
    const { petitions } = await parity.sameData(who, PAGE(ROW_FIELDS), { filter, first, after, sort });
    totalCount = petitions.totalCount;
    ids.push(...petitions.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!petitions.pageInfo.hasNextPage) break;
    after = petitions.pageInfo.endCursor;
  }
  return { ids, totalCount };
}

describe('lists on both dialects', () => {
  it('the city has rows on both sides of every filter', async () => {
    for (const [name, filter] of Object.entries(FILTERS)) {
      const { ids } = await allPages('REG', filter, 'RECEIVED_DESC', 100);
      expect(ids.length, name).toBeGreaterThan(0);
      expect(ids.length, name).toBeLessThan(city.all.length + (name === 'none' ? 1 : 0));
    }
  });

  it.for(['RECEIVED_DESC', 'DUE_ASC'])(
    'every filter sorted %s, paged through: every petition once, in the same order',
    async (sort) => {
      for (const [name, filter] of Object.entries(FILTERS)) {
        const paged = await allPages('REG', filter, sort);
        expect(new Set(paged.ids).size, name).toBe(paged.ids.length);
        expect(paged.ids.length, name).toBe(paged.totalCount);
      }
      // The whole list: every petition of the city (with a running clock, sorted by due date).
      const all = await allPages('SUP', {}, sort, 50);
      if (sort === 'RECEIVED_DESC') expect([...all.ids].sort()).toEqual(city.all.map((p) => p.id).sort());
      else expect(all.ids.length).toBeGreaterThan(20);
    },
  );

  it('ties on the sort key are ordered by row number on both', async () => {
    const { ids } = await allPages('REG', {}, 'RECEIVED_DESC', 9);
    const received = new Map(city.all.map((p) => [p.id, p.state.receivedAt]));
    const ties = ids.filter((id, i) => i > 0 && received.get(id) === received.get(ids[i - 1]!));
    expect(ties.length).toBeGreaterThan(5);
  });

  it('a page of whole petitions, every field the read model answers, reads the same', async () => {
    for (const sort of ['RECEIVED_DESC', 'DUE_ASC']) {
      const { petitions } = await parity.sameData('REG', PAGE(PETITION_FIELDS), { first: 60, sort });
      expect(petitions.edges).toHaveLength(60);
    }
  });
});

describe('unit isolation on both dialects', () => {
  const WHO = ['HDL', 'HDL/B', 'ORGAN', 'LDR', 'REV'];

  it.for(WHO)('%s sees the same petitions, every filter and sort, paged', async (who) => {
    for (const sort of ['RECEIVED_DESC', 'DUE_ASC']) {
      for (const filter of Object.values(FILTERS)) await allPages(who, filter, sort, 20);
    }
    const { ids } = await allPages(who, {}, 'RECEIVED_DESC');
    expect(ids.length).toBeGreaterThan(0);
  });

  it('a unit sees only its own and those it reviews; the accused unit nothing of an accusation', async () => {
    const of = (ids: string[]) => city.all.filter((p) => ids.includes(p.id));
    const own = of((await allPages('HDL', {}, 'RECEIVED_DESC')).ids);
    expect(own.every((p) => p.state.unitId === 'U-FT-01')).toBe(true);
    expect(own.some((p) => p.state.category === 'ACCUSATION')).toBe(true);
    const accused = of((await allPages('HDL/B', {}, 'RECEIVED_DESC')).ids);
    expect(accused.length).toBeGreaterThan(0);
    expect(accused.some((p) => p.state.category === 'ACCUSATION')).toBe(false);
    expect(of((await allPages('HDL/B', { unitId: 'U-FT-01' }, 'RECEIVED_DESC')).ids)).toEqual([]);
    const organ = (await allPages('ORGAN', {}, 'RECEIVED_DESC')).ids;
    expect(organ).toContain(city.byName.reviewed!.id);
    const leader = of((await allPages('LDR', {}, 'RECEIVED_DESC')).ids);
    expect(leader.length).toBeGreaterThan(1);
    expect(leader.every((p) => p.state.escalation?.leaderId === LEADER)).toBe(true);
  });

  it('petition(id) of an accusation: the accused unit gets what a made-up id gets, on both', async () => {
    const accusation = city.all.find((p) => p.state.category === 'ACCUSATION')!;
    const read = `query($id: ID!) { petition(id: $id) { ${PETITION_FIELDS} } }`;
    const hidden = await parity.same('HDL/B', read, { id: accusation.id });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const handler = await parity.sameData('HDL', read, { id: accusation.id });
    expect(handler.petition.id).toBe(accusation.id);
  });
});
