/**
 * The read model on a real SQLite file: projection idempotence, keyset pagination, unit isolation, Chinese
 * full-text search and the statistics against a hand-counted fixture.
 */
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { percent } from '../../api/statistics';
import { createProjectionActivities } from '../../activities/projection-activities';
import { petitionDeadlines, petitionEvents, petitionRatings, petitions } from '../../db/schema';
import { errorCode, okData, okField } from '../support/graphql';
import { at, openReadModelHarness, type ReadModelHarness } from '../support/read-model';

let rm: ReadModelHarness;
beforeEach(() => {
  rm = openReadModelHarness();
});
afterEach(() => rm.close());

function dump(id: string) {
  const row = rm.db.select().from(petitions).where(eq(petitions.id, id)).get();
  const { updatedAt: _, ...rest } = row!;
  return {
    row: rest,
    events: rm.db
      .select()
      .from(petitionEvents)
      .where(eq(petitionEvents.petitionId, id))
      .orderBy(asc(petitionEvents.seq))
      .all(),
    deadlines: rm.db.select().from(petitionDeadlines).where(eq(petitionDeadlines.petitionId, id)).all(),
    ratings: rm.db.select().from(petitionRatings).where(eq(petitionRatings.petitionId, id)).all(),
  };
}

describe('projection', () => {
  it('the same activity twice leaves the same rows; an older snapshot after a newer one changes nothing', async () => {
    const { projectPetition } = createProjectionActivities(rm.db);
    const fixture = rm.petition({ received: '2026-03-02' }).accept('2026-03-03', 'U-FT-01');
    const older = fixture.state;
    fixture.reply('2026-03-20').rate('2026-03-21', 'SATISFIED');
    const newer = fixture.state;
    const workflowId = `petition-${fixture.id}`;

    await projectPetition({ workflowId, state: older, events: older.timeline });
    expect(dump(fixture.id).row).toMatchObject({ status: 'HANDLING', lastSeq: older.lastSeq });
    await projectPetition({ workflowId, state: newer, events: newer.timeline.slice(older.lastSeq) });
    const once = dump(fixture.id);
    await projectPetition({ workflowId, state: newer, events: newer.timeline });
    expect(dump(fixture.id)).toEqual(once);
    // A retried activity of an earlier change arrives late: the row keeps the newer state.
    await projectPetition({ workflowId, state: older, events: older.timeline });
    expect(dump(fixture.id)).toEqual(once);

    expect(once.row).toMatchObject({
      status: 'DELIVERED',
      lastSeq: newer.lastSeq,
      deliveredAt: new Date(at('2026-03-20')),
    });
    expect(once.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(once.ratings).toHaveLength(1);
    expect(rm.db.$client.prepare('SELECT count(*) AS n FROM petition_search').get()).toEqual({ n: 1 });
  });

  it('the local projection, given only the new events, writes what the regular one writes with the whole timeline, and answers the change', async () => {
    const fixture = rm.petition({ received: '2026-03-02' }).accept('2026-03-03', 'U-FT-01');
    const older = fixture.state;
    fixture.reply('2026-03-20').rate('2026-03-21', 'SATISFIED');
    const newer = fixture.state;
    const workflowId = `petition-${fixture.id}`;
    const { projectPetition, projectPetitionChange } = createProjectionActivities(rm.db);
    await projectPetition({ workflowId, state: older, events: older.timeline });
    await projectPetition({ workflowId, state: newer, events: newer.timeline });
    const whole = dump(fixture.id);

    rm.db.$client.exec('DELETE FROM petition_events; DELETE FROM petitions; DELETE FROM petition_search');
    const withoutTimeline = ({ timeline: _timeline, ...state }: typeof newer) => state;
    const first = { workflowId, state: withoutTimeline(older), events: older.timeline };
    expect(await projectPetitionChange(first)).toEqual(first);
    const later = { workflowId, state: withoutTimeline(newer), events: newer.timeline.slice(older.lastSeq) };
    expect(later.events.map((e) => e.seq)).toEqual([3, 4]);
    await projectPetitionChange(later);
    expect(dump(fixture.id)).toEqual(whole);
  });
});

describe('when Temporal is unreachable', () => {
  it('a command answers UNAVAILABLE (nothing changed, safe to retry) while reads keep working', async () => {
    const registrar = rm.token('REGISTRAR');
    const answer = await rm.gql(
      registrar,
      'mutation { registerPetition(input: { petitioner: { name: "甲" }, channel: VISIT, category: CLAIM, summary: "s", content: "c" }) { id } }',
    );
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'UNAVAILABLE' });
    expect(answer.errors?.[0]?.message).toMatch(/nothing was changed/);
    okData(await rm.gql(registrar, '{ petitions { edges { node { id } } } }'));
  });
});

