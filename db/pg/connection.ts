/**
 * Opens the PostgreSQL read model (`DATABASE_URL=postgres://…`) and brings its schema up to date with drizzle's
 * migrator (drizzle-pg/). Several workers and API processes share one database, and drizzle's migrator does not
 * lock: processes starting together take turns on an advisory lock, so each migration is applied once.
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';

export type PgReadModel = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const MIGRATIONS = fileURLToPath(new URL('../../drizzle-pg', import.meta.url));
/** The advisory lock's key: any fixed number no other part of the system locks on. */
const MIGRATION_LOCK = 7_233_100;

/** Whether a read-model location names PostgreSQL rather than a SQLite file. */
export function isPostgresUrl(location: string | undefined): location is string {
  return !!location && /^postgres(ql)?:\/\//.test(location);
}

export async function openPgReadModel(url: string, options: { max?: number } = {}): Promise<PgReadModel> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client that loses its server (a restart) is dropped by the pool; without a listener it would throw.
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return drizzle(pool, { schema });
}
