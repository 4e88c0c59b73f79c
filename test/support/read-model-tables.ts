/** The read model as plain rows, to compare a live one with a rebuild. */
import type { ReadModel } from '../../db/connection';
import { matchExpression } from '../../db/search-tokens';

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
    outbox: all('SELECT * FROM outbox ORDER BY petition_id, seq'),
    panels: all('SELECT * FROM panels ORDER BY id'),
    panelMembers: all('SELECT * FROM panel_members ORDER BY panel_id, member_id'),
    panelCases: all('SELECT * FROM panel_cases ORDER BY panel_id, petition_id'),
    evaluations: all('SELECT * FROM evaluations ORDER BY panel_id, member_id, petition_id'),
    // The index is contentless: compare what it finds.
    search: ['供暖', '补偿', '法院', '积', '征地补偿'].map((word) =>
      all(`SELECT p.id FROM petition_search s JOIN petitions p ON p.num = s.rowid WHERE petition_search MATCH '${matchExpression(word)!.replace(/'/g, "''")}' ORDER BY p.id`),
    ),
  };
}
