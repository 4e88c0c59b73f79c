/** DateTime (ISO 8601 with offset, answered in Asia/Shanghai) and JSON scalars. Internally times are epoch ms. */
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { formatShanghai } from '../domain/calendar';
import { apiError } from './errors';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseDateTime(value: unknown): number {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) {
    throw apiError('BAD_USER_INPUT', `"${String(value)}" is not a date-time with offset, e.g. 2026-03-01T09:30:00+08:00`);
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw apiError('BAD_USER_INPUT', `"${value}" is not a valid date-time`);
  return ms;
}

export const DateTimeScalar = new GraphQLScalarType<number, string>({
  name: 'DateTime',
  serialize: (value) => formatShanghai(value instanceof Date ? value.getTime() : (value as number)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw apiError('BAD_USER_INPUT', 'a DateTime is written as a string');
    return parseDateTime(ast.value);
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
