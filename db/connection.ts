/**
 * Opens the read model's SQLite file and brings its schema up to date with drizzle's migrator. What it answers is
 * both drizzle's database (for the SQLite-only code: the projection's prepared statements, the seeder, tests) and
 * the dialect-neutral read model (db/read-model.ts) the API and the worker use.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadModel } from './read-model';
import * as schema from './schema';
import { sqliteOperations } from './sqlite-read-model';

export type SqliteDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type SqliteReadModel = SqliteDatabase & ReadModel;

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));

export const DEFAULT_DB_FILE = fileURLToPath(new URL('../.data/fengqiao.db', import.meta.url));

export function openReadModel(file: string = process.env.FENGQIAO_DB ?? DEFAULT_DB_FILE): SqliteReadModel {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets the worker write projections while the API reads; busy_timeout rides out the short write locks.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return Object.assign(db, sqliteOperations(db));
}
