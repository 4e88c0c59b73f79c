/** A PostgreSQL read model of a test's own: a fresh database, migrated, dropped when the test file is done. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPgReadModel, type PgReadModel } from '../../db/pg/connection';

export interface PgHarness {
  db: PgReadModel;
  url: string;
  close(): Promise<void>;
}

async function asAdmin(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export async function freshPgReadModel(): Promise<PgHarness> {
  const name = `fengqiao_test_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  const db = await openPgReadModel(url.toString());
  return {
    db,
    url: url.toString(),
    async close() {
      await db.$client.end();
      await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
