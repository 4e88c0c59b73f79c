/**
 * 重复信访 as pure rules: matching proposes with its reasons, the registrar confirms (declined with the article
 * that applies) or dismisses, and a run begun before repeats were proposed declines its matched repeat as it did.
 */
import { describe, expect, it } from 'vitest';
import { repeatReasons, respondentUnitOf, matterKey, summarySimilarity } from '../../domain/matter';
import {
  COMMANDS,
  PETITION_STATUSES,
  openPetition,
  repeatGround,
  type PetitionStatus,
  type Registration,
} from '../../domain/petition';
import { ctxAt } from '../support/calendar';
import { refusal } from '../support/refusal';

const t0 = Date.parse('2026-11-02T09:00:00+08:00');
const actor = { id: 'registrar-1', role: 'REGISTRAR' };
const petitioner = { name: '赵六', idNumber: '440304199001010011', phone: null, address: null };
const registration = (extra: Partial<Registration> = {}): Registration => ({
  petitionId: 'XF-NEW',
  petitioner,
  channel: 'LETTER',
  category: 'CLAIM',
  summary: '子女入学学位申请',
  content: '申请学位',
  receivedAt: t0,
  respondentUnitId: 'U-FT-01',
  registeredBy: actor,
  ...extra,
});
const candidate = (status: PetitionStatus) => ({
  petitionId: 'XF-OLD',
  status,
  reasons: ['SAME_ID_NUMBER' as const, 'SAME_RESPONDENT_UNIT' as const, 'SAME_CATEGORY' as const],
});

describe('matching proposes', () => {
  const earlier = { petitioner, category: 'CLAIM' as const, respondentUnitId: 'U-FT-01', summary: '房屋征收补偿争议' };

  it('an unrelated claim against the same unit is proposed with what the two share, not a similar summary', () => {
    const newer = { ...earlier, summary: '子女入学学位申请' };
    expect(summarySimilarity(newer.summary, earlier.summary)).toBe(0);
    expect(repeatReasons(newer, earlier)).toEqual(['SAME_ID_NUMBER', 'SAME_RESPONDENT_UNIT', 'SAME_CATEGORY']);
  });

  it('a similar summary against another unit is proposed; the same person alone proposes nothing', () => {
    const newer = { ...earlier, respondentUnitId: 'U-FT-02', summary: '房屋征收补偿争议再次反映' };
    expect(repeatReasons(newer, earlier)).toEqual(['SAME_ID_NUMBER', 'SAME_CATEGORY', 'SIMILAR_SUMMARY']);
    expect(repeatReasons({ ...newer, summary: '噪音扰民' }, earlier)).toBeNull();
  });

  it('names the identity matched on: name and phone, or the name only', () => {
    const byPhone = { ...earlier, petitioner: { ...petitioner, idNumber: null, phone: '13800138000' } };
    expect(repeatReasons(byPhone, byPhone)?.[0]).toBe('SAME_NAME_AND_PHONE');
    const byName = { ...earlier, petitioner: { ...petitioner, idNumber: null } };
    expect(repeatReasons(byName, byName)?.[0]).toBe('SAME_NAME');
  });

  it('reads the respondent unit back from a matter key', () => {
    expect(respondentUnitOf('CLAIM', matterKey('CLAIM', 'U-FT-01'))).toBe('U-FT-01');
    expect(respondentUnitOf('CLAIM', null)).toBeNull();
  });
});

describe('the ground a status gives', () => {
  it.each(PETITION_STATUSES)('%s', (status) => {
    const ground = repeatGround({ status });
    if (status === 'CONCLUDED')
      expect(ground).toMatchObject({ reason: 'ALREADY_REEXAMINED', article: '《信访工作条例》第三十六条第三款' });
    else if (status === 'CLOSED' || status === 'DECLINED' || status === 'FORWARDED') expect(ground).toBeNull();
    else expect(ground).toMatchObject({ reason: 'DUPLICATE_IN_PROGRESS', article: '《信访工作条例》第十九条第三款' });
  });
});

