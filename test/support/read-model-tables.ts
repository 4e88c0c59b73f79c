/** The read model as plain rows, to compare a live one with a rebuild, and whether it has caught up. */
import type { Client } from '@temporalio/client';
import type { SqliteReadModel as ReadModel } from '../../db/connection';
import { matchExpression } from '../../db/search-tokens';
import { petitionStateQuery, petitionWorkflowId } from '../../workflows/definitions';

/** Whether the read model holds each petition at its workflow's newest event (a projection runs just after a timer). */
export async function readModelCaughtUp(client: Client, db: ReadModel, ids: readonly string[]): Promise<boolean> {
  for (const id of ids) {
    const row = db.$client.prepare('SELECT last_seq FROM petitions WHERE id = ?').get(id) as
      { last_seq: number } | undefined;
    const state = await client.workflow.getHandle(petitionWorkflowId(id)).query(petitionStateQuery);
    if (row?.last_seq !== state.lastSeq) return false;
  }
  return true;
}

/** Every table of the read model, in a stable order, without what only says when or in which order rows were written. */
export function readModelTables(db: ReadModel) {
  const all = (query: string) => db.$client.prepare(query).all();
  return {
    petitions: all('SELECT * FROM petitions ORDER BY id').map((row: any) => {
      const { num: _num, updated_at: _updated, ...rest } = row;
      return rest;
    }),
    events: all('SELECT * FROM petition_events ORDER BY petition_id, seq'),
    deadlines: all('SELECT * FROM petition_deadlines ORDER BY petition_id, ordinal'),
    ratings: all('SELECT * FROM petition_ratings ORDER BY petition_id, ordinal'),
    appeals: all('SELECT * FROM petition_appeals ORDER BY petition_id, level'),
    urges: all('SELECT * FROM petition_urges ORDER BY petition_id, id'),
    materials: all('SELECT * FROM petition_materials ORDER BY petition_id, ordinal'),
    // Ids number the rows in the order they were written, which a rebuild does not keep; read marks are the
    // principals' own state, which a rebuild leaves out.
    notifications: all(
      'SELECT petition_id, seq, recipient, kind, message, created_at FROM notifications ORDER BY petition_id, seq, recipient',
    ),
    panels: all('SELECT * FROM panels ORDER BY id'),
    panelMembers: all('SELECT * FROM panel_members ORDER BY panel_id, member_id'),
    panelCases: all('SELECT * FROM panel_cases ORDER BY panel_id, petition_id'),
    evaluations: all('SELECT * FROM evaluations ORDER BY panel_id, member_id, petition_id'),
    // Kept by triggers (drizzle/0016_statistics_days_triggers.sql): a rebuild must come to the same counters.
    statisticsDays: all('SELECT * FROM statistics_days ORDER BY day, unit_id'),
    // The index is contentless: compare what it finds.
    search: ['供暖', '补偿', '法院', '积', '征地补偿'].map((word) =>
      all(
        `SELECT p.id FROM petition_search s JOIN petitions p ON p.num = s.rowid WHERE petition_search MATCH '${matchExpression(word)!.replace(/'/g, "''")}' ORDER BY p.id`,
      ),
    ),
  };
}
