/**
 * The petitioner as each principal may see them, decided once (api/access.ts `seesPetitioner`) for every field
 * that carries them: `Petition.petitioner`, `Petition.live` (the workflow's own state), and every free text that
 * can quote them — the content, notes, opinions, timeline entries, search highlights, a panel's title and its
 * members' comments — where the petitioner's own name, ID number, phone and address are masked as `petitioner`
 * masks them. Histories, which cannot be masked, are whole for TESTER and ADMIN and refused to everyone else
 * (`historyReader`). What is answered unmasked is noted in the personal-data access log (./personal-data-log.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { highlight } from '../db/search-tokens';
import type { PetitionState } from '../domain/petition';
import { seesPetitioner } from './access';
import { requireRole, type Principal } from './auth';
import type { ApiContext } from './context';
import { notePersonalData, selectedFields } from './personal-data-log';
import type { PetitionFacts } from './petition-rows';

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
/** A petition as the decision reads it: a snapshot, or a list's lean row (api/petition-rows.ts). */
type Concerned = PetitionFacts;

/**
 * A digit string as free text may write it: in groups (139 1234 5678, 139-1234-5678), in full-width digits, an
 * ID number's check letter in either case. Typed by hand into a note, the petitioner's phone rarely looks as the
 * registration stored it; each written form must be masked all the same.
 */
function loosely(plain: string): RegExp {
  const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!/^\d+[Xx]?$/.test(plain)) return new RegExp(escape(plain), 'g');
  const chars = [...plain].map((ch) =>
    /\d/.test(ch) ? `[${ch}${String.fromCharCode(0xff10 + Number(ch))}]` : '[XxＸｘ]',
  );
  return new RegExp(chars.join('[\\s\\-－]?'), 'g');
}

type Form = [RegExp, string];

/** The digits of `text`, ASCII or full-width, as `loosely` matches them (counted without a regex: every field asks). */
function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) n += 1;
  }
  return n;
}

/** An identifier as `mayQuote` tests it: a digit string by how many digits it has, anything else by itself. */
type Probe = { plain: string; digits: number | null };

/** Built once per petitioner object, as the forms below are: a listed petition's fields all test the same probes. */
const probesOf = new WeakMap<Petitioner, Probe[]>();

function probes(who: Petitioner): Probe[] {
  let found = probesOf.get(who);
  if (!found) {
    found = [who.idNumber, who.phone, who.address, who.name]
      .filter((plain): plain is string => !!plain && plain.length >= 2)
      .map((plain) => ({ plain, digits: /^\d+[Xx]?$/.test(plain) ? digitCount(plain) : null }));
    probesOf.set(who, found);
  }
  return found;
}

/**
 * Whether `text` can hold one of the petitioner's identifiers in some form `loosely` matches — a digit string
 * needs at least its digits in the text, anything else itself — so that a field that cannot quote them (an id, a
 * status, most summaries) passes without the forms being built and run.
 */
function mayQuote(text: string, who: Petitioner, found = probes(who)): boolean {
  let digits: number | undefined;
  return found.some(({ plain, digits: needed }) =>
    needed === null ? text.includes(plain) : (digits ??= digitCount(text)) >= needed,
  );
}

/** Built once per petitioner object: every field of a listed petition passes the decision with the same forms. */
const formsOf = new WeakMap<Petitioner, { plain: string; form: Form }[]>();

/** The petitioner's identifiers, longest first (an address may hold the name), each with its masked form. */
function quotedForms(who: Petitioner): { plain: string; form: Form }[] {
  let forms = formsOf.get(who);
  if (!forms) formsOf.set(who, (forms = buildForms(who)));
  return forms;
}

function buildForms(who: Petitioner): { plain: string; form: Form }[] {
  const hidden = masked(who);
  const forms: [string | null, string | null][] = [
    [who.idNumber, hidden.idNumber],
    [who.phone, hidden.phone],
    [who.address, '***'],
    [who.name, hidden.name],
  ];
  return forms
    .filter((f): f is [string, string] => !!f[0] && f[0].length >= 2 && f[1] !== null)
    .map(([plain, masking]) => ({ plain, form: [loosely(plain), masking] as Form }));
}

