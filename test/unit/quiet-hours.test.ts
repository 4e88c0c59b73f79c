/**
 * What leaves the system and when, as pure rules: the quiet hours on the Shanghai clock, which notices may not
 * wait for them, and the words the petitioner is texted — the case number and the fact, nothing else.
 */
import { describe, expect, it } from 'vitest';
import { isUrgent, petitionerTextsOf } from '../../domain/petition/deliveries';
import type { TimelineEvent } from '../../domain/petition';
import { parseQuietHours, quietUntil } from '../../domain/quiet-hours';

/** An instant given on the Shanghai clock. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const night = parseQuietHours('22:00-07:00');

describe('quiet hours', () => {
  it('hold from 22:00 until 07:00 Shanghai, across midnight', () => {
    expect(quietUntil(shanghai('2026-03-10T23:00:00'), night)).toBe(shanghai('2026-03-11T07:00:00'));
    expect(quietUntil(shanghai('2026-03-10T22:00:00'), night)).toBe(shanghai('2026-03-11T07:00:00'));
    expect(quietUntil(shanghai('2026-03-11T00:30:00'), night)).toBe(shanghai('2026-03-11T07:00:00'));
    expect(quietUntil(shanghai('2026-03-11T06:59:59'), night)).toBe(shanghai('2026-03-11T07:00:00'));
  });

  it('hold nothing in the day, from 07:00 sharp until before 22:00', () => {
    for (const time of ['07:00:00', '12:00:00', '21:59:59']) {
      expect(quietUntil(shanghai(`2026-03-11T${time}`), night)).toBeNull();
    }
  });

  it('take a span within one day, and off', () => {
    const lunch = parseQuietHours('12:00-13:30');
    expect(quietUntil(shanghai('2026-03-11T12:10:00'), lunch)).toBe(shanghai('2026-03-11T13:30:00'));
    expect(quietUntil(shanghai('2026-03-11T13:30:00'), lunch)).toBeNull();
    expect(parseQuietHours('off')).toBeNull();
    expect(quietUntil(shanghai('2026-03-10T23:00:00'), null)).toBeNull();
  });

  it('refuse what is not a span of clock times', () => {
    expect(() => parseQuietHours('22-7')).toThrow(/time of day/);
    expect(() => parseQuietHours('22:00')).toThrow(/span/);
    expect(() => parseQuietHours('24:00-07:00')).toThrow(/time of day/);
  });
});

describe('urgency', () => {
  it('sends a deadline that ran out at night; an urge or an escalation waits for the morning', () => {
    expect(isUrgent('OVERDUE')).toBe(true);
    expect(isUrgent('URGE_OVERDUE')).toBe(true);
    expect(isUrgent('URGED')).toBe(false);
    expect(isUrgent('ESCALATED')).toBe(false);
  });
});

describe("the petitioner's text messages", () => {
  const event = (seq: number, type: string, data: TimelineEvent['data'] = {}, note: string | null = null) =>
    ({ seq, type, at: shanghai('2026-03-10T10:00:00'), actor: null, note, data }) satisfies TimelineEvent;

  it('tell the registration outcome and each opinion delivered, by the case number alone', () => {
    const texts = petitionerTextsOf('XF-2026-000042', [
      event(1, 'REGISTERED'),
      event(2, 'ACCEPTED', { unitId: 'U-FT-01' }, '交福田区住建局办理'),
      event(3, 'URGED', { kind: 'MANUAL' }, '请三日内报告'),
      event(4, 'OPINION_DELIVERED', { level: 'REVIEW', outcome: 'UPHELD' }, '维持原处理意见，理由如下……'),
    ]);
    expect(texts.map((t) => [t.seq, t.kind])).toEqual([
      [2, 'ACCEPTED'],
      [4, 'OPINION_DELIVERED'],
    ]);
    expect(texts[0]!.text).toBe('您的信访事项 XF-2026-000042 已受理，办理结果将依法告知。');
    expect(texts[1]!.text).toBe('您的信访事项 XF-2026-000042 的复查意见已出具并送达，请查收。');
    // Neither the unit, nor a note, nor the opinion's words.
    for (const { text } of texts) expect(text).not.toMatch(/U-FT-01|住建局|理由|维持/);
  });

  it('tell a decline and a forwarding', () => {
    const texts = petitionerTextsOf('XF-1', [event(2, 'DECLINED', { reason: 'OTHER' }), event(3, 'FORWARDED')]);
    expect(texts.map((t) => t.text)).toEqual([
      '您的信访事项 XF-1 不予受理，书面告知将依法送达。',
      '您的信访事项 XF-1 已转送有权处理的机关，书面告知将依法送达。',
    ]);
  });
});
