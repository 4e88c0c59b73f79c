/**
 * Opens the read model the environment names: PostgreSQL when `DATABASE_URL` is a postgres:// URL, otherwise the
 * SQLite file (`FENGQIAO_DB`, or .data/fengqiao.db). A `DATABASE_URL` naming anything else is refused rather than
 * ignored: falling back to a local file would look like working while writing where nobody reads.
 */
import { DEFAULT_DB_FILE, openReadModel } from './connection';
import { isPostgresUrl, openPgReadModel } from './pg/connection';
import { pgOperations } from './pg/read-model';
import type { ReadModel } from './read-model';

export async function openConfiguredReadModel(env: NodeJS.ProcessEnv = process.env): Promise<ReadModel> {
  const url = env.DATABASE_URL;
  if (isPostgresUrl(url)) return pgOperations(await openPgReadModel(url));
  if (url) throw new Error('DATABASE_URL must be a postgres:// URL, or unset for the SQLite file');
  return openReadModel(env.FENGQIAO_DB ?? DEFAULT_DB_FILE);
}
