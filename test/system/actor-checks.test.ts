/**
 * The workflow decides who may act (domain/petition/actors.ts), not only the API on its read model: an update sent
 * straight to Temporal, as a client on the host could, with the unit that no longer acts or a forged actor, is
 * refused by its validator and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { petitionUpdates, petitionWorkflowId } from '../../workflows/definitions';
import { lifecycleSteps } from '../support/lifecycle';
import { useTimeSkippingSystem } from '../support/system';

const ts = useTimeSkippingSystem();
const { ok, register, live, toReexamination } = lifecycleSteps(ts);

/** The update as Temporal receives it from any client, with the failure's type (the refusal code) on refusal. */
async function straightToTemporal(petitionId: string, name: 'reply', actor: Record<string, unknown>) {
  const handle = ts.env.client.workflow.getHandle(petitionWorkflowId(petitionId));
  const command = { outcome: 'SUPPORT', text: '复查意见：撤销原处理意见', basis: null, deliveredAt: null, actor };
  try {
    await handle.executeUpdate(petitionUpdates[name], { args: [command as never] });
    return 'APPLIED';
  } catch (err) {
    const cause = (err as { cause?: { type?: string } }).cause;
    return cause?.type ?? String(err);
  }
}

describe('the actor, checked by the workflow', () => {
  it('the unit that handled the case cannot write the 复查 opinion the moment 复查 is asked', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    await ok(ts.tokens.handler, `replyPetition(id: "${p.id}", outcome: NOT_SUPPORT, text: "不予支持")`);
    await ok(ts.tokens.registrar, `requestReview(id: "${p.id}", reason: "不服")`);
    // What the API's read model may still show as the unit's case for a few milliseconds.
    const handler = { id: 'test-unit_handler-U-FT-01', role: 'UNIT_HANDLER', unitId: 'U-FT-01' };
    expect(await straightToTemporal(p.id, 'reply', handler)).toBe('FORBIDDEN');
    expect(await straightToTemporal(p.id, 'reply', { id: 'nobody', role: 'nobody' })).toBe('FORBIDDEN');
    const state = await live(p.id);
    expect(state).toMatchObject({ status: 'UNDER_REVIEW', reviewUnitId: 'O-FT-GOV' });
    expect(state.opinions.map((o) => o.level)).toEqual(['HANDLING']);
    // The organ one level up may.
    const organ = { id: 'test-unit_handler-O-FT-GOV', role: 'UNIT_HANDLER', unitId: 'O-FT-GOV' };
    expect(await straightToTemporal(p.id, 'reply', organ)).toBe('APPLIED');
  });

  it('a mutation retried with its requestId answers as the first time did, though the petition moved on', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    const reply = `replyPetition(id: "${p.id}", outcome: NOT_SUPPORT, text: "不予支持", requestId: "reply-1")`;
    await ok(ts.tokens.handler, reply);
    await ok(ts.tokens.registrar, `requestReview(id: "${p.id}", reason: "不服")`);
    // The unit no longer acts (the 复查 organ does), yet its retry is the same reply, applied once.
    expect(await ok(ts.tokens.handler, reply)).toMatchObject({ status: 'UNDER_REVIEW' });
    // A new reply of the unit is still refused.
    const fresh = await ts.system.gql(ts.tokens.handler, `mutation { ${reply.replace('reply-1', 'reply-2')} { id } }`);
    expect(fresh.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The final 复核 opinion ends the workflow; its retry answers the concluded petition.
    const q = await register();
    await toReexamination(q.id);
    const last = `replyPetition(id: "${q.id}", outcome: NOT_SUPPORT, text: "维持", requestId: "final-1")`;
    expect(await ok(ts.tokens.reexamOrgan, last)).toMatchObject({ status: 'CONCLUDED' });
    await ts.env.client.workflow.getHandle(petitionWorkflowId(q.id)).result();
    expect(await ok(ts.tokens.reexamOrgan, last)).toMatchObject({ status: 'CONCLUDED' });
  });
});
