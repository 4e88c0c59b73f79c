/**
 * The rules every argument of the API is held to, in one place so that every operation refuses a bad value the
 * same way. Each rule answers the value as it will be stored, or refuses with BAD_USER_INPUT whose `field` is the
 * argument path as the client wrote it (`id`, `input.petitioner.name`, `filter.unitId`, `input.members[2].name`).
 * Refusals of GraphQL itself (types, enum values, required fields, the DateTime scalar) get their field in
 * ./input-paths.ts.
 *
 * Stored text is NFC, so that search, the repeat key and equality agree however the client's keyboard composed a
 * character. Nothing is removed silently beyond trimming and whitespace: a character that has no business in a
 * field is refused with its code point and position, since a petition is a legal record and must read as given.
 */
import { eq } from 'drizzle-orm';
import type { ReadModel } from '../db/connection';
import { units } from '../db/schema';
import { badInput } from './errors';

// ---------------------------------------------------------------------------------------------------------
// Text

/**
 * - `name`: a person's or member's name; one line, no invisible characters (they would make two names that
 *   look the same differ, and the repeat key compares names).
 * - `line`: a title or an address; one line, runs of spaces collapsed.
 * - `paragraph`: free text; line breaks and tabs kept, zero-width joiners allowed (emoji sequences, Uyghur).
 * - `token`: an opaque client string (requestId); only what cannot be sent on is refused, nothing normalised.
 */
export type TextKind = 'name' | 'line' | 'paragraph' | 'token';

export interface TextRule {
  readonly kind: TextKind;
  /** In characters (code points), as a person counts them: 𠮷 is one. */
  readonly max: number;
}

export const TEXT = {
  personName: { kind: 'name', max: 100 },
  summary: { kind: 'line', max: 200 },
  title: { kind: 'line', max: 200 },
  address: { kind: 'line', max: 300 },
  search: { kind: 'line', max: 100 },
  content: { kind: 'paragraph', max: 20_000 },
  note: { kind: 'paragraph', max: 2_000 },
  requestId: { kind: 'token', max: 200 },
} as const satisfies Record<string, TextRule>;

const CHAR_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'tab',
  0x0a: 'line break',
  0x0d: 'carriage return',
  0xad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space',
  0xfffd: 'replacement character �',
};

function describeChar(char: string): string {
  const code = char.codePointAt(0)!;
  const name = CHAR_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

const LONE_SURROGATE = /\p{Cs}/u;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// They reorder how the text displays, so a record could read otherwise than it is stored ("Trojan Source").
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u2060-\u2064\uFEFF]/;
// Only in names: U+FFFD is what a wrong encoding conversion leaves, and a name must not be guessed at.
const REPLACEMENT = /\uFFFD/;

/** What is wrong with one character in a field of this kind, and how to put it right; null when nothing. */
function charProblem(char: string, kind: TextKind): { what: string; fix: string } | null {
  const remove = 'remove it';
  if (LONE_SURROGATE.test(char))
    return { what: 'a broken character (half of a UTF-16 surrogate pair)', fix: 're-type or re-paste the text' };
  if (kind !== 'paragraph' && LINE_BREAK.test(char)) return { what: describeChar(char), fix: 'it must be one line' };
  if (CONTROL.test(char) && !(kind === 'paragraph' && (char === '\n' || char === '\t')))
    return { what: `the control character ${describeChar(char)}`, fix: remove };
  if (kind === 'token') return null;
  if (BIDI_CONTROL.test(char)) {
    return {
      what: `the direction control ${describeChar(char)}`,
      fix: `${remove}: it makes the text display in another order than it is stored`,
    };
  }
  if (kind === 'name' && INVISIBLE.test(char))
    return { what: `the invisible character ${describeChar(char)}`, fix: remove };
  if (kind === 'name' && REPLACEMENT.test(char))
    return { what: describeChar(char), fix: 'the text was damaged by a wrong encoding: re-type it' };
  return null;
}

function refuseBadChar(field: string, text: string, kind: TextKind): void {
  let at = 0;
  for (const char of text) {
    at += 1;
    const problem = charProblem(char, kind);
    if (problem) throw badInput(field, `${field} contains ${problem.what} at character ${at}: ${problem.fix}`);
  }
}

// Separators people type between the parts of a minority or foreign name (买买提·艾力): all become U+00B7, the
// one resident ID cards print, so the same name typed on two keyboards is one name.
const NAME_DOTS = /\s*[\u00B7\u2022\u2027\u2219\u22C5\u30FB\uFF65]\s*/gu;
// A space between two Han characters is layout (张　三 padded to three columns), never part of the name.
const SPACE_BETWEEN_HAN = /(\p{Script=Han}) (?=\p{Script=Han})/gu;
// Private-use code points count as letters: older systems encoded rare name characters (生僻字) there.
const LETTER = /[\p{L}\p{Co}]/u;

