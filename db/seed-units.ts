/**
 * A small, realistic set of units for development and tests: a district petition bureau, the upper-level organs
 * that hear 复查 and 复核, and the district's responsible units (责任单位).
 */
import { sql } from 'drizzle-orm';
import type { ReadModel } from './read-model';
import { units } from './schema';

export const SEED_UNITS = [
  { id: 'B-FT', name: '深圳市福田区信访局', kind: 'BUREAU', parentId: null },
  { id: 'O-FT-GOV', name: '深圳市福田区人民政府 (复查)', kind: 'ORGAN', parentId: 'O-SZ-GOV' },
  { id: 'O-SZ-GOV', name: '深圳市人民政府 (复核)', kind: 'ORGAN', parentId: null },
  { id: 'U-FT-01', name: '福田区住房和建设局', kind: 'UNIT', parentId: 'O-FT-GOV' },
  { id: 'U-FT-02', name: '福田区城市管理和综合执法局', kind: 'UNIT', parentId: 'O-FT-GOV' },
  { id: 'U-FT-03', name: '福田区人力资源局', kind: 'UNIT', parentId: 'O-FT-GOV' },
  { id: 'U-FT-04', name: '福田区教育局', kind: 'UNIT', parentId: 'O-FT-GOV' },
  { id: 'U-FT-05', name: '福田区沙头街道办事处', kind: 'UNIT', parentId: 'O-FT-GOV' },
  // Where items leave the petition system: 检举控告 (Art. 30) and 涉法涉诉 (Art. 22 ¶2).
  { id: 'D-FT', name: '福田区纪委监委', kind: 'DISCIPLINE_INSPECTION', parentId: null },
  { id: 'P-FT', name: '福田区委政法委员会', kind: 'POLITICAL_LEGAL', parentId: null },
  // A court's items are left out of 参评率 ([SAT] art. 4).
  { id: 'C-FT', name: '福田区人民法院', kind: 'COURT', parentId: null },
] as const;

/**
 * Writes the seed units, each as given (a unit renamed in the list is renamed in the read model), in one statement:
 * all or none, and on SQLite written before the promise is answered.
 */
export async function seedUnits(db: ReadModel): Promise<void> {
  const rows = SEED_UNITS.map((u) => sql`(${u.id}, ${u.name}, ${u.kind}, ${u.parentId})`);
  await db.exec(sql`INSERT INTO ${units} (id, name, kind, parent_id) VALUES ${sql.join(rows, sql`, `)}
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id`);
}
