/**
 * The statistics (docs/domain.md §5) on a real SQLite read model, through GraphQL: 办结率 on items received (昌宁's
 * 227/238), never-accepted items, 按期办结率 without a handling clock, 及时受理率 with direct items, 参评率's
 * exclusions as data, and a panel attendance as a member present.
 *
 * Petitions are written by the real state machine and projection (test/support/read-model.ts). The columns of the
 * paths by kind (handling_route, forwarded_to, a NULL handling_due_at, a DIRECT_NOTICE clock) are then set on the
 * row as db/projection.ts writes them for such a path, so that each figure's SQL is checked on exactly the rows it
 * reads.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RATING_EXCLUSIONS } from '../../api/rating-exclusions';
import { projectPanelState } from '../../db/panel-projection';
import { panelMembers, petitionDeadlines, petitions, units } from '../../db/schema';
import * as petition from '../../domain/petition';
import { ctxAt } from '../support/calendar';
import { okField } from '../support/graphql';
import { closedPanel, PANEL_OF_FIVE, satisfiedVote } from '../support/panel-members';
import { at, openReadModelHarness, type PetitionFixture, type ReadModelHarness } from '../support/read-model';

let rm: ReadModelHarness;
beforeEach(() => {
  rm = openReadModelHarness();
});
afterEach(() => rm.close());

type Row = Partial<typeof petitions.$inferInsert>;
/** A column of the paths by kind, as the projection writes it for that path. */
const setRow = (f: PetitionFixture, values: Row) =>
  rm.db.update(petitions).set(values).where(eq(petitions.id, f.id)).run();

function decline(f: PetitionFixture, when: string) {
  f.state = petition.decline.apply(
    f.state,
    { reason: 'NOT_A_PETITION', note: null, actor: { id: 'fixture', role: 'REGISTRAR' } },
    ctxAt(at(when)),
  );
  return f;
}

/** The day `n` days after `from` (ISO date), for spreading fixtures over a period. */
const day = (from: string, n: number) => new Date(at(from) + n * 86_400_000).toISOString().slice(0, 10);

const frac = (numerator: number, denominator: number, percent: string | null) => ({ numerator, denominator, percent });

function statistics(fields: string, period: { from: string; to: string }, variables: Record<string, unknown> = {}) {
  return rm.gql(
    rm.token('SUPERVISOR'),
    `query($unitId: String, $rounding: Rounding) {
      statistics(filter: { from: "${period.from}", to: "${period.to}", unitId: $unitId, rounding: $rounding }) { ${fields} } }`,
    variables,
  );
}

