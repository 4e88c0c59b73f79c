/**
 * Statistics on PostgreSQL against hand counts: the fixtures and figures of test/unit/read-model.test.ts and
 * test/unit/statistics.test.ts, projected into both dialects, every figure asked of both and asserted equal, and
 * the figures the unit tests count by hand asserted on the answer. Each fixture has read models of its own.
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPanel, PANEL_OF_FIVE, satisfiedVote } from '../support/panel-members';
import { openParity, type Parity, type TwinPetition } from '../support/parity';
import { type Period, sameStatistics } from '../support/parity-statistics';
import { at } from '../support/petition-fixture';

const MARCH = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
/** March without its first morning and last evening: partial days at either end. */
const MARCH_PARTLY = { from: '2026-03-01T09:30:00+08:00', to: '2026-03-31T18:00:00+08:00' };
const H1 = { from: '2026-01-01T00:00:00+08:00', to: '2026-07-01T00:00:00+08:00' };

const frac = (numerator: number, denominator: number, percent: string | null) => ({ numerator, denominator, percent });
const day = (from: string, n: number) => new Date(at(from) + n * 86_400_000).toISOString().slice(0, 10);

/** A fresh pair of read models for one fixture, with a supervisor and the heads of two units. */
function useParity(build: (parity: Parity) => Promise<void>) {
  const holder = {} as { parity: Parity };
  beforeAll(async () => {
    holder.parity = await openParity();
    await holder.parity.principal('SUP', { role: 'SUPERVISOR' });
    await holder.parity.principal('HEAD/1', { role: 'UNIT_HEAD', unitId: 'U-FT-01' });
    await holder.parity.principal('HEAD/2', { role: 'UNIT_HEAD', unitId: 'U-FT-02' });
    await build(holder.parity);
  });
  afterAll(() => holder.parity.close());
  return {
    stats: (period: Period, who = 'SUP') => sameStatistics(holder.parity, who, period),
    get parity() {
      return holder.parity;
    },
  };
}

/** A statement run on both read models: a row set as the projection writes it for a path the fixture cannot take. */
async function onBoth(parity: Parity, statement: SQL) {
  expect(await parity.pg.db.exec(statement)).toBe(await parity.sqlite.db.exec(statement));
}
const setRow = (parity: Parity, f: TwinPetition, set: SQL) =>
  onBoth(parity, sql`UPDATE petitions SET ${set} WHERE id = ${f.id}`);

describe('March 2026 as test/unit/read-model.test.ts counts it', () => {
  const { stats } = useParity(async (parity) => {
    const all = [
      parity
        .petition({ received: '2026-01-08' })
        .accept('2026-01-10', 'U-FT-01')
        .reply('2026-03-05')
        .rate('2026-03-06', 'SATISFIED'),
      parity
        .petition({ received: '2026-01-18', channel: 'LETTER' })
        .accept('2026-01-20', 'U-FT-01')
        .reply('2026-03-25')
        .rate('2026-03-26', 'DISSATISFIED')
        .appeal('2026-03-27'),
      parity.petition({ received: '2026-01-24' }).accept('2026-01-25', 'U-FT-02'),
    ];
    const d = parity
      .petition({ received: '2026-01-30', petitioner: '周某', respondentUnitId: 'U-FT-01' })
      .accept('2026-02-01', 'U-FT-01')
      .reply('2026-03-10')
      .rate('2026-03-12', 'BASICALLY_SATISFIED')
      .rate('2026-03-12T11:00:00+08:00', 'DISSATISFIED', 'BUREAU')
      .rate('2026-03-13', 'SATISFIED');
    all.push(
      d,
      parity.petition({ received: '2026-03-20', petitioner: '周某', respondentUnitId: 'U-FT-01', repeatOf: d }),
      parity.petition({ received: '2026-03-15' }).route('2026-03-16', 'U-FT-02').accept('2026-03-18'),
      parity.petition({ received: '2026-03-09' }).route('2026-03-10', 'U-FT-02'),
    );
    for (const p of all) await p.project();
  });

  it('the whole city equals the hand count on both', async () => {
    expect(await stats(MARCH)).toMatchObject({
      registered: 3,
      delivered: 3,
      completionRate: frac(2, 3, '66.67'),
      onTimeCompletionRate: frac(2, 3, '66.67'),
      unitSatisfactionRate: frac(2, 3, '66.67'),
      bureauSatisfactionRate: frac(0, 1, '0.00'),
      ratingParticipationRate: frac(2, 2, '100.00'),
      firstTimeResolutionRate: frac(1, 3, '33.33'),
      repeatRate: frac(1, 3, '33.33'),
      timelyNoticeRate: frac(1, 2, '50.00'),
    });
  });

  it('one unit, truncated; a unit head’s own figures; partial days at either end', async () => {
    expect(await stats({ ...MARCH, unitId: 'U-FT-01', rounding: 'TRUNCATE' })).toMatchObject({
      completionRate: frac(2, 2, '100.00'),
      onTimeCompletionRate: frac(2, 3, '66.66'),
      firstTimeResolutionRate: frac(1, 3, '33.33'),
    });
    expect((await stats(MARCH, 'HEAD/2')).completionRate).toMatchObject(frac(0, 1, '0.00'));
    expect(await stats(MARCH_PARTLY)).toMatchObject({ registered: 3, delivered: 3 });
    for (const unitId of ['U-FT-01', 'U-FT-02', 'U-FT-03', null]) {
      await stats({ ...MARCH_PARTLY, unitId, repeatWindowDays: 5 });
      await stats({ from: '2026-03-05T12:00:00+08:00', to: '2026-03-05T18:00:00+08:00', unitId });
    }
    await stats(MARCH_PARTLY, 'HEAD/1');
  });
});

