/**
 * Column kinds of the PostgreSQL read model. Instants are epoch milliseconds in a `bigint`, as SQLite stores them:
 * the statistics count Shanghai days and periods as millisecond arithmetic (domain/), which then reads the same on
 * both dialects and compares equal to the last millisecond in the tests that compute both.
 */
import { customType } from 'drizzle-orm/pg-core';

/** An instant, stored as epoch milliseconds and read as a Date (node-postgres answers an int8 as a string). */
export const ms = customType<{ data: Date; driverData: string | number }>({
  dataType: () => 'bigint',
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});