describe('registration', () => {
  it('keeps the proposals and declines nothing: the petition is accepted', () => {
    const state = openPetition(registration({ possibleRepeats: [candidate('CONCLUDED')] }), ctxAt(t0));
    expect(state).toMatchObject({ status: 'REGISTERED', repeatOf: null, possibleRepeats: [candidate('CONCLUDED')] });
    const accepted = COMMANDS.accept.apply(state, { unitId: 'U-FT-01', note: null, actor }, ctxAt(t0 + 1000));
    expect(accepted.status).toBe('HANDLING');
  });

  it('a repeatOf the registrar named is declined at once with its article', () => {
    const state = openPetition(
      registration({
        repeatOf: { petitionId: 'XF-OLD', status: 'CONCLUDED' },
        possibleRepeats: [candidate('CONCLUDED')],
      }),
      ctxAt(t0),
    );
    expect(state).toMatchObject({ status: 'DECLINED', declineReason: 'ALREADY_REEXAMINED', possibleRepeats: [] });
    expect(state.timeline.map((e) => e.type)).toEqual(['REGISTERED', 'REPEAT_CONFIRMED', 'DECLINED']);
    expect(state.timeline[2]!.note).toContain('第三十六条第三款');
  });

  it('a repeatOf whose earlier case gives no ground is linked and handled as any other', () => {
    const state = openPetition(registration({ repeatOf: { petitionId: 'XF-OLD', status: 'CLOSED' } }), ctxAt(t0));
    expect(state).toMatchObject({ status: 'REGISTERED', repeatOf: { petitionId: 'XF-OLD' } });
  });

  it('a run begun before repeats were proposed declines its matched repeat as it did', () => {
    const legacy = { ...ctxAt(t0), repeatsProposed: false };
    const state = openPetition(registration({ repeatOf: { petitionId: 'XF-OLD', status: 'HANDLING' } }), legacy);
    expect(state).toMatchObject({ status: 'DECLINED', declineReason: 'DUPLICATE_IN_PROGRESS' });
    expect(state.timeline.map((e) => e.type)).toEqual(['REGISTERED', 'DECLINED']);
    expect(state.timeline[1]!.note).toBe('同一事项正在办理 (XF-OLD)，不予受理 (第十九条)');
    expect(state).not.toHaveProperty('possibleRepeats');
  });
});

describe('the registrar decides', () => {
  const proposed = openPetition(registration({ possibleRepeats: [candidate('HANDLING')] }), ctxAt(t0));
  const at = ctxAt(t0 + 3_600_000);

  it('confirmRepeat of one in progress: DUPLICATE_IN_PROGRESS, 第十九条第三款, the registrar’s note kept', () => {
    const command = { repeatOf: { petitionId: 'XF-OLD', status: 'HANDLING' as const }, note: '同一诉求', actor };
    const state = COMMANDS.confirmRepeat.apply(proposed, command, at);
    expect(state).toMatchObject({
      status: 'DECLINED',
      declineReason: 'DUPLICATE_IN_PROGRESS',
      repeatOf: command.repeatOf,
    });
    expect(state.timeline.at(-2)).toMatchObject({ type: 'REPEAT_CONFIRMED', data: { repeatOf: 'XF-OLD' } });
    expect(state.timeline.at(-1)!.note).toMatch(/第十九条第三款.*同一诉求/);
  });

  it('confirmRepeat refuses the petition itself and an earlier case that gives no ground, with the field', () => {
    const self = refusal(() =>
      COMMANDS.confirmRepeat.check(
        proposed,
        { repeatOf: { petitionId: 'XF-NEW', status: 'HANDLING' }, note: null, actor },
        at,
      ),
    );
    expect(self).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'repeatOf' } });
    for (const status of ['CLOSED', 'DECLINED'] as const) {
      const none = refusal(() =>
        COMMANDS.confirmRepeat.check(proposed, { repeatOf: { petitionId: 'XF-OLD', status }, note: null, actor }, at),
      );
      expect(none).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'repeatOf', repeatOfStatus: status } });
    }
  });

  it('dismissRepeat drops the candidate, on the timeline; an unknown one is refused with the field', () => {
    const state = COMMANDS.dismissRepeat.apply(proposed, { candidateId: 'XF-OLD', note: '不同事项', actor }, at);
    expect(state).toMatchObject({ status: 'REGISTERED', possibleRepeats: [] });
    expect(state.timeline.at(-1)).toMatchObject({
      type: 'REPEAT_DISMISSED',
      note: '不同事项',
      data: { candidateId: 'XF-OLD' },
    });
    const again = refusal(() => COMMANDS.dismissRepeat.check(state, { candidateId: 'XF-OLD', note: null, actor }, at));
    expect(again).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'candidateId' } });
  });
});