describe('办结率 on the petitions received: 昌宁’s 227 of 238', () => {
  const { stats } = useParity(async (parity) => {
    const all: TwinPetition[] = [];
    for (let i = 0; i < 227; i++) {
      const received = day('2026-01-02', i % 150);
      all.push(
        parity
          .petition({ received })
          .accept(day(received, 1), i % 2 ? 'U-FT-02' : 'U-FT-01')
          .reply(day(received, 20)),
      );
    }
    for (const received of ['2026-02-03', '2026-03-04', '2026-04-05'])
      all.push(parity.petition({ received }).decline(received));
    for (const received of ['2026-05-06', '2026-06-29']) all.push(parity.petition({ received }));
    for (const received of ['2026-06-10', '2026-06-20'])
      all.push(parity.petition({ received }).route(received, 'U-FT-02'));
    for (const received of ['2026-05-10', '2026-06-01', '2026-06-15'])
      all.push(parity.petition({ received }).accept(day(received, 1), 'U-FT-01'));
    all.push(parity.petition({ received: '2026-06-12' }).accept('2026-06-13', 'U-FT-01').reply('2026-07-03'));
    const forwarded = ['DISCIPLINE_INSPECTION', 'POLITICAL_LEGAL'].map((organ) => ({
      organ,
      p: parity.petition({ received: '2026-03-03' }),
    }));
    all.push(...forwarded.map((f) => f.p));
    all.push(parity.petition({ received: '2025-12-20' }).accept('2025-12-22', 'U-FT-01').reply('2026-01-10'));
    all.push(parity.petition({ received: '2026-07-02' }).accept('2026-07-02', 'U-FT-01').reply('2026-07-05'));
    for (const p of all) await p.project();
    for (const { organ, p } of forwarded) await setRow(parity, p, sql`status = 'FORWARDED', forwarded_to = ${organ}`);
  });

  it('227 of 238, truncated and half up, never accepted 7; per unit', async () => {
    expect((await stats({ ...H1, rounding: 'TRUNCATE' })).receivedCompletionRate).toMatchObject(
      frac(227, 238, '95.37'),
    );
    const halfUp = await stats(H1);
    expect(halfUp.receivedCompletionRate).toMatchObject(frac(227, 238, '95.38'));
    expect(halfUp.notAccepted).toMatchObject(frac(7, 238, '2.94'));
    const two = await stats({ ...H1, unitId: 'U-FT-02' });
    expect(two.receivedCompletionRate).toMatchObject(frac(113, 115, '98.26'));
    expect(two.notAccepted).toMatchObject(frac(2, 115, '1.74'));
    const one = await stats({ ...H1, unitId: 'U-FT-01' });
    expect(one.receivedCompletionRate).toMatchObject(frac(114, 118, '96.61'));
    expect(one.notAccepted).toMatchObject(frac(0, 118, '0.00'));
    // Quarters, months and odd hours: whole days from the counters, partial ones scanned, on both.
    for (const period of [
      { from: '2026-01-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' },
      { from: '2026-02-10T15:00:00+08:00', to: '2026-05-20T03:00:00+08:00' },
      { from: '2026-06-30T23:00:00+08:00', to: '2026-07-03T12:00:00+08:00' },
    ]) {
      for (const unitId of [null, 'U-FT-01', 'U-FT-02']) await stats({ ...period, unitId });
    }
    await stats(H1, 'HEAD/1');
  });
});