describe('办结率 on the petitions received (the base bureaus publish), and those never accepted', () => {
  const H1 = { from: '2026-01-01T00:00:00+08:00', to: '2026-07-01T00:00:00+08:00' };
  /**
   * 昌宁 2023: 办结 227, 办结率 95.37 % — 227 of 238 received, truncated. Here in the first half of 2026:
   *   227 received and 办结 in the period (U-FT-01 and U-FT-02 in turn)
   *    11 received and not 办结 before its end: 3 declined, 2 still REGISTERED, 2 TRANSFERRED (signed for, not
   *       accepted), 3 HANDLING, 1 delivered on 3 July
   *     2 received and forwarded to 纪检监察 / 政法: on neither side
   *     1 received in December 2025 and delivered in January, 1 received in July: outside the base
   */
  beforeEach(() => {
    for (let i = 0; i < 227; i++) {
      const received = day('2026-01-02', i % 150);
      rm.petition({ received })
        .accept(day(received, 1), i % 2 ? 'U-FT-02' : 'U-FT-01')
        .reply(day(received, 20))
        .project();
    }
    for (const received of ['2026-02-03', '2026-03-04', '2026-04-05'])
      decline(rm.petition({ received }), received).project();
    for (const received of ['2026-05-06', '2026-06-29']) rm.petition({ received }).project();
    for (const received of ['2026-06-10', '2026-06-20']) rm.petition({ received }).route(received, 'U-FT-02').project();
    for (const received of ['2026-05-10', '2026-06-01', '2026-06-15']) {
      rm.petition({ received }).accept(day(received, 1), 'U-FT-01').project();
    }
    rm.petition({ received: '2026-06-12' }).accept('2026-06-13', 'U-FT-01').reply('2026-07-03').project();
    for (const forwardedTo of ['DISCIPLINE_INSPECTION', 'POLITICAL_LEGAL'] as const) {
      setRow(rm.petition({ received: '2026-03-03' }).project(), { status: 'FORWARDED', forwardedTo });
    }
    rm.petition({ received: '2025-12-20' }).accept('2025-12-22', 'U-FT-01').reply('2026-01-10').project();
    rm.petition({ received: '2026-07-02' }).accept('2026-07-02', 'U-FT-01').reply('2026-07-05').project();
  });

  const FIELDS = `rounding received: receivedCompletionRate { numerator denominator percent definition }
    notAccepted { numerator denominator percent definition } completionRate { definition }`;

  it('昌宁: 227 of 238 is 95.37 truncated and 95.38 rounded half up', async () => {
    const truncated = okField(await statistics(FIELDS, H1, { rounding: 'TRUNCATE' }));
    expect(truncated.received).toMatchObject(frac(227, 238, '95.37'));
    const halfUp = okField(await statistics(FIELDS, H1, { rounding: 'HALF_UP' }));
    expect(halfUp.received).toMatchObject(frac(227, 238, '95.38'));
    expect(halfUp.received.definition).toMatch(/received in the period, those never accepted included/);
    expect(halfUp.received.definition).toMatch(/forwarded .* counted on neither side/);
    // The due-in-period base stays beside it, with its own definition.
    expect(halfUp.completionRate.definition).toMatch(/handling deadline .* falls in the period/);
  });

  it('never accepted: declined, or still REGISTERED, TRANSFERRED or ASSIGNED — 7 of the 238', async () => {
    const { notAccepted } = okField(await statistics(FIELDS, H1));
    expect(notAccepted).toMatchObject(frac(7, 238, '2.94'));
    expect(notAccepted.definition).toMatch(/declined .* REGISTERED, TRANSFERRED or ASSIGNED/);
  });

  it('one unit: its own received items (a never-routed one is the bureau’s alone)', async () => {
    // U-FT-02: 113 办结, 2 TRANSFERRED; U-FT-01: 114 办结, 3 HANDLING, 1 delivered in July.
    const two = okField(await statistics(FIELDS, H1, { unitId: 'U-FT-02' }));
    expect(two.received).toMatchObject(frac(113, 115, '98.26'));
    expect(two.notAccepted).toMatchObject(frac(2, 115, '1.74'));
    const one = okField(await statistics(FIELDS, H1, { unitId: 'U-FT-01' }));
    expect(one.received).toMatchObject(frac(114, 118, '96.61'));
    expect(one.notAccepted).toMatchObject(frac(0, 118, '0.00'));
  });
});

