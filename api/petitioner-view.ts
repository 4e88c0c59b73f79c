/**
 * The petitioner as each principal may see them, decided once (api/access.ts `seesPetitioner`) for every field
 * that carries them: `Petition.petitioner`, and `Petition.live`, the workflow's own state. What is answered
 * unmasked is noted in the personal-data access log (./personal-data-log.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { PetitionState } from '../domain/petition';
import { seesPetitioner } from './access';
import type { ApiContext } from './context';
import { notePersonalData, selectedFields } from './personal-data-log';

const PETITIONER_FIELDS = ['name', 'idNumber', 'phone', 'address'] as const;

function mask(text: string | null, keep: number): string | null {
  if (!text) return text;
  return text.length <= keep ? '*'.repeat(text.length) : `${'*'.repeat(text.length - keep)}${text.slice(-keep)}`;
}

/** 张** / ************4258 / *******5678: enough to tell two petitioners apart on a list, not to reach them. */
function masked(who: PetitionState['petitioner']) {
  return {
    name: `${who.name.slice(0, 1)}**`,
    idNumber: mask(who.idNumber, 4),
    phone: mask(who.phone, 4),
    address: null,
  };
}

export function petitionerView(ctx: ApiContext, state: Omit<PetitionState, 'timeline'>, info: GraphQLResolveInfo) {
  if (!seesPetitioner(ctx.principal, state)) return { ...masked(state.petitioner), masked: true };
  const fields = selectedFields(info, PETITIONER_FIELDS).filter(
    (f) => state.petitioner[f as (typeof PETITIONER_FIELDS)[number]] !== null,
  );
  if (fields.length)
    notePersonalData(ctx, {
      petitionId: state.petitionId,
      outcome: 'READ',
      fields: fields.map((f) => `petitioner.${f}`),
    });
  return { ...state.petitioner, masked: false };
}

/** The workflow's state with its petitioner as `petitioner` would answer them: whole only for those who see them. */
export function liveView(ctx: ApiContext, state: PetitionState): PetitionState {
  if (!seesPetitioner(ctx.principal, state)) return { ...state, petitioner: { ...masked(state.petitioner) } };
  notePersonalData(ctx, { petitionId: state.petitionId, outcome: 'READ', fields: ['live'] });
  return state;
}
