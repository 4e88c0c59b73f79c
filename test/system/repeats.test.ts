/**
 * 重复信访 through the GraphQL API on a real worker and the Java time-skipping test server: matching proposes
 * (`possibleRepeats`, with why), a proposal declines nothing, and the registrar decides — a confirmed repeat is
 * declined with the article that applies (Art. 36 ¶3 after 复核, Art. 19 ¶3 while in progress), a dismissed one
 * is dropped on the record, and a repeatOf with no ground is refused with its field.
 */
import { describe, expect, it } from 'vitest';
import { errorCode, type GraphQLAnswer, mutationsSelecting } from '../support/graphql';
import { lifecycleSteps } from '../support/lifecycle';
import { newPetitioner } from '../support/petitioners';
import { eventually, useTimeSkippingSystem } from '../support/system';

const ts = useTimeSkippingSystem();
const { ok: step, readModelRow, toReexamination } = lifecycleSteps(ts);
const ok = mutationsSelecting(
  `id status declineReason repeatOf isRepeat possibleRepeats { petitionId status reasons } timeline { type note data }`,
  () => ts.system,
);
type Petitioner = ReturnType<typeof newPetitioner>;

const COMPENSATION = { summary: '房屋征收补偿争议', content: '对房屋征收补偿标准有异议' };
const SCHOOL_PLACE = { summary: '子女入学学位申请', content: '子女符合入学条件，申请分配学位' };

function register(petitioner: Petitioner, what = COMPENSATION, extra = '') {
  const input = `{ petitioner: { name: "${petitioner.name}", idNumber: "${petitioner.idNumber}" }, channel: LETTER,
    category: CLAIM, summary: "${what.summary}", content: "${what.content}", respondentUnitId: "U-FT-01" ${extra} }`;
  return ok(ts.tokens.registrar, `registerPetition(input: ${input})`);
}

function attempt(mutation: string): Promise<GraphQLAnswer> {
  return ts.system.gql(ts.tokens.registrar, `mutation { ${mutation} { id } }`);
}

/** A 征收补偿 claim against U-FT-01 carried through 复查 and 复核 to 终结. */
async function concludedCase(petitioner: Petitioner): Promise<string> {
  const { id } = await register(petitioner);
  await toReexamination(id);
  await step(ts.tokens.reexamOrgan, `replyPetition(id: "${id}", outcome: NOT_SUPPORT, text: "复核维持")`);
  await eventually(() => readModelRow(id)?.status === 'CONCLUDED');
  return id;
}

async function acceptedCase(petitioner: Petitioner): Promise<string> {
  const { id } = await register(petitioner);
  await step(ts.tokens.registrar, `acceptPetition(id: "${id}", unitId: "U-FT-01")`);
  await eventually(() => readModelRow(id)?.status === 'HANDLING');
  return id;
}