describe('按期办结率 and 及时受理率 on the paths by kind', () => {
  const MARCH = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };

  it('a petition with no handling clock (a suggestion, Art. 31 (五)) is not late', async () => {
    // Accepted 10 Jan, due 11 Mar: on time on 5 Mar, late on 25 Mar; and one delivered 25 Mar with no clock.
    rm.petition({ received: '2026-01-08' }).accept('2026-01-10', 'U-FT-01').reply('2026-03-05').project();
    rm.petition({ received: '2026-01-08' }).accept('2026-01-10', 'U-FT-01').reply('2026-03-25').project();
    const noClock = rm.petition({ received: '2026-01-08' }).accept('2026-01-10', 'U-FT-01').reply('2026-03-25');
    setRow(noClock.project(), { category: 'SUGGESTION', handlingDueAt: null });
    const { onTimeCompletionRate } = okField(
      await statistics('onTimeCompletionRate { numerator denominator percent definition }', MARCH),
    );
    expect(onTimeCompletionRate).toMatchObject(frac(2, 3, '66.67'));
    expect(onTimeCompletionRate.definition).toMatch(/or with no handling clock/);
  });

  it('及时受理率 counts the 告知 of items brought directly to their unit beside routed ones', async () => {
    // Routed 10 Mar (告知 due 25 Mar), never accepted; routed 16 Mar (due 31 Mar), accepted 18 Mar.
    rm.petition({ received: '2026-03-09' }).route('2026-03-10', 'U-FT-02').project();
    const direct = rm
      .petition({ received: '2026-03-15' })
      .route('2026-03-16', 'U-FT-02')
      .accept('2026-03-18')
      .project();
    // The second as a direct item (Art. 23 ¶2): its 告知 clock is a DIRECT_NOTICE.
    rm.db
      .update(petitionDeadlines)
      .set({ kind: 'DIRECT_NOTICE' })
      .where(and(eq(petitionDeadlines.petitionId, direct.id), eq(petitionDeadlines.kind, 'NOTICE')))
      .run();
    const { timelyNoticeRate } = okField(
      await statistics('timelyNoticeRate { numerator denominator percent definition }', MARCH),
    );
    expect(timelyNoticeRate).toMatchObject(frac(1, 2, '50.00'));
    expect(timelyNoticeRate.definition).toMatch(/directly to their unit/);
  });
});

describe('参评率: its exclusions are data, each counted', () => {
  const MARCH = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
  /**
   * Delivered in March, each accepted 1 Feb and answered 10 Mar:
   *   a, h  online, rated                 eligible, rated
   *   b     online, not rated, no route   eligible (a NULL route excludes nothing)
   *   c     by letter, rated              NOT_REGISTERED_ONLINE
   *   g     by letter, at a court         NOT_REGISTERED_ONLINE (the first rule that holds)
   *   d     online, at a court            ORGAN_NOT_RATED
   *   e     online, (一) litigation       STATUTORY_ROUTE
   *   i     online, forwarded to 政法     STATUTORY_ROUTE
   *   f     online, an accusation         NOT_DISCLOSABLE
   *   and one delivered in April: outside the period.
   */
  beforeEach(() => {
    rm.db.insert(units).values({ id: 'C-TEST', name: '某区人民法院', kind: 'COURT', parentId: null }).run();
    const delivered = (channel: petition.Channel = 'ONLINE', unitId = 'U-FT-01') =>
      rm.petition({ received: '2026-01-30', channel }).accept('2026-02-01', unitId).reply('2026-03-10');
    delivered().rate('2026-03-11', 'SATISFIED').project(); // a
    delivered().rate('2026-03-12', 'DISSATISFIED').project(); // h
    setRow(delivered().project(), { handlingRoute: null }); // b
    delivered('LETTER').rate('2026-03-11', 'SATISFIED').project(); // c
    delivered('LETTER', 'C-TEST').project(); // g
    delivered('ONLINE', 'C-TEST').rate('2026-03-11', 'SATISFIED').project(); // d
    setRow(delivered().rate('2026-03-11', 'SATISFIED').project(), { handlingRoute: 'LEGAL_PROCEDURE' }); // e
    setRow(delivered().project(), { forwardedTo: 'POLITICAL_LEGAL' }); // i
    setRow(delivered().rate('2026-03-11', 'SATISFIED').project(), { category: 'ACCUSATION' }); // f
    rm.petition({ received: '2026-01-30' }).accept('2026-02-01', 'U-FT-01').reply('2026-04-02').project();
  });

  const FIELDS = `delivered ratingParticipationRate { numerator denominator percent definition }
    ratingExclusions { id description source excluded }`;

  it('the eligible base and each rule’s count add up to the petitions delivered', async () => {
    const answer = okField(await statistics(FIELDS, MARCH));
    expect(answer.delivered).toBe(9);
    expect(answer.ratingParticipationRate).toMatchObject(frac(2, 3, '66.67')); // a, h of a, b, h
    expect(answer.ratingExclusions.map((r: any) => [r.id, r.excluded])).toEqual([
      ['NOT_REGISTERED_ONLINE', 2],
      ['ORGAN_NOT_RATED', 1],
      ['STATUTORY_ROUTE', 2],
      ['NOT_DISCLOSABLE', 1],
    ]);
    const excluded = answer.ratingExclusions.reduce((sum: number, r: any) => sum + r.excluded, 0);
    expect(answer.ratingParticipationRate.denominator + excluded).toBe(answer.delivered);
  });

  it('the answer carries each rule with its source, and a definition made from the list', async () => {
    const answer = okField(await statistics(FIELDS, MARCH));
    expect(answer.ratingExclusions).toEqual(
      RATING_EXCLUSIONS.map(({ id, description, source }) => ({
        id,
        description,
        source,
        excluded: expect.any(Number),
      })),
    );
    for (const rule of RATING_EXCLUSIONS) {
      expect(rule.source).toMatch(/\[SAT\] art\. 4/);
      expect(answer.ratingParticipationRate.definition).toContain(rule.description);
    }
  });

  it('a unit’s exclusions count its own petitions only', async () => {
    const answer = okField(await statistics(FIELDS, MARCH, { unitId: 'C-TEST' }));
    expect(answer.ratingParticipationRate).toMatchObject(frac(0, 0, null));
    expect(answer.ratingExclusions.map((r: any) => r.excluded)).toEqual([1, 1, 0, 0]);
  });
});

