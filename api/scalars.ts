/** DateTime (ISO 8601 with offset, answered in Asia/Shanghai) and JSON scalars. Internally times are epoch ms. */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { formatShanghai } from '../domain/calendar';
import { apiError } from './errors';

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

// Outside these years a date is a typo (1026, 2206), not a petition's.
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** Why the parts of a well-formed date-time do not make a real moment, or null. */
function impossible(parts: RegExpExecArray): string | null {
  const n = (i: number) => Number(parts[i] ?? 0);
  const [year, month, day] = [n(1), n(2), n(3)];
  if (month < 1 || month > 12) return 'months run from 01 to 12';
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) return `${parts[1]}-${parts[2]} has days 01 to ${lastDay}`;
  if (n(4) > 23) return 'hours run from 00 to 23 (24:00 is 00:00 of the next day)';
  if (n(5) > 59 || n(6) > 59) return 'minutes and seconds run from 00 to 59';
  if (n(8) > 59 || n(7) * 60 + n(8) > 14 * 60) return 'an offset is at most ±14:00';
  if (year < FIRST_YEAR || year > LAST_YEAR) return `the year must be from ${FIRST_YEAR} to ${LAST_YEAR}`;
  return null;
}

function refuse(message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });
}

/** Epoch ms of an ISO 8601 date-time with offset that names a real moment; the node, when a literal, locates the field. */
export function parseDateTime(value: unknown, node?: ValueNode): number {
  const parts = typeof value === 'string' ? ISO_WITH_OFFSET.exec(value) : null;
  const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value);
  if (!parts) throw refuse(`${shown} is not a date-time with offset, e.g. 2026-03-01T09:30:00+08:00`, node);
  const why = impossible(parts);
  if (why) throw refuse(`${shown} is not a possible date-time: ${why}`, node);
  return Date.parse(parts[0]);
}

export const DateTimeScalar = new GraphQLScalarType<number, string>({
  name: 'DateTime',
  serialize: (value) => formatShanghai(value instanceof Date ? value.getTime() : (value as number)),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw refuse('a DateTime is written as a string, e.g. "2026-03-01T09:30:00+08:00"', ast);
    return parseDateTime(ast.value, ast);
  },
});

function literalValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalValue(f.value)]));
    default:
      throw apiError('BAD_USER_INPUT', 'variables are not allowed inside a JSON literal');
  }
}

export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalValue,
});
