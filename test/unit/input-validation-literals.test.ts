/**
 * Input validation by GraphQL itself (types, enum values, required fields, the DateTime scalar), for arguments
 * written as literals in the document: the refusal names the argument path as the client wrote it, like every
 * refusal of the API's own rules (test/unit/input-validation-*.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { useInputHarness } from '../support/input-harness';

const h = useInputHarness();

describe('GraphQL-level refusals written as literals name their field too', () => {
  const LITERALS: [string, string, string][] = [
    [
      'mutation { registerPetition(input: { petitioner: { name: "张三" }, channel: EMAIL, category: CLAIM, summary: "s", content: "c" }) { id } }',
      'input.channel',
      'One of: ONLINE, LETTER, PHONE, FAX, VISIT',
    ],
    [
      'mutation { registerPetition(input: { petitioner: { name: "张三" }, channel: LETTER, category: CLAIM, summary: "s" }) { id } }',
      'input.content',
      'was not provided',
    ],
    [
      'mutation { registerPetition(input: { petitioner: { name: "张三" }, channel: LETTER, category: CLAIM, summary: "s", content: "c", receivedAt: "2026-02-30T10:00:00+08:00" }) { id } }',
      'input.receivedAt',
      'has days 01 to 28',
    ],
    [
      'mutation { registerPetition(input: { petitioner: { name: "张三", age: 3 }, channel: LETTER, category: CLAIM, summary: "s", content: "c" }) { id } }',
      'input.petitioner.age',
      'not defined',
    ],
    ['mutation { requestExtension(id: "XF-1", reason: "r") { id } }', 'days', 'is required'],
    ['mutation { requestExtension(id: "XF-1", days: 99999999999, reason: "r") { id } }', 'days', '32-bit'],
    ['mutation { requestExtension(id: "XF-1", days: "10", reason: "r") { id } }', 'days', 'Int'],
    ['mutation { urge(id: "XF-1", message: "m", soon: true) { id } }', 'soon', 'Unknown argument'],
    ['{ petitions(filter: { status: [HANDLING, NOPE] }) { totalCount } }', 'filter.status[1]', 'One of: REGISTERED'],
    [
      '{ statistics(filter: { from: 20260101, to: "2026-02-01T00:00:00+08:00" }) { registered } }',
      'filter.from',
      'written as a string',
    ],
  ];
  it.each(LITERALS)('%s → %s', async (query, field, words) => {
    const answer = await h.rm.gql(h.tokens.registrar, query);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(answer.errors?.[0]?.message).toContain(words);
  });

  it('a variable named otherwise than its argument: the field is still the argument path', async () => {
    const answer = await h.rm.gql(
      h.tokens.registrar,
      'mutation($x: RegisterPetitionInput!) { registerPetition(input: $x) { id } }',
      {
        x: {
          petitioner: { name: '张三' },
          channel: 'LETTER',
          category: 'CLAIM',
          summary: 's',
          content: 'c',
          receivedAt: '2026-03-01',
        },
      },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.receivedAt',
      reason: 'INVALID_VARIABLE',
    });
  });
});
