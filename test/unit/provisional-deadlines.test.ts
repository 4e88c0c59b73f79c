/**
 * Provisional deadlines in the read model: a clock whose days run into a year without its holiday notice (2027 on
 * the test calendar) is stored and shown provisional, and `petitions(filter: { provisional })` finds the petitions
 * with such a clock still open.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { petitionDeadlines } from '../../db/schema';
import { decline } from '../../domain/petition';
import { ctxAt } from '../support/calendar';
import { okData } from '../support/graphql';
import { openReadModelHarness, type ReadModelHarness } from '../support/read-model';

let rm: ReadModelHarness;
beforeEach(() => {
  rm = openReadModelHarness();
});
afterEach(() => rm.close());

const listed = async (token: string, provisional: boolean) => {
  const data = okData(
    await rm.gql(token, `{ petitions(filter: { provisional: ${provisional} }) { edges { node { id } } } }`),
  );
  return (data.petitions.edges as { node: { id: string } }[]).map((e) => e.node.id).sort();
};

describe('provisional deadlines', () => {
  it('are stored, shown, and filtered on while open', async () => {
    // 15 days from 20 Dec 2026 run into 2027; from 1 June they stay in 2026, whose notice is in.
    const december = rm.petition({ received: '2026-12-20' }).project();
    const june = rm.petition({ received: '2026-06-01' }).project();
    const stored = (id: string) =>
      rm.db
        .select({ provisional: petitionDeadlines.provisional })
        .from(petitionDeadlines)
        .where(eq(petitionDeadlines.petitionId, id))
        .all();
    expect(stored(december.id)).toEqual([{ provisional: true }]);
    expect(stored(june.id)).toEqual([{ provisional: false }]);

    const registrar = rm.token('REGISTRAR');
    const shown = okData(
      await rm.gql(registrar, `{ petition(id: "${december.id}") { deadlines { kind provisional } } }`),
    );
    expect(shown.petition.deadlines).toEqual([{ kind: 'REGISTRATION', provisional: true }]);
    expect(await listed(registrar, true)).toEqual([december.id]);
    expect(await listed(registrar, false)).toEqual([june.id]);

    // Met, a clock no longer counts; the 60 days from 受理 on 21 Dec run into 2027 as well.
    december.accept('2026-12-21', 'U-FT-01').project();
    expect(stored(december.id)).toEqual([{ provisional: true }, { provisional: true }]);
    expect(await listed(registrar, true)).toEqual([december.id]);
    // 不予受理 ends the case: nothing is open, so nothing is provisional.
    const declined = rm.petition({ received: '2026-12-22' });
    declined.state = decline.apply(
      declined.state,
      { reason: 'NOT_A_PETITION', note: null, actor: { id: 'r', role: 'REGISTRAR' } },
      ctxAt(Date.parse('2026-12-23T10:00:00+08:00')),
    );
    declined.project();
    expect(stored(declined.id)).toEqual([{ provisional: true }]);
    expect(await listed(registrar, true)).toEqual([december.id]);
    expect(await listed(registrar, false)).toEqual([june.id, declined.id].sort());
  });
});