function normalise(text: string, kind: TextKind): string {
  if (kind === 'token') return text;
  const nfc = text.normalize('NFC');
  if (kind === 'paragraph') return nfc;
  const line = nfc.replace(/\s+/gu, ' ');
  return kind === 'name' ? line.replace(NAME_DOTS, '·').replace(SPACE_BETWEEN_HAN, '$1') : line;
}

function cleanText(field: string, value: string, rule: TextRule): string {
  const raw = rule.kind === 'paragraph' ? value.replace(/\r\n?|[\u2028\u2029]/g, '\n') : value;
  const trimmed = raw.trim();
  refuseBadChar(field, trimmed, rule.kind);
  const text = normalise(trimmed, rule.kind);
  const length = [...text].length;
  if (length > rule.max) throw badInput(field, `${field} is longer than ${rule.max} characters (${length} given)`);
  if (rule.kind === 'name' && text && !LETTER.test(text))
    throw badInput(field, `${field} must contain letters or characters, not only digits or signs`);
  return text;
}

export function requiredText(field: string, value: string | null | undefined, rule: TextRule): string {
  const text = cleanText(field, value ?? '', rule);
  if (!text) throw badInput(field, `${field} must not be empty`);
  return text;
}

/** Absent, empty and blank are all "not given". */
export function optionalText(field: string, value: string | null | undefined, rule: TextRule): string | null {
  return cleanText(field, value ?? '', rule) || null;
}

// ---------------------------------------------------------------------------------------------------------
// Identifiers and codes

/**
 * Full-width forms (ＸＦ－１, １３８…) are what a Chinese input method types in full-width mode; in a code
 * they can only mean their ASCII twins. Only this block is folded, not all of NFKC, which would also turn ①
 * or ² into digits.
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

export interface IdRule {
  readonly what: string;
  readonly pattern: RegExp;
  readonly shape: string;
  readonly example: string;
  readonly max: number;
}

// API.md calls ids opaque: any letters and digits (a principal id may be 王局长), but no spaces or signs that
// could not have come from this API.
const OPAQUE = /^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u;
const OPAQUE_SHAPE = "letters and digits, with '.', '_', '-' or '@' between them and no spaces";

export const IDS = {
  petition: { what: 'a petition id', pattern: OPAQUE, shape: OPAQUE_SHAPE, example: 'XF-1A2B3C4D5E6F', max: 64 },
  panel: { what: 'a panel id', pattern: OPAQUE, shape: OPAQUE_SHAPE, example: 'PY-1A2B3C4D5E6F', max: 64 },
  member: { what: 'a panel member id', pattern: OPAQUE, shape: OPAQUE_SHAPE, example: 'M-LAWYER-01', max: 64 },
  leader: { what: "a leader's principal id", pattern: OPAQUE, shape: OPAQUE_SHAPE, example: 'dev-leader', max: 64 },
  urge: {
    what: 'a 督办 id',
    pattern: /^DB-[1-9]\d{0,5}$/,
    shape: "DB- and the urge's number",
    example: 'DB-1',
    max: 10,
  },
  unit: {
    what: 'a unit code',
    pattern: /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/,
    shape: "upper-case letters and digits joined by '-'",
    example: 'U-FT-01',
    max: 32,
  },
} as const satisfies Record<string, IdRule>;

export function optionalId(field: string, value: string | null | undefined, rule: IdRule): string | null {
  const id = halfWidth(value ?? '').trim();
  if (!id) return null;
  refuseBadChar(field, id, 'name');
  if (id.length > rule.max || !rule.pattern.test(id)) {
    throw badInput(
      field,
      `${field} is not ${rule.what}: ${rule.shape}, at most ${rule.max} long (e.g. ${rule.example})`,
    );
  }
  return id;
}

export function requiredId(field: string, value: string | null | undefined, rule: IdRule): string {
  const id = optionalId(field, value, rule);
  if (!id) throw badInput(field, `${field} must not be empty: give ${rule.what} (e.g. ${rule.example})`);
  return id;
}

/** A unit code that names a unit of the units table (an unknown one is bad input, like any wrong value). */
export function knownUnit(db: ReadModel, field: string, value: string | null | undefined): string | null {
  const code = optionalId(field, value, IDS.unit);
  if (code && !db.select({ id: units.id }).from(units).where(eq(units.id, code)).get()) {
    throw badInput(field, `${field}: no unit with code ${code} (the units query lists them)`);
  }
  return code;
}

