/** The petitioner's resident ID number (GB 11643) and phone number. */
import { badInput } from '../errors';
import { halfWidth } from './ids';
import { refuseBadChar } from './text';

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
