/**
 * Who may give a command, judged on the petition's own state (domain/petition/actors.ts): the role, the unit the
 * case is with now, the leader who owns it; and runs begun before actors were checked, which are not.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, Refusal, openPetition, type Actor, type PetitionState } from '../../domain/petition';
import { getProfile } from '../../domain/statute';
import { ctxAt } from '../support/calendar';
import { sampleRegistration } from '../support/registrations';

const profile = getProfile();
const day = 86_400_000;
const t0 = Date.parse('2026-11-02T09:00:00+08:00');
const checked = (step: number) => ({ ...ctxAt(t0 + step * day, profile), actorsChecked: true });
const registrar: Actor = { id: 'r-1', role: 'REGISTRAR' };
const handlerOf = (unitId: string): Actor => ({ id: `h-${unitId}`, role: 'UNIT_HANDLER', unitId });

function handled(): PetitionState {
  const registered = openPetition(sampleRegistration(t0, registrar, { petitionId: 'XF-A' }), checked(0));
  return COMMANDS.accept.apply(registered, { unitId: 'U-1', note: null, actor: registrar }, checked(1));
}

const reply = (actor: Actor) => ({ outcome: 'EXPLAIN' as const, text: '答复', basis: null, deliveredAt: null, actor });
const refusal = (run: () => void) => {
  try {
    run();
    return null;
  } catch (err) {
    if (err instanceof Refusal) return err.code;
    throw err;
  }
};

describe('the actor of a command, against the state', () => {
  it('the unit handling the case replies; another unit, another role or a made-up one is FORBIDDEN', () => {
    const state = handled();
    expect(refusal(() => COMMANDS.reply.check(state, reply(handlerOf('U-1')), checked(2)))).toBeNull();
    expect(refusal(() => COMMANDS.reply.check(state, reply(handlerOf('U-2')), checked(2)))).toBe('FORBIDDEN');
    expect(refusal(() => COMMANDS.reply.check(state, reply({ id: 'h', role: 'UNIT_HANDLER' }), checked(2)))).toBe(
      'FORBIDDEN',
    );
    expect(refusal(() => COMMANDS.reply.check(state, reply({ id: 's', role: 'SUPERVISOR' }), checked(2)))).toBe(
      'FORBIDDEN',
    );
    expect(refusal(() => COMMANDS.reply.check(state, reply({ id: 'nobody', role: 'nobody' }), checked(2)))).toBe(
      'FORBIDDEN',
    );
    expect(refusal(() => COMMANDS.reply.check(state, reply({ id: 'a', role: 'ADMIN' }), checked(2)))).toBeNull();
  });

  it('材料 come from the bureau or the unit acting on the case; no one else, not the unit once the organ acts', () => {
    const material = (actor: Actor) => ({
      hash: 'd'.repeat(64),
      size: 10,
      mediaType: 'image/png' as const,
      name: 'p.png',
      kind: 'PHOTO' as const,
      note: null,
      actor,
    });
    const state = handled();
    const attach = (actor: Actor, s = state) =>
      refusal(() => COMMANDS.attachMaterial.check(s, material(actor), checked(2)));
    expect(attach(registrar)).toBeNull();
    expect(attach(handlerOf('U-1'))).toBeNull();
    expect(attach(handlerOf('U-2'))).toBe('FORBIDDEN');
    expect(attach({ id: 'head', role: 'UNIT_HEAD', unitId: 'U-1' })).toBe('FORBIDDEN');
    expect(attach({ id: 's', role: 'SUPERVISOR' })).toBe('FORBIDDEN');
    expect(attach({ id: 'rev', role: 'REVIEWER' })).toBe('FORBIDDEN');
    let appealed = COMMANDS.reply.apply(state, reply(handlerOf('U-1')), checked(2));
    appealed = COMMANDS.requestReview.apply(
      appealed,
      { reason: null, reviewUnitId: 'O-1', actor: registrar },
      checked(3),
    );
    expect(attach(handlerOf('U-1'), appealed)).toBe('FORBIDDEN');
    expect(attach(handlerOf('O-1'), appealed)).toBeNull();
  });

  it('once 复查 is asked, the organ one level up answers it, not the unit that handled the case', () => {
    let state = COMMANDS.reply.apply(handled(), reply(handlerOf('U-1')), checked(2));
    state = COMMANDS.requestReview.apply(state, { reason: null, reviewUnitId: 'O-1', actor: registrar }, checked(3));
    expect(refusal(() => COMMANDS.reply.check(state, reply(handlerOf('U-1')), checked(4)))).toBe('FORBIDDEN');
    expect(refusal(() => COMMANDS.reply.check(state, reply(handlerOf('O-1')), checked(4)))).toBeNull();
  });

  it('a 批示 comes from the leader the case is escalated to', () => {
    const supervisor: Actor = { id: 'sup', role: 'SUPERVISOR' };
    const state = COMMANDS.escalate.apply(
      handled(),
      { leaderId: 'leader-1', reason: '久拖', actor: supervisor },
      checked(2),
    );
    const instruct = (id: string) => ({ text: '抓紧', actor: { id, role: 'LEADER' } });
    expect(refusal(() => COMMANDS.instruct.check(state, instruct('leader-1'), checked(3)))).toBeNull();
    expect(refusal(() => COMMANDS.instruct.check(state, instruct('leader-2'), checked(3)))).toBe('FORBIDDEN');
  });

  it('a unit accepts only what was brought to it directly', () => {
    const direct = openPetition(
      sampleRegistration(t0, handlerOf('U-1'), { petitionId: 'XF-D', channel: 'VISIT', directUnitId: 'U-1' }),
      checked(0),
    );
    const accept = (actor: Actor) => ({ unitId: null, note: null, actor });
    expect(refusal(() => COMMANDS.accept.check(direct, accept(handlerOf('U-1')), checked(1)))).toBeNull();
    const routed = COMMANDS.route.apply(
      { ...direct, direct: false, unitId: null },
      { unitId: 'U-1', mode: 'TRANSFER', note: null, actor: registrar },
      checked(1),
    );
    expect(refusal(() => COMMANDS.accept.check(routed, accept(handlerOf('U-1')), checked(2)))).toBe('FORBIDDEN');
  });

  it('a run begun before actors were checked keeps its commands as its API checked them', () => {
    const old = { ...ctxAt(t0 + 2 * day, profile), actorsChecked: false };
    expect(refusal(() => COMMANDS.reply.check(handled(), reply({ id: 'h', role: 'UNIT_HANDLER' }), old))).toBeNull();
  });
});
