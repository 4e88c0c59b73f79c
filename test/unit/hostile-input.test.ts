/**
 * Hostile input: generated malformed operations and variables (fast-check) against the real API on a real
 * SQLite file. Whatever arrives: no 5xx, no stack trace, every error with a code of docs/api.md, no data changed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openReadModelHarness, type ReadModelHarness } from '../support/read-model';
import { ERROR_CODES } from '../../domain/error-codes';

let rm: ReadModelHarness;
let registrar: string;

const VALID = [
  '{ statute { id days article } }',
  '{ petitions(first: 5, filter: { text: "电梯" }) { edges { node { id status deadlines { kind dueAt } } } } }',
  'mutation { registerPetition(input: { petitioner: { name: "张三" }, channel: LETTER, category: CLAIM, summary: "s", content: "c" }) { id } }',
  'mutation { acceptPetition(id: "XF-1", unitId: "U-FT-01") { id } }',
  '{ statistics(filter: { from: "2026-01-01T00:00:00+08:00", to: "2026-02-01T00:00:00+08:00" }) { registered } }',
];

beforeAll(() => {
  rm = openReadModelHarness();
  registrar = rm.token('REGISTRAR');
  rm.petition({ received: '2026-03-02' }).accept('2026-03-03', 'U-FT-01').project();
});
afterAll(() => rm.close());

function counts() {
  const n = (table: string) => (rm.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    petitions: n('petitions'),
    events: n('petition_events'),
    tokens: n('api_tokens'),
    deadlines: n('petition_deadlines'),
  };
}

/** A valid operation with one character deleted, replaced or inserted: mostly broken, sometimes still valid. */
const mutated = fc
  .tuple(
    fc.constantFrom(...VALID),
    fc.nat(),
    fc.constantFrom('delete', 'replace', 'insert'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
  )
  .map(([query, at, how, text]) => {
    const i = at % query.length;
    return how === 'delete'
      ? query.slice(0, i) + query.slice(i + 1)
      : how === 'replace'
        ? query.slice(0, i) + text + query.slice(i + 1)
        : query.slice(0, i) + text + query.slice(i);
  });

const operation = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  mutated,
  fc.integer({ min: 20, max: 400 }).map((n) => `{ statute ${'{ id '.repeat(n)}${'}'.repeat(n)} }`),
  fc
    .integer({ min: 21, max: 200 })
    .map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: statute { id }`).join(' ')} }`),
  fc.constant('{ petitions { edges { node { timeline { actor { id } } } } } }'),
);

const variables = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom('input', 'id', 'first', 'after', 'filter'), fc.anything()),
);

it('1 000 generated malformed operations: no 5xx, no stack trace, contract codes only, nothing changed', async () => {
  const before = counts();
  let sent = 0;
  // How each operation was answered: the first error's code and reason, or `data` when it ran.
  const answers = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(operation, variables, fc.boolean(), async (query, vars, withToken) => {
      sent += 1;
      // With a token, a mutation that happens to stay valid would reach Temporal; only queries get one.
      const token = withToken && !/mutation/i.test(query) ? registrar : null;
      const response = await rm.gqlRaw(token, JSON.stringify({ query, variables: vars }));
      expect(response.status).toBeLessThan(500);
      const body = await response.text();
      expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
      const json = JSON.parse(body) as { errors?: { extensions?: { code?: string; reason?: string } }[] };
      for (const error of json.errors ?? []) expect(ERROR_CODES).toContain(error.extensions?.code);
      const first = json.errors?.[0]?.extensions;
      const answer = first ? [first.code, first.reason].filter(Boolean).join(' ') : 'data';
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }),
    { numRuns: 1_000 },
  );
  // Requests that are not even JSON, and wrong methods.
  for (const body of ['', '{', 'null', '[]', '{"query": 42}', '\u0000\uFFFF']) {
    const response = await rm.gqlRaw(registrar, body);
    expect(response.status).toBeLessThan(500);
  }
  // Every generated operation reached the API and got an answer, and most were refused as the malformed input
  // they are, by the parser and validation and by each operation limit, not waved through.
  expect(sent).toBe(1_000);
  expect([...answers.values()].reduce((a, b) => a + b, 0)).toBe(sent);
  for (const refusal of [
    'BAD_USER_INPUT GRAPHQL_PARSE_FAILED',
    'BAD_USER_INPUT GRAPHQL_VALIDATION_FAILED',
    'BAD_USER_INPUT OPERATION_LIMIT',
  ]) {
    expect(answers.get(refusal) ?? 0, refusal).toBeGreaterThan(0);
  }
  expect(answers.get('data') ?? 0).toBeLessThan(sent / 2);
  expect(counts()).toEqual(before);
}, 120_000);
