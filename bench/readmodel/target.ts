/**
 * What the read-model bench needs of a dialect: the read model the API runs on, and a way to run a compiled
 * statement on the bare driver (the SQL alone, without the API), plus what the cases are picked from.
 */
import { sql } from 'drizzle-orm';
import type { ReadModel, Statement } from '../../db/read-model';

export interface BenchTarget {
  dialect: 'sqlite' | 'postgres';
  /** Where the data is: a file, or a URL without its password. */
  location: string;
  db: ReadModel;
  /** A statement prepared (SQLite) or sent as is (PostgreSQL) on the driver itself, answering its rows. */
  bare(statement: Statement): () => Promise<unknown[]>;
  /** What the database holds on disk, as the dialect can say it. */
  storage(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** What the cases are picked from, the same way on either dialect. */
export async function landmarks(db: ReadModel) {
  const total = Number((await db.row<{ n: number }>(sql`SELECT count(*) AS n FROM petitions`))?.n ?? 0);
  const busiest = await db.row<{ u: string }>(
    sql`SELECT unit_id AS u FROM petitions WHERE overdue GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1`,
  );
  const deep = await db.row<{ num: number; at: number }>(
    sql`SELECT num, received_at AS at FROM petitions ORDER BY received_at DESC, num DESC LIMIT 1 OFFSET ${Math.floor(total / 2)}`,
  );
  return { total, busiestUnit: busiest?.u ?? null, deep: deep ? { num: Number(deep.num), at: Number(deep.at) } : null };
}