describe('按期办结率, 及时受理率 and 参评率’s exclusions on the paths by kind', () => {
  const { stats } = useParity(async (parity) => {
    await onBoth(
      parity,
      sql`INSERT INTO units (id, name, kind, parent_id) VALUES ('C-TEST', '某区人民法院', 'COURT', NULL)`,
    );
    const delivered = (channel: 'ONLINE' | 'LETTER' = 'ONLINE', unitId = 'U-FT-01') =>
      parity.petition({ received: '2026-01-30', channel }).accept('2026-02-01', unitId).reply('2026-03-10');
    const rows: [TwinPetition, SQL | null][] = [
      [delivered().rate('2026-03-11', 'SATISFIED'), null], // a
      [delivered().rate('2026-03-12', 'DISSATISFIED'), null], // h
      [delivered(), sql`handling_route = NULL`], // b
      [delivered('LETTER').rate('2026-03-11', 'SATISFIED'), null], // c
      [delivered('LETTER', 'C-TEST'), null], // g
      [delivered('ONLINE', 'C-TEST').rate('2026-03-11', 'SATISFIED'), null], // d
      [delivered().rate('2026-03-11', 'SATISFIED'), sql`handling_route = 'LEGAL_PROCEDURE'`], // e
      [delivered(), sql`forwarded_to = 'POLITICAL_LEGAL'`], // i
      [delivered().rate('2026-03-11', 'SATISFIED'), sql`category = 'ACCUSATION'`], // f
      [parity.petition({ received: '2026-01-30' }).accept('2026-02-01', 'U-FT-01').reply('2026-04-02'), null],
      // 及时受理率: routed 10 Mar and never accepted; routed 16 Mar and accepted 18 Mar, as a direct item.
      [parity.petition({ received: '2026-03-09' }).route('2026-03-10', 'U-FT-02'), null],
    ];
    const direct = parity.petition({ received: '2026-03-15' }).route('2026-03-16', 'U-FT-02').accept('2026-03-18');
    rows.push([direct, null]);
    for (const [p, set] of rows) {
      await p.project();
      if (set) await setRow(parity, p, set);
    }
    await onBoth(
      parity,
      sql`UPDATE petition_deadlines SET kind = 'DIRECT_NOTICE' WHERE petition_id = ${direct.id} AND kind = 'NOTICE'`,
    );
  });

  it('each rule’s count, the eligible base, a unit’s own, and the notices given in time', async () => {
    const city = await stats(MARCH);
    expect(city.delivered).toBe(9);
    expect(city.ratingParticipationRate).toMatchObject(frac(2, 3, '66.67'));
    expect(city.ratingExclusions.map((r: { excluded: number }) => r.excluded)).toEqual([2, 1, 2, 1]);
    expect(city.timelyNoticeRate).toMatchObject(frac(1, 2, '50.00'));
    const court = await stats({ ...MARCH, unitId: 'C-TEST' });
    expect(court.ratingParticipationRate).toMatchObject(frac(0, 0, null));
    expect(court.ratingExclusions.map((r: { excluded: number }) => r.excluded)).toEqual([1, 1, 0, 0]);
    await stats(MARCH_PARTLY);
    await stats({ ...MARCH_PARTLY, unitId: 'C-TEST' });
  });
});

describe('panels: a panel attendance is a member present', () => {
  const [m1, m2, m3] = PANEL_OF_FIVE.map((m) => m.memberId) as [string, string, string];
  // Each panel's verdict on its case: the evaluations' satisfaction rate counts them.
  const satisfied = { results: [{ petitionId: 'XF-1', verdict: 'SATISFIED' as const, votes: 2 }] };
  const { stats } = useParity(async (parity) => {
    for (const { db } of [parity.sqlite, parity.pg]) {
      await db.projectPanel(
        closedPanel('PY-A', '2026-03-15', {
          ...satisfied,
          votes: [satisfiedVote(m1), satisfiedVote(m2)],
          present: [m2, m3],
        }),
      );
      await db.projectPanel(closedPanel('PY-B', '2026-03-20', { ...satisfied, votes: [satisfiedVote(m2)] }));
      await db.projectPanel(closedPanel('PY-C', '2026-04-02', { ...satisfied, present: [m1, m2, m3] }));
    }
  });

  it('panels held, members present and the verdicts', async () => {
    expect(await stats(MARCH)).toMatchObject({
      panelsHeld: 2,
      panelAttendances: 4,
      evaluationSatisfactionRate: frac(2, 2, '100.00'),
    });
  });
});
