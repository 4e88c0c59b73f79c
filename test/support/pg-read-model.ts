/**
 * The read-model harness on PostgreSQL: a fresh database of the test file's own (./postgres.ts), the seed units,
 * the real GraphQL API with no Temporal behind it (./api-on-read-model.ts), and petitions built with the real state
 * machine (./petition-fixture.ts) and projected through `ReadModel.projectPetition`, as the worker projects them.
 */
import { issueToken, type Role, type TokenRequest } from '../../api/auth';
import { pgOperations } from '../../db/pg/read-model';
import type { ReadModel } from '../../db/read-model';
import { seedUnits } from '../../db/seed-units';
import { apiOnReadModel, type ApiOnReadModel } from './api-on-read-model';
import { PetitionBuilder, type PetitionOptions } from './petition-fixture';
import { freshPgReadModel, type PgHarness } from './postgres';

/** A petition written step by step; `await project()` writes its current state into the read model. */
export class ProjectedPetition extends PetitionBuilder {
  constructor(
    private readonly db: ReadModel,
    options: PetitionOptions,
  ) {
    super(options);
  }
  async project(): Promise<this> {
    await this.db.projectPetition(`petition-${this.id}`, this.state, this.state.timeline);
    return this;
  }
}

export interface PgReadModelHarness extends ApiOnReadModel {
  db: ReadModel;
  /** The database itself: drizzle on its pool, its URL. */
  pg: PgHarness;
  petition(options: PetitionOptions): ProjectedPetition;
  /** A new principal's token: `<role>-<n>` unless `principal` names it. */
  token(role: Role, unitId?: string, principal?: Pick<TokenRequest, 'principalId' | 'memberId'>): Promise<string>;
  /** Closes the pool and drops the database. */
  close(): Promise<void>;
}

export async function openPgReadModelHarness(options: { temporalAttempts?: number } = {}): Promise<PgReadModelHarness> {
  const pg = await freshPgReadModel();
  const db = pgOperations(pg.db);
  await seedUnits(db);
  let n = 0;
  return {
    ...apiOnReadModel(db, options),
    db,
    pg,
    petition: (petitionOptions) => new ProjectedPetition(db, petitionOptions),
    token: (role, unitId, principal) =>
      issueToken(db, { role, principalId: `${role.toLowerCase()}-${++n}`, unitId: unitId ?? null, ...principal }),
    close: () => pg.close(),
  };
}
