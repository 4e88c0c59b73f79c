/**
 * The rows of the input-validation tables (test/unit/input-validation-*.test.ts), one per field and value, and
 * how a table runs: each row's value put into its operation's valid variables, sent, and its answer checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type GraphQLAnswer, okData } from './graphql';
import { useInputHarness } from './input-harness';
import { type OpName, OPS, type Through, withValue } from './input-operations';

/** The tables, one a file (test/unit/input-validation-<table>.test.ts), and the operations whose rows each holds. */
const TABLES = {
  register: ['register'],
  'petition-mutations': [
    'accept',
    'route',
    'decline',
    'confirmRepeat',
    'dismissRepeat',
    'extension',
    'decide',
    'startHearing',
    'endHearing',
    'reply',
    'satisfaction',
    'review',
    'urge',
    'answerUrge',
    'escalate',
    'instruct',
  ],
  panels: ['convene', 'evaluate', 'attendance', 'replay'],
  queries: ['petition', 'petitions', 'statistics', 'history', 'panel', 'panels', 'statute'],
} as const satisfies Record<string, readonly OpName[]>;
export type Table = keyof typeof TABLES;

for (const op of Object.keys(OPS)) {
  if (!Object.values(TABLES).some((ops: readonly string[]) => ops.includes(op)))
    throw new Error(`operation ${op} belongs to no table in TABLES`);
}

/** What a row expects: a refusal with its field, or (`through`) that the value passed every rule. */
type Expect = { code: 'BAD_USER_INPUT' | 'LIMIT_EXCEEDED'; field: string } | { through: Through };

export interface Row {
  op: OpName;
  path: string;
  value: unknown;
  expect: Expect;
}

export const bad = (op: OpName, path: string, values: unknown[], field = path): Row[] =>
  values.map((value) => ({ op, path, value, expect: { code: 'BAD_USER_INPUT', field } }));
export const ok = (
  op: OpName,
  path: string,
  values: unknown[],
  through: Through = OPS[op].passes ?? 'UNAVAILABLE',
): Row[] => values.map((value) => ({ op, path, value, expect: { through } }));

export const long = (n: number, char = '字') => char.repeat(n);
export const base64 = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

// Characters no text field takes, and those only names and ids refuse.
export const BROKEN = ['张\ud800三', '张三\udc00', '\ud83d'];
export const CONTROLS = ['张\u0000三', '张\u0007三', '张\u001b[31m三', '张\u007f三', '张\u0085三', '张\u009b三'];
export const BIDI = ['张\u202e三', '\u202a张三', '张\u2066三\u2069', '张\u2067三'];
export const INVISIBLE = [
  '张\u200b三',
  '张\u200c三',
  '张\u200d三',
  '张\u200e三',
  '张\u200f三',
  '张\ufeff三',
  '张\u2060三',
  '张\u00ad三',
];
export const LINE_BREAKS = ['张\n三', '张\r三', '张\t三', '张\u2028三'];

function label(row: Row): string {
  const shown = typeof row.value === 'symbol' ? '(absent)' : (JSON.stringify(row.value) ?? String(row.value));
  const outcome = 'through' in row.expect ? `passes (${row.expect.through})` : `${row.expect.code} ${row.expect.field}`;
  return `${row.op} ${row.path} = ${shown.length > 40 ? `${shown.slice(0, 37)}…` : shown} → ${outcome}`;
}

/**
 * One table: its operations' valid variables pass every rule, then every row answers as it expects, and nothing
 * was written to the read model by any of them.
 */
export function describeTable(table: Table, rows: Row[]): void {
  const ops: readonly OpName[] = TABLES[table];
  for (const row of rows)
    if (!ops.includes(row.op)) throw new Error(`${label(row)}: ${row.op} is not in the ${table} table`);
  const h = useInputHarness();

  describe('every argument, every rule', () => {
    let before: ReturnType<typeof h.counts>;
    beforeAll(() => {
      before = h.counts();
    });
    afterAll(() => expect(h.counts()).toEqual(before));

    function expectThrough(answer: GraphQLAnswer, through: Through) {
      if (through === 'DATA') okData(answer);
      else expect(errorCode(answer), JSON.stringify(answer.errors)).toBe(through);
    }

    it.each(ops.filter((op) => OPS[op].passes))('%s: its valid variables pass every rule', async (op) => {
      expectThrough(await h.rm.gql(h.tokens[OPS[op].as], OPS[op].query, OPS[op].valid(h.fixtures)), OPS[op].passes!);
    });

    it.each(rows.map((row) => [label(row), row] as const))('%s', async (_, row) => {
      const op = OPS[row.op];
      const answer = await h.rm.gql(h.tokens[op.as], op.query, withValue(row.op, h.fixtures, row.path, row.value));
      const error = answer.errors?.[0];
      if ('through' in row.expect) return expectThrough(answer, row.expect.through);
      // A value that wrongly got through would have reached Temporal and answered UNAVAILABLE instead.
      expect(error?.extensions, JSON.stringify(answer.errors)).toMatchObject({
        code: row.expect.code,
        field: row.expect.field,
      });
      expect(error?.message.length).toBeGreaterThan(10);
      expect(JSON.stringify(answer)).not.toMatch(/\bat .+\.(ts|js):\d+/);
    });
  });
}
