/**
 * The input-validation tests' API (test/unit/input-validation-*.test.ts): the real API on a real SQLite file,
 * with a token per role and two fixture petitions, opened before a file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { InputFixtures } from './input-operations';
import { openReadModelHarness, type ReadModelHarness } from './read-model';
import { type RoleTokens, tokensPerRole } from './tokens';

export interface InputHarness {
  readonly rm: ReadModelHarness;
  readonly tokens: RoleTokens;
  readonly fixtures: InputFixtures;
  /** How many petitions, events and panels the read model holds: a refused row must change none. */
  counts(): { petitions: number; events: number; panels: number };
}

export function useInputHarness(): InputHarness {
  let rm: ReadModelHarness | undefined;
  let tokens: RoleTokens | undefined;
  let fixtures: InputFixtures | undefined;
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the harness is read before it opened: read it inside a test or hook');
    return value;
  };
  beforeAll(() => {
    // Temporal is a real client whose server is down: one attempt each, so a row that gets through answers at once.
    rm = openReadModelHarness({ temporalAttempts: 1 });
    tokens = tokensPerRole(rm.db);
    const handling = rm.petition({ received: '2026-11-02' }).accept('2026-11-03', 'U-FT-01').project();
    const delivered = rm
      .petition({ received: '2026-10-02' })
      .accept('2026-10-03', 'U-FT-01')
      .reply('2026-10-20')
      .project();
    fixtures = { handling: handling.id, delivered: delivered.id };
  });
  afterAll(() => rm?.close());
  return {
    get rm() {
      return opened(rm);
    },
    get tokens() {
      return opened(tokens);
    },
    get fixtures() {
      return opened(fixtures);
    },
    counts() {
      const n = (table: string) =>
        (opened(rm).db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { petitions: n('petitions'), events: n('petition_events'), panels: n('panels') };
    },
  };
}