// ---------------------------------------------------------------------------------------------------------
// The petitioner's ID number and phone

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: the 18th character of a resident ID number is a checksum of the first 17. */
export function residentIdCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * ID_WEIGHTS[i]!, 0);
  return ID_CHECK[sum % 11]!;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * 居民身份证号码, checked in full (region, birth date, check character), since the ID number is what recognises
 * a repeat petitioner (domain/matter.ts) and a typo would silently make a new person. A value with letters is
 * another document (passport, 港澳台 permit, an organisation's 统一社会信用代码) and is only checked for shape;
 * a number of digits only must be a resident ID number.
 */
export function idNumber(field: string, value: string | null | undefined, now = Date.now()): string | null {
  const id = halfWidth(value ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
  if (!id) return null;
  refuseBadChar(field, id, 'name');
  if (/^\d+X?$/.test(id)) {
    if (id.length === 15)
      throw badInput(
        field,
        `${field} is a 15-digit first-generation number: give the 18-character number of the current card`,
      );
    if (id.length !== 18)
      throw badInput(
        field,
        `${field} has ${id.length} characters: a resident ID number has 18, digits with an X perhaps last`,
      );
    if (!/^[1-8]/.test(id))
      throw badInput(field, `${field} starts with ${id[0]}: a resident ID number starts with its region code, 1 to 8`);
    const [year, month, day] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
    if (!isRealDay(year, month, day) || year < 1900 || Date.UTC(year, month - 1, day) > now) {
      throw badInput(
        field,
        `${field} holds the birth date ${id.slice(6, 14)}, which is not a possible one: check the 7th to 14th digits`,
      );
    }
    const check = residentIdCheckChar(id.slice(0, 17));
    if (id[17] !== check)
      throw badInput(
        field,
        `${field} does not pass its check (the last character would be ${check}): look for a mistyped digit`,
      );
    return id;
  }
  if (!/^[A-Z0-9][A-Z0-9-]{4,29}$/.test(id)) {
    throw badInput(
      field,
      `${field} is not an ID number: a resident ID number of 18 characters, or another document's number in letters and digits`,
    );
  }
  return id;
}

/**
 * A phone number, stored in one form whatever the separators typed, so that the repeat key (name + phone) finds
 * the same person: a mobile as its 11 digits, a landline as area code-number, abroad as +country and number.
 * Extensions are not taken (no field for them).
 */
export function phoneNumber(field: string, value: string | null | undefined): string | null {
  const typed = halfWidth(value ?? '').replace(/[\s\-()]/g, '');
  if (!typed) return null;
  refuseBadChar(field, typed, 'name');
  const domestic = typed.replace(/^(?:\+|00)86/, '');
  if (/^1[3-9]\d{9}$/.test(domestic)) return domestic;
  // Beijing (010) and the 02x cities have three-digit area codes, every other city four; dialled from abroad
  // (+86 755 …) the area code loses its 0.
  const trunk = domestic !== typed && !domestic.startsWith('0') ? `0${domestic}` : domestic;
  const landline = /^(0(?:10|2\d|[3-9]\d{2}))([1-9]\d{6,7})$/.exec(trunk);
  if (landline) return `${landline[1]}-${landline[2]}`;
  if (!typed.startsWith('+86') && /^\+[1-9]\d{6,14}$/.test(typed)) return typed;
  throw badInput(
    field,
    `${field} is not a phone number: 11 digits for a mobile (13800138000), area code and number for a landline (0755-12345678), +country code and number abroad`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Numbers, choices and moments

export function wholeNumber(field: string, value: number, min: number, max?: number): number {
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    throw badInput(
      field,
      max === undefined
        ? `${field} must be a whole number of at least ${min}`
        : `${field} must be a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

export const MAX_PAGE = 100;

export function pageSize(field: string, value: number | null | undefined): number {
  return wholeNumber(field, value ?? 20, 1, MAX_PAGE);
}

/** A String argument that takes one of a few words (where the schema has no enum for it). */
export function optionalChoice<T extends string>(
  field: string,
  value: string | null | undefined,
  choices: readonly T[],
): T | null {
  if (value == null) return null;
  if (!(choices as readonly string[]).includes(value))
    throw badInput(field, `${field} must be one of ${choices.join(', ')}, not ${JSON.stringify(value).slice(0, 40)}`);
  return value as T;
}

// Whether a date-time is well formed, real and of a sensible year is the DateTime scalar's rule (scalars.ts);
// these are the rules of particular fields.

// A client's clock may run a little ahead of ours.
const CLOCK_SKEW_MS = 60_000;
const DAY_MS = 86_400_000;

/** A moment that has happened (receipt, delivery): not in the future. */
export function pastMoment(field: string, value: number | null | undefined, now = Date.now()): number | null {
  if (value == null) return null;
  if (value > now + CLOCK_SKEW_MS)
    throw badInput(field, `${field} lies in the future: give the moment it happened, with its offset`);
  return value;
}

/** A moment still to come (a deadline), and not further off than `maxDays`. */
export function futureMoment(
  field: string,
  value: number | null | undefined,
  maxDays: number,
  now = Date.now(),
): number | null {
  if (value == null) return null;
  if (value <= now) throw badInput(field, `${field} lies in the past`);
  if (value > now + maxDays * DAY_MS) throw badInput(field, `${field} lies more than ${maxDays} days ahead`);
  return value;
}

/** The start and end of a filter's period: in that order. */
export function period(
  fromField: string,
  from: number | null | undefined,
  toField: string,
  to: number | null | undefined,
): void {
  if (from != null && to != null && to < from)
    throw badInput(toField, `${toField} lies before ${fromField}: the period must end after it starts`);
}
