/**
 * The two dialects side by side: one SQLite harness (./read-model.ts) and one PostgreSQL harness
 * (./pg-read-model.ts), the same petitions projected into both through `ReadModel.projectPetition`, the same
 * principals in both, and every GraphQL operation asked of both APIs, whose answers must be equal.
 */
import { expect } from 'vitest';
import type { Role } from '../../api/auth';
import { type GraphQLAnswer, okData } from './graphql';
import { PetitionBuilder, type PetitionOptions } from './petition-fixture';
import { openPgReadModelHarness, type PgReadModelHarness } from './pg-read-model';
import { openReadModelHarness, type ReadModelHarness } from './read-model';

/** A petition projected into both read models at each `project()`. */
export class TwinPetition extends PetitionBuilder {
  constructor(
    private readonly parity: Pick<Parity, 'sqlite' | 'pg'>,
    options: PetitionOptions,
  ) {
    super(options);
  }
  async project(): Promise<this> {
    for (const { db } of [this.parity.sqlite, this.parity.pg]) {
      await db.projectPetition(`petition-${this.id}`, this.state, this.state.timeline);
    }
    return this;
  }
}

export interface Principal {
  role: Role;
  unitId?: string;
  principalId?: string;
  memberId?: string;
}

export interface Parity {
  sqlite: ReadModelHarness;
  pg: PgReadModelHarness;
  petition(options: PetitionOptions): TwinPetition;
  /** Issues the principal's token in both read models, under the same principal id; `who` names it in `ask`. */
  principal(who: string, principal: Principal): Promise<void>;
  /** The answers of both APIs to `who` asking, SQLite's first. */
  answers(who: string, query: string, variables?: Record<string, unknown>): Promise<[GraphQLAnswer, GraphQLAnswer]>;
  /** Both APIs' answer, asserted equal (errors included); answers SQLite's. */
  same(who: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  /** Both APIs' data, asserted equal and free of errors. */
  sameData(who: string, query: string, variables?: Record<string, unknown>): Promise<any>;
  close(): Promise<void>;
}

export async function openParity(): Promise<Parity> {
  const sqlite = openReadModelHarness({ temporalAttempts: 1 });
  const pg = await openPgReadModelHarness({ temporalAttempts: 1 });
  const tokens = new Map<string, [string, string]>();
  const answers: Parity['answers'] = async (who, query, variables) => {
    const pair = tokens.get(who);
    if (!pair) throw new Error(`no principal ${who}: call principal() first`);
    return Promise.all([sqlite.gql(pair[0], query, variables), pg.gql(pair[1], query, variables)]);
  };
  const same: Parity['same'] = async (who, query, variables) => {
    const [expected, actual] = await answers(who, query, variables);
    expect(actual, `${who}: ${query} ${JSON.stringify(variables ?? {})}`).toEqual(expected);
    return expected;
  };
  return {
    sqlite,
    pg,
    petition: (options) => new TwinPetition({ sqlite, pg }, options),
    async principal(who, { role, unitId, principalId, memberId }) {
      const named = { principalId: principalId ?? `${role.toLowerCase()}-${who}`, memberId: memberId ?? null };
      tokens.set(who, [sqlite.token(role, unitId, named), await pg.token(role, unitId, named)]);
    },
    answers,
    same,
    sameData: async (who, query, variables) => okData(await same(who, query, variables)),
    async close() {
      sqlite.close();
      await pg.close();
    },
  };
}
