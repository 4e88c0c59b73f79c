/** Identifiers and codes: opaque ids, full-width forms folded to ASCII, units that must exist. */
import { sql } from 'drizzle-orm';
import type { ReadModel } from '../../db/read-model';
import { units } from '../../db/schema';
import { badInput } from '../errors';
import { refuseBadChar } from './text';

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
export async function knownUnit(
  db: ReadModel,
  field: string,
  value: string | null | undefined,
): Promise<string | null> {
  const code = optionalId(field, value, IDS.unit);
  if (code && !(await db.row(sql`SELECT id FROM ${units} WHERE id = ${code}`))) {
    throw badInput(field, `${field}: no unit with code ${code} (the units query lists them)`);
  }
  return code;
}
