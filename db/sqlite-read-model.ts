/**
 * The read model's operations on the embedded SQLite file (db/read-model.ts). better-sqlite3 is synchronous: each
 * operation runs at once and answers a settled promise. Statements are prepared once per text and connection:
 * drizzle's query builder rebuilds and maps every result anew, which costs more than an indexed read itself.
 */
import type Database from 'better-sqlite3';
import { is, SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { SqliteDatabase } from './connection';
import { storeNoticeSqlite } from './holiday-calendars';
import { writeNotifications } from './notifications';
import { projectPanelState } from './panel-projection';
import { projectPetitionState } from './projection';
import type { ReadModel, Statement } from './read-model';

const dialect = new SQLiteSyncDialect();

/** Distinct texts are one per shape of filter; past this many something builds texts per value, and the cache restarts. */
const MAX_PREPARED = 500;

function preparedStatements(client: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return (text: string) => {
    let statement = cache.get(text);
    if (!statement) {
      if (cache.size >= MAX_PREPARED) cache.clear();
      cache.set(text, (statement = client.prepare(text)));
    }
    return statement;
  };
}

export function sqliteOperations(db: SqliteDatabase): ReadModel {
  const prepare = preparedStatements(db.$client);
  const compile = (query: SQL): Statement => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return { text, params };
  };
  const statement = (query: SQL | Statement) => (is(query, SQL) ? compile(query) : query);
  const snapshot = db.$client.prepare<[number], { state_json: string }>(
    'SELECT state_json FROM petitions WHERE num = ?',
  );
  return {
    engine: 'sqlite',
    compile,
    rows: async <T>(query: SQL | Statement) => {
      const { text, params } = statement(query);
      return prepare(text).all(...params) as T[];
    },
    row: async <T>(query: SQL | Statement) => {
      const { text, params } = statement(query);
      return prepare(text).get(...params) as T | undefined;
    },
    exec: async (query) => {
      const { text, params } = statement(query);
      return prepare(text).run(...params).changes;
    },
    snapshotNow: (num) => snapshot.get(num)?.state_json,
    projectPetition: async (workflowId, state, events) => projectPetitionState(db, workflowId, state, events),
    writeNotifications: async (notices) => writeNotifications(db, notices),
    projectPanel: async (panel) => projectPanelState(db, panel),
    storeNotice: async (notice, publishedBy, nowMs) => storeNoticeSqlite(db, notice, publishedBy, nowMs),
    close: async () => {
      db.$client.close();
    },
  };
}