describe('lists', () => {
  it('keyset pages stay stable while new petitions arrive', async () => {
    for (let i = 0; i < 25; i += 1) {
      rm.petition({
        received: `2026-03-${String(1 + (i % 20)).padStart(2, '0')}T${String(8 + (i % 9)).padStart(2, '0')}:00:00+08:00`,
      }).project();
    }
    const registrar = rm.token('REGISTRAR');
    const page = (after: string | null) =>
      rm.gql(
        registrar,
        `query($after: String) { petitions(first: 10, after: $after) { totalCount edges { node { id receivedAt } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );

    const first = (await page(null)).data.petitions;
    expect(first.totalCount).toBe(25);
    // Five newer petitions arrive between the pages: the second page neither repeats nor skips a row.
    for (let i = 0; i < 5; i += 1) rm.petition({ received: `2026-04-0${i + 1}` }).project();
    const second = (await page(first.pageInfo.endCursor)).data.petitions;
    const third = (await page(second.pageInfo.endCursor)).data.petitions;
    const seen = [...first.edges, ...second.edges, ...third.edges].map((e: any) => e.node.id);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const times = [...first.edges, ...second.edges, ...third.edges].map((e: any) => Date.parse(e.node.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('sorted by due date: soonest first, only petitions with a running deadline', async () => {
    rm.petition({ received: '2026-03-02' }).accept('2026-03-10', 'U-FT-01').project();
    rm.petition({ received: '2026-03-05' }).project();
    rm.petition({ received: '2026-03-01' })
      .accept('2026-03-02', 'U-FT-01')
      .reply('2026-03-05')
      .tick('2026-04-30')
      .project();
    const answer = await rm.gql(
      rm.token('REGISTRAR'),
      '{ petitions(sort: DUE_ASC) { edges { node { status dueAt } } } }',
    );
    const nodes = answer.data.petitions.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.status)).toEqual(['REGISTERED', 'HANDLING']);
    expect(Date.parse(nodes[0].dueAt)).toBeLessThan(Date.parse(nodes[1].dueAt));
  });

  it('a unit sees only its own rows, whatever its filter asks for', async () => {
    const ours = rm.petition({ received: '2026-03-02' }).accept('2026-03-03', 'U-FT-01').project();
    const theirs = rm.petition({ received: '2026-03-02' }).accept('2026-03-03', 'U-FT-02').project();
    const reviewed = rm
      .petition({ received: '2026-03-01' })
      .accept('2026-03-02', 'U-FT-02')
      .reply('2026-03-05')
      .appeal('2026-03-06')
      .project();
    const organ = rm.token('UNIT_HANDLER', 'O-FT-GOV');
    const unit = rm.token('UNIT_HANDLER', 'U-FT-01');
    const ids = async (token: string, filter = '') =>
      (await rm.gql(token, `{ petitions${filter} { totalCount edges { node { id } } } }`)).data.petitions.edges.map(
        (e: any) => e.node.id,
      );
    expect(await ids(unit)).toEqual([ours.id]);
    expect(await ids(unit, '(filter: { unitId: "U-FT-02" })')).toEqual([]);
    expect(await ids(unit, '(filter: { text: "诉求" })')).toEqual([ours.id]);
    expect(await ids(organ)).toEqual([reviewed.id]);
    expect((await ids(rm.token('SUPERVISOR'))).sort()).toEqual([ours.id, theirs.id, reviewed.id].sort());
  });
});

describe('Chinese full-text search', () => {
  const texts = [
    { summary: '小区加装电梯补贴未发放', content: '小区申请加装电梯补贴已逾半年，小区居民反映仍未发放。' },
    { summary: '物业擅自动用维修基金', content: '小区物业公司未经业主大会同意动用专项维修基金。' },
    { summary: '拖欠农民工工资', content: '某建筑公司拖欠三个月工资，涉及农民工四十余人。' },
    { summary: '噪音扰民', content: '夜间施工噪音严重影响休息，电话反映多次无果。' },
    { summary: '电动车充电桩安装', content: '建议在小区增设电动车充电桩。' },
  ];
  const search = async (text: string) => {
    return okField(
      await rm.gql(
        rm.token('REGISTRAR'),
        `query($text: String) { petitions(filter: { text: $text }) { totalCount edges { highlight node { summary } } } }`,
        { text },
      ),
    );
  };
  beforeEach(() => {
    texts.forEach((t, i) => rm.petition({ received: `2026-03-0${i + 1}`, ...t }).project());
  });

  it.each([
    ['电梯', ['小区加装电梯补贴未发放']],
    ['工资', ['拖欠农民工工资']],
    ['农民工', ['拖欠农民工工资']],
    ['维修基金', ['物业擅自动用维修基金']],
    ['加装电梯', ['小区加装电梯补贴未发放']],
    ['充电桩', ['电动车充电桩安装']],
    ['噪', ['噪音扰民']],
  ])('"%s" finds the petitions that contain it', async (text, summaries) => {
    const found = await search(text);
    expect(found.edges.map((e: any) => e.node.summary)).toEqual(summaries);
    expect(found.edges[0].highlight).toContain(`【${text}】`);
  });

  it('characters that are present but not together do not match a word', async () => {
    // 电…动 and 梯 are all in the texts, but never as "梯电" or "电工".
    expect((await search('梯电')).totalCount).toBe(0);
    expect((await search('电工')).totalCount).toBe(0);
  });

  it('every word must match, and the petition that says it most ranks first', async () => {
    expect((await search('小区 电梯')).edges.map((e: any) => e.node.summary)).toEqual(['小区加装电梯补贴未发放']);
    const ranked = await search('小区');
    expect(ranked.totalCount).toBe(3);
    expect(ranked.edges[0].node.summary).toBe('小区加装电梯补贴未发放'); // 小区 three times, elsewhere once
  });

  it('a search with nothing to look for is BAD_USER_INPUT', async () => {
    const answer = await rm.gql(rm.token('REGISTRAR'), '{ petitions(filter: { text: "，。！" }) { totalCount } }');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
  });
});

describe('statistics', () => {
  /**
   * The hand-counted fixture, March 2026 (handling due dates from the statute: 60 days from acceptance):
   *   A  U-FT-01 online  accepted 10 Jan → due 11 Mar; delivered 5 Mar (on time); unit SATISFIED
   *   B  U-FT-01 letter  accepted 20 Jan → due 23 Mar (21 Mar is a Saturday); delivered 25 Mar (late);
   *                      unit DISSATISFIED; 复查 asked 27 Mar
   *   C  U-FT-02 online  accepted 25 Jan → due 26 Mar; never delivered
   *   D  U-FT-01 online  accepted 1 Feb → due 2 Apr; delivered 10 Mar (on time); unit BASICALLY_SATISFIED then
   *                      SATISFIED (the latest counts); bureau DISSATISFIED
   *   E  U-FT-01         registered 20 Mar: a repeat of D (same petitioner, same matter), not accepted
   *   F  U-FT-02         registered 15 Mar, routed 16 Mar (notice due 31 Mar), accepted 18 Mar (notice met)
   *   G  U-FT-02         registered 9 Mar, routed 10 Mar (notice due 25 Mar), never accepted
   */
  beforeEach(() => {
    rm.petition({ received: '2026-01-08' })
      .accept('2026-01-10', 'U-FT-01')
      .reply('2026-03-05')
      .rate('2026-03-06', 'SATISFIED')
      .project();
    rm.petition({ received: '2026-01-18', channel: 'LETTER' })
      .accept('2026-01-20', 'U-FT-01')
      .reply('2026-03-25')
      .rate('2026-03-26', 'DISSATISFIED')
      .appeal('2026-03-27')
      .project();
    rm.petition({ received: '2026-01-24' }).accept('2026-01-25', 'U-FT-02').project();
    const d = rm
      .petition({ received: '2026-01-30', petitioner: '周某', respondentUnitId: 'U-FT-01' })
      .accept('2026-02-01', 'U-FT-01')
      .reply('2026-03-10')
      .rate('2026-03-12', 'BASICALLY_SATISFIED')
      .rate('2026-03-12T11:00:00+08:00', 'DISSATISFIED', 'BUREAU')
      .rate('2026-03-13', 'SATISFIED')
      .project();
    rm.petition({ received: '2026-03-20', petitioner: '周某', respondentUnitId: 'U-FT-01', repeatOf: d }).project();
    rm.petition({ received: '2026-03-15' }).route('2026-03-16', 'U-FT-02').accept('2026-03-18').project();
    rm.petition({ received: '2026-03-09' }).route('2026-03-10', 'U-FT-02').project();
  });

  const STATS = `query($unitId: String, $rounding: Rounding) {
    statistics(filter: { from: "2026-03-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00", unitId: $unitId, rounding: $rounding }) {
      registered delivered rounding
      completionRate { numerator denominator percent }
      onTimeCompletionRate { numerator denominator percent }
      unitSatisfactionRate { numerator denominator percent }
      bureauSatisfactionRate { numerator denominator percent }
      ratingParticipationRate { numerator denominator percent }
      firstTimeResolutionRate { numerator denominator percent }
      repeatRate { numerator denominator percent }
      timelyNoticeRate { numerator denominator percent }
    } }`;
  const frac = (numerator: number, denominator: number, pct: string | null) => ({
    numerator,
    denominator,
    percent: pct,
  });

  it('the whole city, March 2026, equals the hand count', async () => {
    expect(okField(await rm.gql(rm.token('SUPERVISOR'), STATS))).toEqual({
      registered: 3, // E, F, G
      delivered: 3, // A, B, D
      rounding: 'HALF_UP',
      completionRate: frac(2, 3, '66.67'), // due in March: A, B, C; delivered: A, B
      onTimeCompletionRate: frac(2, 3, '66.67'), // delivered in March: A, D on time; B late
      unitSatisfactionRate: frac(2, 3, '66.67'), // A satisfied, B dissatisfied, D satisfied (latest)
      bureauSatisfactionRate: frac(0, 1, '0.00'), // D's bureau rating
      ratingParticipationRate: frac(2, 2, '100.00'), // online and delivered: A, D; both rated
      firstTimeResolutionRate: frac(1, 3, '33.33'), // A only: B asked for 复查, D came back as E
      repeatRate: frac(1, 3, '33.33'), // E of E, F, G
      timelyNoticeRate: frac(1, 2, '50.00'), // notices due in March: F met, G not
    });
  });

  it('one unit, and truncation as some bureaus publish', async () => {
    const answer = await rm.gql(rm.token('SUPERVISOR'), STATS, { unitId: 'U-FT-01', rounding: 'TRUNCATE' });
    expect(answer.data.statistics).toMatchObject({
      completionRate: frac(2, 2, '100.00'),
      onTimeCompletionRate: frac(2, 3, '66.66'),
      firstTimeResolutionRate: frac(1, 3, '33.33'),
    });
  });

  it('a unit gets its own figures and may not ask for another unit', async () => {
    const unit = rm.token('UNIT_HEAD', 'U-FT-02');
    const own = await rm.gql(unit, STATS);
    expect(own.data.statistics.completionRate).toEqual(frac(0, 1, '0.00')); // C
    const other = await rm.gql(unit, STATS, { unitId: 'U-FT-01' });
    expect(errorCode(other)).toBe('FORBIDDEN');
  });

  it('一次性化解 does not depend on the order the petitions were projected in (as in a rebuild)', () => {
    const original = rm
      .petition({ received: '2026-05-01', petitioner: '吴某', respondentUnitId: 'U-FT-03' })
      .accept('2026-05-02', 'U-FT-03')
      .reply('2026-05-20');
    const repeat = rm.petition({ received: '2026-06-01', petitioner: '吴某', respondentUnitId: 'U-FT-03' });
    repeat.project();
    original.project();
    const row = rm.db.select().from(petitions).where(eq(petitions.id, original.id)).get()!;
    expect(row.repeatedAt?.getTime()).toBe(at('2026-06-01'));
  });

  it('rounding works on the exact fraction: 昌宁 2023, 227/238', () => {
    expect(percent(227, 238, 'HALF_UP')).toBe('95.38');
    expect(percent(227, 238, 'TRUNCATE')).toBe('95.37');
    expect(percent(0, 0, 'HALF_UP')).toBeNull();
  });
});
