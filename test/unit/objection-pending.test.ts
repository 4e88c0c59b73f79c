/** While a unit's 异议 waits for the bureau (Art. 23 ¶3), the item cannot be accepted: the objection comes first. */
import { describe, expect, it } from 'vitest';
import { COMMANDS, type Command, type CommandName } from '../../domain/petition';
import { ctxAt, openedPetition } from '../support/calendar';
import { refusal } from '../support/refusal';

const at = (iso: string) => Date.parse(iso);
const registrar = { id: 'registrar-1', role: 'REGISTRAR' };
const handler = { id: 'handler-1', role: 'UNIT_HANDLER' };

function objected() {
  const received = at('2026-11-02T09:00:00+08:00');
  let state = openedPetition('XF-O', received);
  const step = (name: CommandName, command: unknown, iso: string) => {
    state = (COMMANDS[name] as Command<unknown>).apply(state, command, ctxAt(at(iso)));
  };
  step('route', { unitId: 'U-1', mode: 'TRANSFER', note: null, actor: registrar }, '2026-11-02T10:00:00+08:00');
  step('signForReceipt', { actor: handler }, '2026-11-02T15:00:00+08:00');
  step('raiseObjection', { reason: '不属本单位职权', actor: handler }, '2026-11-04T10:00:00+08:00');
  return state;
}

describe('a pending objection', () => {
  it('refuses acceptance until the bureau decides it', () => {
    const state = objected();
    const later = ctxAt(at('2026-11-05T10:00:00+08:00'));
    const accept = { unitId: null, note: null, actor: registrar };
    expect(refusal(() => COMMANDS.accept.check(state, accept, later))).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { status: state.status },
    });
    const refused = COMMANDS.decideObjection.apply(state, { agree: false, note: '属本单位', actor: registrar }, later);
    expect(() => COMMANDS.accept.check(refused, accept, later)).not.toThrow();
  });
});