describe('matching proposes, the registrar decides', () => {
  it('an unrelated 学位 claim of a petitioner whose 征收补偿 case against the same unit was concluded: proposed with why, registered and accepted', async () => {
    const petitioner = newPetitioner();
    const earlier = await concludedCase(petitioner);
    const claim = await register(petitioner, SCHOOL_PLACE);
    expect(claim).toMatchObject({ status: 'REGISTERED', declineReason: null, repeatOf: null, isRepeat: false });
    expect(claim.possibleRepeats).toEqual([
      {
        petitionId: earlier,
        status: 'CONCLUDED',
        reasons: ['SAME_ID_NUMBER', 'SAME_RESPONDENT_UNIT', 'SAME_CATEGORY'],
      },
    ]);
    expect(claim.timeline.map((e: any) => e.type)).toEqual(['REGISTERED']);
    const accepted = await ok(ts.tokens.registrar, `acceptPetition(id: "${claim.id}", unitId: "U-FT-01")`);
    expect(accepted).toMatchObject({ status: 'HANDLING', isRepeat: false });
    expect(readModelRow(claim.id)).toMatchObject({ isRepeat: false, isFirstTime: true });
  });

  it('the same facts again after 终结, confirmed: declined ALREADY_REEXAMINED under 第三十六条第三款; it then takes no 受理', async () => {
    const petitioner = newPetitioner();
    const earlier = await concludedCase(petitioner);
    const again = await register(petitioner);
    expect(again.status).toBe('REGISTERED');
    expect(again.possibleRepeats[0]).toMatchObject({
      petitionId: earlier,
      reasons: expect.arrayContaining(['SIMILAR_SUMMARY']),
    });
    const declined = await ok(
      ts.tokens.registrar,
      `confirmRepeat(id: "${again.id}", repeatOf: "${earlier}", note: "同一事实和理由")`,
    );
    expect(declined).toMatchObject({
      status: 'DECLINED',
      declineReason: 'ALREADY_REEXAMINED',
      repeatOf: earlier,
      isRepeat: true,
    });
    expect(declined.timeline.map((e: any) => e.type)).toEqual(['REGISTERED', 'REPEAT_CONFIRMED', 'DECLINED']);
    expect(declined.timeline[2].note).toContain('第三十六条第三款');
    await eventually(() => readModelRow(again.id)?.isRepeat === true);
    expect(errorCode(await attempt(`acceptPetition(id: "${again.id}", unitId: "U-FT-01")`))).toBe('INVALID_TRANSITION');
  });

  it('a repeat of a case in progress, confirmed twice with one requestId: DUPLICATE_IN_PROGRESS under 第十九条第三款, applied once', async () => {
    const petitioner = newPetitioner();
    const earlier = await acceptedCase(petitioner);
    const repeat = await register(petitioner);
    expect(repeat).toMatchObject({
      status: 'REGISTERED',
      possibleRepeats: [{ petitionId: earlier, status: 'HANDLING' }],
    });
    const confirm = `confirmRepeat(id: "${repeat.id}", repeatOf: "${earlier}", requestId: "confirm-1")`;
    const first = await ok(ts.tokens.registrar, confirm);
    const retried = await ok(ts.tokens.registrar, confirm);
    expect(first).toMatchObject({ status: 'DECLINED', declineReason: 'DUPLICATE_IN_PROGRESS', repeatOf: earlier });
    expect(first.timeline.at(-1).note).toContain('第十九条第三款');
    expect(retried.timeline.filter((e: any) => e.type === 'REPEAT_CONFIRMED')).toHaveLength(1);
  });

  it('a dismissal drops the candidate on the timeline; the same candidate again is refused with its field', async () => {
    const petitioner = newPetitioner();
    const earlier = await acceptedCase(petitioner);
    const claim = await register(petitioner, SCHOOL_PLACE);
    const dismissed = await ok(
      ts.tokens.registrar,
      `dismissRepeat(id: "${claim.id}", candidateId: "${earlier}", note: "不同事项")`,
    );
    expect(dismissed).toMatchObject({ status: 'REGISTERED', possibleRepeats: [] });
    expect(dismissed.timeline.at(-1)).toMatchObject({
      type: 'REPEAT_DISMISSED',
      note: '不同事项',
      data: { candidateId: earlier },
    });
    const again = await attempt(`dismissRepeat(id: "${claim.id}", candidateId: "${earlier}")`);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'candidateId' });
    await step(ts.tokens.registrar, `acceptPetition(id: "${claim.id}", unitId: "U-FT-01")`);
  });

  it('a unit sees only the proposals it may read: an earlier petition handled by another unit is left out', async () => {
    const petitioner = newPetitioner();
    const { id: elsewhere } = await register(petitioner);
    await step(ts.tokens.registrar, `acceptPetition(id: "${elsewhere}", unitId: "U-FT-02")`);
    await eventually(() => readModelRow(elsewhere)?.status === 'HANDLING');
    const claim = await register(petitioner, SCHOOL_PLACE);
    await step(ts.tokens.registrar, `acceptPetition(id: "${claim.id}", unitId: "U-FT-01")`);
    const query = `{ petition(id: "${claim.id}") { possibleRepeats { petitionId } } }`;
    const asRegistrar = await ts.system.gql(ts.tokens.registrar, query);
    expect(asRegistrar.data.petition.possibleRepeats).toEqual([{ petitionId: elsewhere }]);
    const asUnit = await ts.system.gql(ts.tokens.handler, query);
    expect(asUnit.data.petition.possibleRepeats).toEqual([]);
  });

  it('confirmRepeat refuses, with the field, a petition of another petitioner, one made up, and an earlier case that gives no ground', async () => {
    const petitioner = newPetitioner();
    const { id: declinedEarlier } = await register(petitioner, SCHOOL_PLACE);
    await step(ts.tokens.registrar, `declinePetition(id: "${declinedEarlier}", reason: NOT_A_PETITION)`);
    await eventually(() => readModelRow(declinedEarlier)?.status === 'DECLINED');
    const { id: someoneElses } = await register(newPetitioner());
    const later = await register(petitioner, SCHOOL_PLACE);
    expect(later.possibleRepeats).toMatchObject([{ petitionId: declinedEarlier, status: 'DECLINED' }]);
    for (const repeatOf of [someoneElses, 'XF-0000DEADBEEF', declinedEarlier]) {
      const answer = await attempt(`confirmRepeat(id: "${later.id}", repeatOf: "${repeatOf}")`);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'repeatOf' });
    }
    const still = await ok(ts.tokens.registrar, `acceptPetition(id: "${later.id}", unitId: "U-FT-01")`);
    expect(still.status).toBe('HANDLING');
  });

  it('registerPetition with repeatOf is the registrar’s decision: declined at once when the earlier case gives a ground', async () => {
    const petitioner = newPetitioner();
    const earlier = await acceptedCase(petitioner);
    const known = await register(petitioner, COMPENSATION, `, repeatOf: "${earlier}"`);
    expect(known).toMatchObject({
      status: 'DECLINED',
      declineReason: 'DUPLICATE_IN_PROGRESS',
      repeatOf: earlier,
      possibleRepeats: [],
    });
    expect(known.timeline.map((e: any) => e.type)).toEqual(['REGISTERED', 'REPEAT_CONFIRMED', 'DECLINED']);
  });
});
