/**
 * Read-model tests without a workflow in the way: petitions built with the real state machine at chosen
 * moments, projected into a real SQLite file with the real projection, and read through the real GraphQL API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, TokenRequest } from '../../api/auth';
import { issueTokenNow } from './tokens';
import { openReadModel, type SqliteReadModel as ReadModel } from '../../db/connection';
import { projectPetitionState } from '../../db/projection';
import { seedUnits } from '../../db/seed-units';
import { apiOnReadModel, type ApiOnReadModel } from './api-on-read-model';
import { PetitionBuilder, type PetitionOptions } from './petition-fixture';

export { at } from './petition-fixture';

/** A petition written step by step; `project()` writes its current state into the SQLite read model at once. */
export class PetitionFixture extends PetitionBuilder {
  constructor(
    private readonly db: ReadModel,
    options: PetitionOptions,
  ) {
    super(options);
  }
  project(now = Date.now()) {
    projectPetitionState(this.db, `petition-${this.id}`, this.state, this.state.timeline, now);
    return this;
  }
}

export interface ReadModelHarness extends ApiOnReadModel {
  db: ReadModel;
  file: string;
  petition(options: PetitionOptions): PetitionFixture;
  /** A new principal's token: `<role>-<n>` unless `principal` names it. */
  token(role: Role, unitId?: string, principal?: Pick<TokenRequest, 'principalId' | 'memberId'>): string;
  close(): void;
}

/** The API on a real SQLite file, with no Temporal behind it (./api-on-read-model.ts). */
export function openReadModelHarness(options: { temporalAttempts?: number } = {}): ReadModelHarness {
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-rm-'));
  const file = join(dir, 'fengqiao.db');
  const db = openReadModel(file);
  // One statement, which SQLite has written before the promise is answered: the harness is ready at once.
  void seedUnits(db);
  let n = 0;
  return {
    ...apiOnReadModel(db, options),
    db,
    file,
    petition: (options) => new PetitionFixture(db, options),
    token: (role, unitId, principal) =>
      issueTokenNow(db, { role, principalId: `${role.toLowerCase()}-${++n}`, unitId: unitId ?? null, ...principal }),
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
