/**
 * The read model's operations on PostgreSQL (../read-model.ts). Statements written against ../schema.ts render
 * here too: ./schema.ts has the same table and column names, and PgDialect gives them `$n` placeholders.
 *
 * node-postgres answers an int8 and a numeric as strings, since either may hold more than a double does exactly.
 * Here they are instants in epoch milliseconds, counts and sums of counts, all far below 2^53, and the interface
 * promises numbers as SQLite answers them: so the reads here parse both as numbers. The parsers go with each
 * query, not into the global pg.types, which every client in the process shares.
 */
import { is, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { ReadModel, Statement } from '../read-model';
import type { PgReadModel } from './connection';
import { storeNoticePg } from './holiday-calendars';
import { writeNotificationsPg } from './notifications';
import { projectPanelStatePg } from './panel-projection';
import { projectPetitionStatePg } from './projection';

const INT8 = 20;
const NUMERIC = 1700;

function getTypeParser(oid: number, format?: 'text' | 'binary') {
  return oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format as 'text');
}
/** pg's typings overload `getTypeParser` per format; this one answers both as pg does, but int8 and numeric. */
const numbers = { getTypeParser } as pg.CustomTypesConfig;

const dialect = new PgDialect();

export function pgOperations(db: PgReadModel): ReadModel {
  const pool = db.$client;
  const compile = (query: SQL): Statement => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return { text, params };
  };
  const run = (query: SQL | Statement) => {
    const { text, params } = is(query, SQL) ? compile(query) : query;
    return pool.query({ text, values: params, types: numbers });
  };
  return {
    engine: 'postgres',
    compile,
    rows: async <T>(query: SQL | Statement) => (await run(query)).rows as T[],
    row: async <T>(query: SQL | Statement) => (await run(query)).rows[0] as T | undefined,
    exec: async (query) => (await run(query)).rowCount ?? 0,
    projectPetition: (workflowId, state, events) => projectPetitionStatePg(db, workflowId, state, events),
    writeNotifications: (notices) => writeNotificationsPg(db, notices),
    projectPanel: (panel) => projectPanelStatePg(db, panel),
    storeNotice: (notice, publishedBy, nowMs) => storeNoticePg(db, notice, publishedBy, nowMs),
    close: () => pool.end(),
  };
}
