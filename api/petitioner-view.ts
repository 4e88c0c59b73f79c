/**
 * The petitioner as each principal may see them, decided once (api/access.ts `seesPetitioner`) for every field
 * that carries them: `Petition.petitioner`, `Petition.live` (the workflow's own state), and every free text that
 * can quote them — the content, notes, opinions, timeline entries, search highlights — where the petitioner's
 * own name, ID number, phone and address are masked as `petitioner` masks them. What is answered unmasked is
 * noted in the personal-data access log (./personal-data-log.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { highlight } from '../db/search-tokens';
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

type Petitioner = PetitionState['petitioner'];

/** The petitioner's identifiers, longest first (an address may hold the name), each with its masked form. */
function quotedForms(who: Petitioner): [string, string][] {
  const hidden = masked(who);
  const forms: [string | null, string | null][] = [
    [who.idNumber, hidden.idNumber],
    [who.phone, hidden.phone],
    [who.address, '***'],
    [who.name, hidden.name],
  ];
  return forms
    .filter((f): f is [string, string] => !!f[0] && f[0].length >= 2 && f[1] !== null)
    .sort((a, b) => b[0].length - a[0].length);
}

/** Every string in `value` (arrays and plain objects walked, dates and the like kept) with the forms replaced. */
function maskDeep(value: unknown, forms: [string, string][]): unknown {
  if (typeof value === 'string') return forms.reduce((text, [plain, hidden]) => text.split(plain).join(hidden), value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, forms));
  if (value && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, forms)]));
  }
  return value;
}

/** A field's answer as this principal may see it: free text quoting the petitioner masked unless they see them. */
export function quotedView<T>(ctx: ApiContext, state: Omit<PetitionState, 'timeline'>, value: T): T {
  if (value === null || value === undefined || seesPetitioner(ctx.principal, state)) return value;
  return maskDeep(value, quotedForms(state.petitioner)) as T;
}

/**
 * A search highlight as this principal may see it. Masked after the window was cut, an identifier cut in two
 * would show its other half; so the window is cut again from the masked text.
 */
export function highlightView(
  ctx: ApiContext,
  state: Omit<PetitionState, 'timeline'>,
  highlighted: string | null,
  query: string | null | undefined,
): string | null {
  if (highlighted === null || !query?.trim() || seesPetitioner(ctx.principal, state)) return highlighted;
  return highlight(quotedView(ctx, state, `${state.summary}｜${state.content}`), query.trim());
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
  if (!seesPetitioner(ctx.principal, state)) {
    const { petitioner, ...rest } = state;
    return { ...quotedView(ctx, state, rest), petitioner: { ...masked(petitioner) } };
  }
  notePersonalData(ctx, { petitionId: state.petitionId, outcome: 'READ', fields: ['live'] });
  return state;
}
