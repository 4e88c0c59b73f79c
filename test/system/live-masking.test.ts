/**
 * `Petition.live`, the workflow's own state, carries the petitioner through the same decision as
 * `Petition.petitioner`: masked alike, byte for byte, for whoever may not see them whole; whole, and logged, for
 * whoever may (the bureau's registrars, the unit handling the case, the owning leader).
 */
import { describe, expect, it } from 'vitest';
import { okData } from '../support/graphql';
import { lifecycleSteps } from '../support/lifecycle';
import { useTimeSkippingSystem } from '../support/system';

const ts = useTimeSkippingSystem();
const { ok, register } = lifecycleSteps(ts);
const READ = `query($id: ID!) { petition(id: $id) { petitioner { name idNumber phone address } live } }`;

describe('live, masked as petitioner is', () => {
  it('a supervisor and a tester read the same masked petitioner in both; the registrar reads it whole, logged', async () => {
    const p = await register();
    await ok(ts.tokens.registrar, `acceptPetition(id: "${p.id}", unitId: "U-FT-01")`);
    for (const token of [ts.tokens.supervisor, ts.tokens.tester]) {
      const { petition } = okData(await ts.system.gql(token, READ, { id: p.id }));
      expect(petition.petitioner.idNumber).toMatch(/^\*+\d{4}$/);
      expect(JSON.stringify(petition.live.petitioner)).toBe(JSON.stringify(petition.petitioner));
    }
    const whole = okData(await ts.system.gql(ts.tokens.registrar, READ, { id: p.id })).petition;
    expect(whole.live.petitioner.idNumber).toMatch(/^\d{17}[\dX]$/);
    const logged = ts.system.db.$client
      .prepare("SELECT role, fields FROM personal_data_access_log WHERE petition_id = ? AND fields LIKE '%live%'")
      .all(p.id);
    expect(logged).toEqual([{ role: 'REGISTRAR', fields: 'live,petitioner.idNumber,petitioner.name' }]);
  });
});
