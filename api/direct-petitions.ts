/**
 * A petition brought directly to a unit (Art. 23 ¶2): the unit registers it and tells the petitioner within 15
 * days whether it accepts it. Who may register one, for which unit, and who may then accept or decline it.
 */
import { sql } from 'drizzle-orm';
import type { ReadModel } from '../db/read-model';
import { units } from '../db/schema';
import type { Principal, Role } from './auth';
import type { CommandBuilder } from './command-builders';
import { apiError, badInput } from './errors';
import type { RegisterPetitionInput } from './generated/resolvers-types';
import { IDS, optionalId } from './input-rules';

/** The roles that register petitions: the bureau's registrars, and a unit's handlers for their own unit. */
export const REGISTERING_ROLES: Role[] = ['REGISTRAR', 'UNIT_HANDLER'];

/**
 * The unit a petition was brought to directly, or null when the bureau received it. A unit handler registers
 * only what was brought to their own unit; an accusation never goes to the unit it accuses (Art. 30 ¶3).
 */
export async function directUnitOf(
  db: ReadModel,
  principal: Principal,
  input: Pick<RegisterPetitionInput, 'directUnitId' | 'category'>,
  respondentUnitId: string | null,
): Promise<string | null> {
  const field = 'input.directUnitId';
  const named = optionalId(field, input.directUnitId, IDS.unit);
  const unitId = principal.role === 'UNIT_HANDLER' ? (named ?? principal.unitId) : named;
  if (principal.role === 'UNIT_HANDLER' && (!unitId || unitId !== principal.unitId))
    throw apiError('FORBIDDEN', 'a unit handler registers only petitions brought directly to their own unit');
  if (!unitId) return null;
  const unit = await db.row<{ kind: string }>(sql`SELECT kind FROM ${units} WHERE id = ${unitId}`);
  if (!unit) throw badInput(field, `${field}: no unit with code ${unitId} (the units query lists them)`);
  if (unit.kind !== 'UNIT' && unit.kind !== 'ORGAN')
    throw badInput(field, `${field}: ${unitId} is a ${unit.kind}, not a unit that handles petitions`);
  if (input.category === 'ACCUSATION' && unitId === respondentUnitId)
    throw badInput(
      field,
      `${field}: an accusation is never handled by the unit it accuses (Art. 30); the bureau registers it`,
    );
  return unitId;
}

/**
 * 受理 or 不予受理 of a direct petition is its unit's answer; any other is the bureau's. The mutation lets both
 * roles through and `commandOn` keeps a unit to its own petitions; this keeps it to the direct ones.
 */
export function decidedByBureauOrDirectUnit<N extends 'accept' | 'decline', A>(
  builder: CommandBuilder<N, A>,
): CommandBuilder<N, A> {
  return async (args, env) => {
    const finish = await builder(args, env);
    return (current) => {
      if (env.actor.role === 'UNIT_HANDLER' && current.direct !== true)
        throw apiError('FORBIDDEN', 'a unit handler accepts or declines only petitions brought directly to their unit');
      return finish(current);
    };
  };
}