/** Every string in `value` (arrays and plain objects walked, dates and the like kept) with the forms replaced. */
function maskDeep(value: unknown, forms: Form[]): unknown {
  if (typeof value === 'string')
    return forms.reduce((text, [plain, hidden]) => text.replace(plain, () => hidden), value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, forms));
  if (value && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, forms)]));
  }
  return value;
}

/** The decision per petition and request: every field of a listed petition asks it, and it is the same answer. */
const decided = new WeakMap<Concerned, { principal: Principal | null; sees: boolean; probes: Probe[] | null }>();

function decision(ctx: ApiContext, state: Concerned) {
  let known = decided.get(state);
  if (!known || known.principal !== ctx.principal) {
    known = { principal: ctx.principal, sees: seesPetitioner(ctx.principal, state), probes: null };
    decided.set(state, known);
  }
  return known;
}

const sees = (ctx: ApiContext, state: Concerned) => decision(ctx, state).sees;

/**
 * A text that can quote the petitioners of several petitions (a panel's title, over all its cases): each
 * petitioner the principal does not see is masked, longest identifier first across them all.
 */
export function quotedAcross<T>(ctx: ApiContext, states: readonly Concerned[], value: T): T {
  // A number or a flag quotes no one, whoever reads it.
  if (value === null || value === undefined || (typeof value !== 'object' && typeof value !== 'string')) return value;
  const hidden = states.filter((state) => !sees(ctx, state));
  if (!hidden.length) return value;
  // A string only if it may hold an identifier.
  if (typeof value === 'string' && !hidden.some((s) => mayQuote(value, s.petitioner))) return value;
  const forms = hidden
    .flatMap((state) => quotedForms(state.petitioner))
    .sort((a, b) => b.plain.length - a.plain.length)
    .map((f) => f.form);
  return forms.length ? (maskDeep(value, forms) as T) : value;
}

/** A field's answer as this principal may see it: free text quoting the petitioner masked unless they see them. */
export function quotedView<T>(ctx: ApiContext, state: Concerned, value: T): T {
  // What quotedAcross decides for one petition, without its arrays: the path of almost every field of a list.
  if (value === null || value === undefined || (typeof value !== 'object' && typeof value !== 'string')) return value;
  const known = decision(ctx, state);
  if (known.sees) return value;
  if (typeof value === 'string' && !mayQuote(value, state.petitioner, (known.probes ??= probes(state.petitioner))))
    return value;
  return quotedAcross(ctx, [state], value);
}

/**
 * A search highlight as this principal may see it. Masked after the window was cut, an identifier cut in two
 * would show its other half; so the window is cut again from the masked text.
 */
export function highlightView(
  ctx: ApiContext,
  state: Concerned,
  highlighted: string | null,
  query: string | null | undefined,
): string | null {
  if (highlighted === null || !query?.trim() || sees(ctx, state)) return highlighted;
  return highlight(quotedView(ctx, state, `${state.summary}｜${state.content}`), query.trim());
}

export function petitionerView(ctx: ApiContext, state: Concerned, info: GraphQLResolveInfo) {
  if (!sees(ctx, state)) return { ...masked(state.petitioner), masked: true };
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
  // The petitioner replaced where it stands, so the state keeps its shape (and its keys their order).
  if (!seesPetitioner(ctx.principal, state))
    return { ...quotedView(ctx, state, state), petitioner: masked(state.petitioner) };
  notePersonalData(ctx, { petitionId: state.petitionId, outcome: 'READ', fields: ['live'] });
  return state;
}

/**
 * Who may read a petition's history (`petitionHistory`, the history download, the codec endpoint that decodes its
 * payloads): TESTER and ADMIN, refused FORBIDDEN to everyone else. A history cannot be masked as the fields above
 * are — replaying it needs every payload as the workflow saw it — so it is whole or nothing, and each caller
 * logs the whole read.
 */
export function historyReader(principal: Principal | null): Principal {
  return requireRole(principal, 'TESTER');
}
