/**
 * The PostgreSQL read model has the tables of the SQLite one (db/pg/schema.ts mirrors db/schema.ts): the same
 * tables, columns, nullability, defaults and indexes, so that what one dialect's projection writes and its queries
 * read, the other's do too. Only the full-text table differs in kind (an FTS5 virtual table on SQLite).
 */
import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pg from '../../db/pg/schema';
import * as sqlite from '../../db/schema';

function tablesOf(module: Record<string, unknown>): Map<string, Table> {
  const tables = Object.values(module).filter((value): value is Table => is(value, Table));
  return new Map(tables.map((t) => [getTableName(t), t]));
}

/** What a column promises whatever its dialect; instants are a custom type on PostgreSQL, a Date on SQLite. */
function shapeOf(table: Table) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, c]) => [
      key,
      {
        name: c.name,
        notNull: c.notNull,
        hasDefault: c.hasDefault,
        primary: c.primary,
        kind: c.dataType === 'custom' || c.dataType === 'date' ? 'instant' : c.dataType,
        enum: c.enumValues ?? null,
      },
    ]),
  );
}

const sqliteTables = tablesOf(sqlite);
const pgTables = tablesOf(pg);

describe('the PostgreSQL schema mirrors the SQLite one', () => {
  it('has the same tables, and the full-text table besides', () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys(), 'petition_search'].sort());
  });

  for (const [name, table] of sqliteTables) {
    it(`${name}: the same columns, nullability, defaults and kinds`, () => {
      const mirrored = pgTables.get(name)!;
      const expected = shapeOf(table);
      const actual = shapeOf(mirrored);
      // SQLite's integer primary key is its rowid; PostgreSQL's is an identity column, which counts as a default.
      for (const [key, column] of Object.entries(actual)) {
        if (column.primary && column.kind === 'number') column.hasDefault = expected[key]?.hasDefault ?? false;
      }
      expect(actual).toEqual(expected);
    });

    it(`${name}: the same indexes and keys`, () => {
      const s = sqliteConfig(table as never);
      const p = pgConfig(pgTables.get(name)! as never);
      const indexes = (config: { indexes: { config: { name: string; unique: boolean; columns: unknown[] } }[] }) =>
        config.indexes.map((i) => [i.config.name, i.config.unique, i.config.columns.length]).sort();
      expect(indexes(p as never)).toEqual(indexes(s as never));
      const keys = (config: { primaryKeys: { columns: { name: string }[] }[] }) =>
        config.primaryKeys.map((k) => k.columns.map((c) => c.name));
      expect(keys(p as never)).toEqual(keys(s as never));
    });
  }
});
