/**
 * The read-model bench on PostgreSQL (`--pg`, `--database-url`): the API on the pool as `DATABASE_URL` would open
 * it, and the SQL alone sent on the same pool, as the read model sends it (unnamed statements, no wrapper).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openPgReadModel } from '../../db/pg/connection';
import { pgOperations } from '../../db/pg/read-model';
import type { BenchTarget } from './target';

/** The URL of the database `npm run seed:pg` fills by default. */
export function seededDatabaseUrl(name = 'fengqiao_seed'): string {
  const script = fileURLToPath(new URL('../../scripts/postgres.sh', import.meta.url));
  return execFileSync('bash', [script, 'url', name], { encoding: 'utf8' }).trim();
}

export async function postgresTarget(url: string): Promise<BenchTarget> {
  const pgModel = await openPgReadModel(url);
  const pool = pgModel.$client;
  return {
    dialect: 'postgres',
    location: url.replace(/:[^:@/]*@/, ':…@'),
    db: pgOperations(pgModel),
    bare:
      ({ text, params }) =>
      async () =>
        (await pool.query({ text, values: params })).rows,
    storage: async () => {
      const { rows } = await pool.query<{ name: string; bytes: string }>(
        `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r'
         UNION ALL SELECT '(database)', pg_database_size(current_database())`,
      );
      return Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)]));
    },
    close: () => pool.end(),
  };
}
