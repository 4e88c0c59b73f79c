/**
 * 检举控告 (Art. 30 ¶3, Art. 46 (五)): the accused unit — an accusation's respondent unit — reads nothing of it
 * and learns nothing of it, by any path; the bureau reads it as any other. The decision alone, then every read
 * through GraphQL on a real read model (accusations handed to their accused unit before the API refused that,
 * built with the state machine directly), and the API's refusal to send one there.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { petitionAccess, type PetitionUnits } from '../../api/access';
import type { Principal } from '../../api/auth';
import { accusedUnitOf } from '../../domain/petition/accusation';
import { errorCode, okData } from '../support/graphql';
import { openReadModelHarness, type ReadModelHarness } from '../support/read-model';

const A = 'U-FT-01';
const B = 'U-FT-02';
const who = (role: Principal['role'], unitId: string | null = null, id = `${role}-1`): Principal => ({
  id,
  role,
  unitId,
  memberId: null,
});
const petition = (over: Partial<PetitionUnits>): PetitionUnits => ({
  category: 'ACCUSATION',
  respondentUnitId: B,
  unitId: A,
  reviewUnitId: null,
  escalation: null,
  ...over,
});

describe('the access decision', () => {
  it('hides an accusation from every principal of the accused unit, whatever else ties the unit to it', () => {
    for (const role of ['UNIT_HANDLER', 'UNIT_HEAD'] as const) {
      expect(petitionAccess(who(role, B), petition({}))).toBe('HIDDEN');
      expect(petitionAccess(who(role, B), petition({ unitId: B }))).toBe('HIDDEN');
      expect(petitionAccess(who(role, B), petition({ reviewUnitId: B }))).toBe('HIDDEN');
      // The unit handling it, not accused, reads it with the petitioner, as for any case of its own.
      expect(petitionAccess(who(role, A), petition({}))).toBe('FULL');
    }
  });

  it('leaves the bureau, the owning leader and every other category as they were', () => {
    expect(petitionAccess(who('REGISTRAR'), petition({ unitId: B }))).toBe('FULL');
    expect(petitionAccess(who('ADMIN'), petition({ unitId: B }))).toBe('FULL');
    expect(petitionAccess(who('SUPERVISOR'), petition({ unitId: B }))).toBe('MASKED');
    expect(petitionAccess(who('TESTER'), petition({ unitId: B }))).toBe('MASKED');
    const escalated = petition({ escalation: { leaderId: 'leader-wang' } });
    expect(petitionAccess(who('LEADER', null, 'leader-wang'), escalated)).toBe('FULL');
    // A claim against a unit is that unit's to handle: only an accusation accuses.
    for (const category of ['CLAIM', 'SUGGESTION'] as const)
      expect(petitionAccess(who('UNIT_HANDLER', B), petition({ category, unitId: B }))).toBe('FULL');
    expect(petitionAccess(who('UNIT_HANDLER', B), petition({ category: null, unitId: B }))).toBe('FULL');
    expect(petitionAccess(null, petition({}))).toBe('HIDDEN');
  });

  it('names the accused unit of an accusation only', () => {
    expect(accusedUnitOf({ category: 'ACCUSATION', respondentUnitId: B })).toBe(B);
    expect(accusedUnitOf({ category: 'ACCUSATION', respondentUnitId: null })).toBeNull();
    expect(accusedUnitOf({ category: 'CLAIM', respondentUnitId: B })).toBeNull();
  });
});

describe('through GraphQL on the read model', () => {
  let rm: ReadModelHarness;
  beforeEach(() => {
    rm = openReadModelHarness({ temporalAttempts: 1 });
  });
  afterEach(() => rm.close());

  const WORD = '挪用扶贫资金';
  /** Accusations against B that B would read but for the rule: handled by B, and reviewed by B. */
  function fixtures() {
    const handledByB = rm
      .petition({
        received: '2026-03-02',
        category: 'ACCUSATION',
        respondentUnitId: B,
        petitioner: '举报人甲',
        summary: '举报某科长',
        content: `某科长${WORD}`,
      })
      .accept('2026-03-03', B)
      .project();
    // Appealed as every petition could be before paths by kind (an accusation is now answered without 复查).
    const reviewedByB = rm
      .petition({
        received: '2026-03-04',
        category: 'ACCUSATION',
        respondentUnitId: B,
        content: `再次${WORD}`,
        beforePathsByKind: true,
      })
      .accept('2026-03-05', A)
      .reply('2026-03-20')
      .appeal('2026-03-25', B)
      .project();
    // The same petitioner's claim against B, at B: B reads it, and its proposals leave the accusation out.
    const claim = rm.petition({
      received: '2026-03-06',
      respondentUnitId: B,
      petitioner: '举报人甲',
      content: `补发工资，另称${WORD}`,
    });
    claim.accept('2026-03-07', B);
    claim.state = {
      ...claim.state,
      possibleRepeats: [
        { petitionId: handledByB.id, status: 'HANDLING', reasons: ['SAME_NAME', 'SAME_RESPONDENT_UNIT'] },
      ],
    };
    claim.project();
    return { handledByB, reviewedByB, claim };
  }

  const LIST = `query($text: String) {
    petitions(first: 50, filter: { text: $text }) { totalCount edges { highlight node { id } } } }`;
  const listed = async (token: string, text: string | null = null) => {
    const { petitions } = okData(await rm.gql(token, LIST, { text }));
    return {
      ids: petitions.edges.map((e: { node: { id: string } }) => e.node.id).sort(),
      totalCount: petitions.totalCount,
      highlights: petitions.edges.map((e: { highlight: string | null }) => e.highlight),
    };
  };
  const READ = 'query($id: ID!) { petition(id: $id) { id content summary petitioner { name } timeline { type } } }';
  const STATS = `query($unitId: String) { statistics(filter: {
    from: "2026-01-01T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00", unitId: $unitId }) { registered overdueNow } }`;

  it("petition(id) answers the accused unit NOT_FOUND, as for another unit's petition; the bureau reads it", async () => {
    const { handledByB, reviewedByB } = fixtures();
    // Here Temporal does not answer, so an id never issued is UNAVAILABLE: the system test compares with those.
    const othersCase = rm.petition({ received: '2026-03-02' }).accept('2026-03-03', A).project();
    for (const role of ['UNIT_HANDLER', 'UNIT_HEAD'] as const) {
      const token = rm.token(role, B);
      const hidden = JSON.stringify(await rm.gql(token, READ, { id: othersCase.id })).replaceAll(othersCase.id, '<id>');
      for (const id of [handledByB.id, reviewedByB.id]) {
        const answer = await rm.gql(token, READ, { id });
        expect(errorCode(answer)).toBe('NOT_FOUND');
        expect(JSON.stringify(answer).replaceAll(id, '<id>')).toBe(hidden);
      }
    }
    const read = okData(await rm.gql(rm.token('REGISTRAR'), READ, { id: handledByB.id })).petition;
    expect(read).toMatchObject({ content: `某科长${WORD}`, petitioner: { name: '举报人甲' } });
    expect(okData(await rm.gql(rm.token('UNIT_HANDLER', A), READ, { id: reviewedByB.id })).petition.id).toBe(
      reviewedByB.id,
    );
  });

  it('lists, text search, highlights and totalCount leave the accusations out for the accused unit only', async () => {
    const { handledByB, reviewedByB, claim } = fixtures();
    const b = rm.token('UNIT_HANDLER', B);
    expect(await listed(b)).toMatchObject({ ids: [claim.id], totalCount: 1 });
    const found = await listed(b, WORD);
    expect(found).toMatchObject({ ids: [claim.id], totalCount: 1 });
    expect(found.highlights.join()).not.toContain('某科长');
    expect(await listed(rm.token('UNIT_HEAD', B), '科长')).toMatchObject({ ids: [], totalCount: 0 });
    const bureau = await listed(rm.token('REGISTRAR'), WORD);
    expect(bureau).toMatchObject({ ids: [handledByB.id, reviewedByB.id, claim.id].sort(), totalCount: 3 });
    expect((await listed(rm.token('UNIT_HANDLER', A))).ids).toEqual([reviewedByB.id]);
  });

  it("possibleRepeats of the unit's own case leave the accusation out; the bureau sees it", async () => {
    const { handledByB, claim } = fixtures();
    const QUERY = 'query($id: ID!) { petition(id: $id) { possibleRepeats { petitionId } } }';
    const of = async (token: string) => okData(await rm.gql(token, QUERY, { id: claim.id })).petition.possibleRepeats;
    expect(await of(rm.token('UNIT_HANDLER', B))).toEqual([]);
    expect(await of(rm.token('REGISTRAR'))).toEqual([{ petitionId: handledByB.id }]);
  });

  it("the accused unit's statistics count only what it may read; the bureau's count of that unit counts all", async () => {
    fixtures();
    const of = async (token: string, unitId: string | null = null) =>
      okData(await rm.gql(token, STATS, { unitId })).statistics;
    expect((await of(rm.token('UNIT_HANDLER', B))).registered).toBe(1);
    expect((await of(rm.token('UNIT_HEAD', B), B)).registered).toBe(1);
    expect((await of(rm.token('REGISTRAR'), B)).registered).toBe(2);
    expect((await of(rm.token('SUPERVISOR'))).registered).toBe(3);
  });

  it('a command of the accused unit answers NOT_FOUND, as for a petition that is not there', async () => {
    const { handledByB } = fixtures();
    const answer = await rm.gql(
      rm.token('UNIT_HANDLER', B),
      'mutation($id: ID!) { requestExtension(id: $id, days: 10, reason: "需核查") { id } }',
      { id: handledByB.id },
    );
    expect(errorCode(answer)).toBe('NOT_FOUND');
    expect(JSON.stringify(answer)).not.toContain(WORD);
  });

  it('refuses to route, accept or send for review an accusation to its accused unit, naming the field', async () => {
    const registered = rm.petition({ received: '2026-03-02', category: 'ACCUSATION', respondentUnitId: B }).project();
    const routedBefore = rm
      .petition({ received: '2026-03-02', category: 'ACCUSATION', respondentUnitId: B })
      .route('2026-03-03', B)
      .project();
    const replied = rm
      .petition({ received: '2026-03-02', category: 'ACCUSATION', respondentUnitId: B })
      .accept('2026-03-03', A)
      .reply('2026-03-10')
      .project();
    const reg = rm.token('REGISTRAR');
    const refused = async (document: string, id: string) => {
      const answer = await rm.gql(reg, document, { id });
      expect(errorCode(answer), JSON.stringify(answer.errors)).toBe('BAD_USER_INPUT');
      return answer.errors![0]!.extensions!.field;
    };
    const route = (unitId: string) =>
      `mutation($id: ID!) { routePetition(id: $id, unitId: "${unitId}", mode: TRANSFER) { id } }`;
    expect(await refused(route(B), registered.id)).toBe('unitId');
    expect(await refused(`mutation($id: ID!) { acceptPetition(id: $id, unitId: "${B}") { id } }`, registered.id)).toBe(
      'unitId',
    );
    // Routed there before the rule: accepting without a unit would hand it to the accused unit.
    expect(await refused('mutation($id: ID!) { acceptPetition(id: $id) { id } }', routedBefore.id)).toBe('unitId');
    expect(
      await refused(`mutation($id: ID!) { requestReview(id: $id, reviewUnitId: "${B}") { id } }`, replied.id),
    ).toBe('reviewUnitId');
    // Anywhere else the command goes on to the workflow (here: a Temporal that does not answer).
    expect(errorCode(await rm.gql(reg, route(A), { id: registered.id }))).toBe('UNAVAILABLE');
  });
});
