/** The units table as the API answers it (`units`, a petition's `unit` and `reviewUnit`, an appeal's organ). */
import { sql } from 'drizzle-orm';
import type { ReadModel } from '../db/read-model';
import { units } from '../db/schema';

export type UnitRow = typeof units.$inferSelect;

const COLUMNS = sql`id, name, kind, parent_id AS "parentId"`;

export async function unitById(db: ReadModel, id: string | null): Promise<UnitRow | null> {
  if (!id) return null;
  return (await db.row<UnitRow>(sql`SELECT ${COLUMNS} FROM ${units} WHERE id = ${id}`)) ?? null;
}

export async function allUnits(db: ReadModel): Promise<UnitRow[]> {
  return db.rows<UnitRow>(sql`SELECT ${COLUMNS} FROM ${units} ORDER BY id`);
}
