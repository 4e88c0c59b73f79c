/** Opens the read model's SQLite file and brings its schema up to date with drizzle's migrator. */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type ReadModel = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));

export const DEFAULT_DB_FILE = fileURLToPath(new URL('../.data/fengqiao.db', import.meta.url));

export function openReadModel(file: string = process.env.FENGQIAO_DB ?? DEFAULT_DB_FILE): ReadModel {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets the worker write projections while the API reads; busy_timeout rides out the short write locks.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}