describe('a panel attendance is a member present, whether or not they voted', () => {
  const [m1, m2, m3] = PANEL_OF_FIVE.map((m) => m.memberId) as [string, string, string];

  beforeEach(() => {
    // Five members: m1 voted without being recorded, m2 voted and was recorded, m3 was present and did not vote.
    projectPanelState(
      rm.db,
      closedPanel('PY-A', '2026-03-15', { votes: [satisfiedVote(m1), satisfiedVote(m2)], present: [m2, m3] }),
    );
    // Convened before presence was recorded: its one voter was present.
    projectPanelState(rm.db, closedPanel('PY-B', '2026-03-20', { votes: [satisfiedVote(m2)] }));
    // Closed in April: outside the period.
    projectPanelState(rm.db, closedPanel('PY-C', '2026-04-02', { present: [m1, m2, m3] }));
  });

  it('the read model and the statistics count the present, the GraphQL shows who voted beside it', async () => {
    const rows = rm.db
      .select({ memberId: panelMembers.memberId, present: panelMembers.present, voted: panelMembers.attended })
      .from(panelMembers)
      .where(eq(panelMembers.panelId, 'PY-A'))
      .all();
    const ids = (members: { memberId: string }[]) => members.map((m) => m.memberId).sort();
    expect(ids(rows.filter((r) => r.present))).toEqual([m1, m2, m3].sort());
    expect(ids(rows.filter((r) => r.voted))).toEqual([m1, m2].sort());

    const march = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
    expect(okField(await statistics('panelsHeld panelAttendances', march))).toEqual({
      panelsHeld: 2,
      panelAttendances: 4, // m1, m2, m3 at PY-A; m2 at PY-B
    });

    const shown = okField(
      await rm.gql(rm.token('SUPERVISOR'), '{ panel(id: "PY-A") { members { memberId attended voted } } }'),
    );
    expect(ids(shown.members.filter((m: any) => m.attended))).toEqual([m1, m2, m3].sort());
    expect(ids(shown.members.filter((m: any) => m.voted))).toEqual([m1, m2].sort());
  });
});
