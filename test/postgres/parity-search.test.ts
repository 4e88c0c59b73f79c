/**
 * Chinese search on PostgreSQL (db/pg/search.ts) answers what FTS5 answers: the city of
 * test/support/parity-city.ts in both read models, then words of one, two and four characters, several words,
 * Latin and digits, characters present but not together, with filters and unit scopes, paged by rank: the same
 * petitions in the same order, the same highlights and the same totalCount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCUSED, buildCity } from '../support/parity-city';
import { openParity, type Parity } from '../support/parity';
import { PAGE, ROW_FIELDS } from '../support/parity-queries';

let parity: Parity;

beforeAll(async () => {
  parity = await openParity();
  await buildCity(parity);
  await parity.principal('REG', { role: 'REGISTRAR' });
  await parity.principal('SUP', { role: 'SUPERVISOR' });
  await parity.principal('HDL', { role: 'UNIT_HANDLER', unitId: 'U-FT-01' });
  await parity.principal('HDL/B', { role: 'UNIT_HANDLER', unitId: ACCUSED });
});
afterAll(() => parity.close());

const WORDS = {
  'one character': ['梯', '噪', '费', '区'],
  'two characters': ['电梯', '小区', '工资', '物业', '积水'],
  'four characters': ['加装电梯', '维修基金', '民工工资', '专项维修'],
  'several words': ['小区 电梯', '乱收费 幼儿园', '加装 电梯 补贴', '小区，物业！', '梯 小区'],
  'Latin and digits': ['WiFi', 'wifi', '2000', 'WiFi 信号'],
  'present but not together': ['梯电', '电工', '装加'],
  'nothing like it': ['高铁', '台风'],
};

/** Every page of a search on both dialects, asserted equal page by page. */
async function searched(who: string, text: string, filter: Record<string, unknown> = {}, first = 11) {
  const edges: { highlight: string; node: { id: string } }[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let page = 0; page < 60; page += 1) {
    const { petitions } = await parity.sameData(who, PAGE(ROW_FIELDS), { filter: { ...filter, text }, first, after });
    totalCount = petitions.totalCount;
    edges.push(...petitions.edges);
    if (!petitions.pageInfo.hasNextPage) break;
    after = petitions.pageInfo.endCursor;
  }
  return { edges, totalCount };
}

describe('search on both dialects', () => {
  it.for(Object.entries(WORDS))('%s: the same matches, ranks, highlights and totals', async ([kind, words]) => {
    for (const text of words) {
      const { edges, totalCount } = await searched('REG', text);
      expect(new Set(edges.map((e) => e.node.id)).size, text).toBe(edges.length);
      expect(edges.length, text).toBe(totalCount);
      if (kind === 'present but not together' || kind === 'nothing like it') expect(totalCount, text).toBe(0);
      else {
        expect(totalCount, text).toBeGreaterThan(0);
        expect(
          edges.every((e) => e.highlight.includes('【')),
          text,
        ).toBe(true);
      }
    }
  });

  it('with filters, and within a unit’s scope (the accused unit finds no accusation)', async () => {
    const filters = [{ status: ['HANDLING'] }, { category: 'ACCUSATION' }, { unitId: 'U-FT-02' }, { overdue: true }];
    for (const filter of filters) {
      for (const text of ['小区', '电梯', '费']) await searched('SUP', text, filter);
    }
    for (const text of ['小区', '乱收费', '幼儿园', '噪音']) {
      await searched('HDL', text);
      await searched('HDL/B', text);
    }
    expect((await searched('HDL/B', '幼儿园', { category: 'ACCUSATION' })).totalCount).toBe(0);
    expect((await searched('SUP', '幼儿园', { category: 'ACCUSATION' })).totalCount).toBeGreaterThan(0);
  });

  it('a search with nothing to look for, and a list cursor given to a search, are refused alike', async () => {
    const refused = await parity.same('REG', PAGE('id'), { filter: { text: '，。！' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
    const { petitions } = await parity.sameData('REG', PAGE('id'), { first: 2 });
    const mixed = await parity.same('REG', PAGE('id'), {
      filter: { text: '小区' },
      after: petitions.pageInfo.endCursor,
    });
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
