/**
 * The review list of repeats declined with no one deciding: petitions a run begun before repeats were proposed
 * declined at registration, because matching linked them, stay declined and are found by
 * `petitions(filter: { repeatDeclinedUnconfirmed: true })`; repeats a registrar confirmed are not.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { okData } from '../support/graphql';
import { openReadModelHarness, type ReadModelHarness } from '../support/read-model';

let rm: ReadModelHarness;
beforeEach(() => {
  rm = openReadModelHarness();
});
afterEach(() => rm.close());

const listed = async (token: string, value: boolean) =>
  okData(
    await rm.gql(token, `{ petitions(filter: { repeatDeclinedUnconfirmed: ${value} }) { edges { node { id } } } }`),
  ).petitions.edges.map((e: { node: { id: string } }) => e.node.id);

it('lists the repeats declined by matching, not those a registrar confirmed nor any other petition', async () => {
  const earlier = rm.petition({ received: '2026-03-02', petitioner: '孙某', respondentUnitId: 'U-FT-01' });
  earlier.accept('2026-03-03', 'U-FT-01').project();
  const matched = rm
    .petition({ received: '2026-03-10', petitioner: '孙某', repeatOf: earlier, matchedRepeatDeclined: true })
    .project();
  const confirmed = rm.petition({ received: '2026-03-11', petitioner: '孙某', repeatOf: earlier }).project();
  expect(matched.state).toMatchObject({ status: 'DECLINED', declineReason: 'DUPLICATE_IN_PROGRESS' });
  expect(confirmed.state.timeline.map((e) => e.type)).toContain('REPEAT_CONFIRMED');
  const other = rm.petition({ received: '2026-03-12' }).project();

  const registrar = rm.token('REGISTRAR');
  expect(await listed(registrar, true)).toEqual([matched.id]);
  expect((await listed(registrar, false)).sort()).toEqual([earlier.id, confirmed.id, other.id].sort());
  // A unit reads only its own petitions: a declined repeat never reached one.
  expect(await listed(rm.token('UNIT_HANDLER', 'U-FT-01'), true)).toEqual([]);
});
