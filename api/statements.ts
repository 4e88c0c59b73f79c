/**
 * The read path's statements on the bare better-sqlite3 connection: written with drizzle's `sql` (columns and
 * values typed by the schema), compiled to text and parameters, and prepared once per text. Drizzle's query
 * builder rebuilds and maps every result anew, which costs more than the indexed reads of a page themselves; and
 * a compiled statement is what the benchmark runs alone (bench/readmodel.ts), so it times what the API sends.
 */
import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { ReadModel } from '../db/connection';

export interface Statement {
  text: string;
  params: unknown[];
}

const dialect = new SQLiteSyncDialect();

export function compile(query: SQL): Statement {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { text, params };
}

/** Distinct texts are one per shape of filter; past this many something builds texts per value, and the cache restarts. */
const MAX_PREPARED = 500;
const preparedByConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepare(db: ReadModel, text: string): Database.Statement {
  let cache = preparedByConnection.get(db.$client);
  if (!cache) preparedByConnection.set(db.$client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    if (cache.size >= MAX_PREPARED) cache.clear();
    cache.set(text, (statement = db.$client.prepare(text)));
  }
  return statement;
}

export function allOf<T>(db: ReadModel, statement: Statement): T[] {
  return prepare(db, statement.text).all(...statement.params) as T[];
}

export function oneOf<T>(db: ReadModel, statement: Statement): T | undefined {
  return prepare(db, statement.text).get(...statement.params) as T | undefined;
}
