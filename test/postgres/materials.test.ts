/**
 * 材料 in the PostgreSQL read model: the projection writes the rows SQLite's writes, replaces them from each
 * snapshot and ignores an older one; and the download route's lookup finds the same material on both dialects, and
 * no material by another petition's content id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptMaterial } from '../../api/material-download';
import { pgOperations } from '../../db/pg/read-model';
import { projectPetitionStatePg } from '../../db/pg/projection';
import { projectPetitionState } from '../../db/projection';
import { COMMANDS, type PetitionState } from '../../domain/petition';
import { ctxAt, openedPetition } from '../support/calendar';
import { freshPgReadModel, type PgHarness } from '../support/postgres';
import { openReadModelHarness, type ReadModelHarness } from '../support/read-model';

let sqlite: ReadModelHarness;
let pg: PgHarness;
const T0 = Date.parse('2026-06-01T10:00:00+08:00');
const actor = { id: 'registrar-1', role: 'REGISTRAR' };

beforeAll(async () => {
  sqlite = openReadModelHarness();
  pg = await freshPgReadModel();
});
afterAll(async () => {
  sqlite.close();
  await pg.close();
});

const attach = (state: PetitionState, hash: string, name: string, at: number) =>
  COMMANDS.attachMaterial.apply(
    state,
    { hash, size: 2_048, mediaType: 'application/pdf', name, kind: 'LETTER', note: '原件', actor },
    ctxAt(at),
  );
const both = async (state: PetitionState) => {
  projectPetitionState(sqlite.db, `petition-${state.petitionId}`, state, state.timeline, T0);
  await projectPetitionStatePg(pg.db, `petition-${state.petitionId}`, state, state.timeline, T0);
};
const QUERY = 'SELECT * FROM petition_materials ORDER BY petition_id, ordinal';
const pgRows = async () =>
  (await pg.db.$client.query(QUERY)).rows.map((r) => ({
    ...r,
    size: Number(r.size),
    uploaded_at: Number(r.uploaded_at),
  }));

describe('materials on PostgreSQL', () => {
  it('are the rows SQLite has, replaced from each snapshot, an older one ignored', async () => {
    const opened = openedPetition('XF-MAT-1', T0);
    const one = attach(opened, 'a'.repeat(64), '来信.pdf', T0 + 1_000);
    const two = attach(one, 'b'.repeat(64), '证据.pdf', T0 + 2_000);
    await both(one);
    await both(two);
    await both(one); // an older snapshot: nothing changes
    await both(attach(openedPetition('XF-MAT-2', T0), 'a'.repeat(64), '副本.pdf', T0 + 3_000));

    const expected = sqlite.db.$client.prepare(QUERY).all();
    expect(expected).toHaveLength(3);
    expect(expected[1]).toMatchObject({
      petition_id: 'XF-MAT-1',
      ordinal: 1,
      name: '证据.pdf',
      uploaded_by: 'registrar-1',
    });
    expect(await pgRows()).toEqual(expected);
  });

  it('answer the download route on either dialect, and only for the petition that keeps them', async () => {
    for (const db of [sqlite.db, pgOperations(pg.db)]) {
      expect(await keptMaterial(db, 'XF-MAT-1', 'b'.repeat(64))).toEqual({
        media_type: 'application/pdf',
        name: '证据.pdf',
        size: 2_048,
      });
      expect(await keptMaterial(db, 'XF-MAT-2', 'b'.repeat(64))).toBeUndefined();
    }
  });
});
