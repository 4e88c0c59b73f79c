/**
 * Free text: trimmed, NFC, and refused with the code point and position of a character that has no business in
 * the field (controls, direction overrides, invisible characters), so a record reads as it was given.
 */
import { badInput } from '../errors';

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

export function refuseBadChar(field: string, text: string, kind: TextKind): void {
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
