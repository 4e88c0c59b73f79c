/** Column kinds every read-model table uses. */
import { integer } from 'drizzle-orm/sqlite-core';

/** An instant, stored as epoch milliseconds and read as a Date. */
export const ms = (name: string) => integer(name, { mode: 'timestamp_ms' });
