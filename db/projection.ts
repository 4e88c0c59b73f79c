/**
 * Writes one petition snapshot into the SQLite read model, in one transaction (the rows: ./projection-rows.ts). Idempotent: events are keyed by
 * (petition, sequence), the child tables are replaced from the snapshot, and a snapshot older than the stored
 * row changes nothing but the events it carries. Used by the projection activity, the rebuild and the seeder.
 *
 * The statements are prepared once per database (drizzle placeholders), so a bulk load spends its time in
 * SQLite rather than in building the same SQL again.
 */
import { and, eq, getTableColumns, gt, min, sql, type SQL } from 'drizzle-orm';
import type { PetitionState, TimelineEvent } from '../domain/petition';
import type { SqliteDatabase } from './connection';
import {
  petitionAppeals,
  petitionDeadlines,
  petitionEvents,
  petitionMaterials,
  petitionRatings,
  petitions,
  petitionUrges,
} from './schema';
import { childRows, earliest, eventRows, petitionRow, repeatKeys, searchTokens } from './projection-rows';

/**
 * `{ column: placeholder }` for every column of a table: one prepared INSERT serves every row. Wrapped in `sql`
 * so drizzle binds the values as given (its column encoders reject null placeholders): the caller passes what
 * SQLite stores, epoch milliseconds for times and 0/1 for flags.
 */
function placeholders<T extends Record<string, unknown>>(columns: T): { [K in keyof T]: SQL } {
  return Object.fromEntries(Object.keys(columns).map((key) => [key, sql`${sql.placeholder(key)}`])) as never;
}

function prepareStatements(db: SqliteDatabase) {
  const { num: _num, ...petitionColumns } = getTableColumns(petitions);
  const { id: _id, ...updatable } = petitionColumns;
  const byPetition = { petitionId: sql.placeholder('petitionId') };
  return {
    insertEvent: db
      .insert(petitionEvents)
      .values(placeholders(getTableColumns(petitionEvents)))
      .onConflictDoNothing()
      .prepare(),
    storedSeq: db
      .select({ lastSeq: petitions.lastSeq })
      .from(petitions)
      .where(eq(petitions.id, sql.placeholder('id')))
      .prepare(),
    upsertPetition: db
      .insert(petitions)
      .values(placeholders(petitionColumns))
      .onConflictDoUpdate({
        target: petitions.id,
        set: Object.fromEntries(
          Object.entries(updatable).map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
        ),
      })
      .returning({ num: petitions.num })
      .prepare(),
    deleteDeadlines: db
      .delete(petitionDeadlines)
      .where(eq(petitionDeadlines.petitionId, byPetition.petitionId))
      .prepare(),
    insertDeadline: db
      .insert(petitionDeadlines)
      .values(placeholders(getTableColumns(petitionDeadlines)))
      .prepare(),
    deleteRatings: db.delete(petitionRatings).where(eq(petitionRatings.petitionId, byPetition.petitionId)).prepare(),
    insertRating: db
      .insert(petitionRatings)
      .values(placeholders(getTableColumns(petitionRatings)))
      .prepare(),
    deleteUrges: db.delete(petitionUrges).where(eq(petitionUrges.petitionId, byPetition.petitionId)).prepare(),
    insertUrge: db
      .insert(petitionUrges)
      .values(placeholders(getTableColumns(petitionUrges)))
      .prepare(),
    deleteAppeals: db.delete(petitionAppeals).where(eq(petitionAppeals.petitionId, byPetition.petitionId)).prepare(),
    insertAppeal: db
      .insert(petitionAppeals)
      .values(placeholders(getTableColumns(petitionAppeals)))
      .prepare(),
    deleteMaterials: db
      .delete(petitionMaterials)
      .where(eq(petitionMaterials.petitionId, byPetition.petitionId))
      .prepare(),
    insertMaterial: db
      .insert(petitionMaterials)
      .values(placeholders(getTableColumns(petitionMaterials)))
      .prepare(),
    // 一次性化解: the earliest later petition of the same petitioner on the same matter, or linked to this one.
    laterLinked: db
      .select({ at: min(petitions.registeredAt) })
      .from(petitions)
      .where(
        and(
          eq(petitions.repeatOf, sql.placeholder('id')),
          gt(petitions.registeredAt, sql`${sql.placeholder('registeredAt')}`),
        ),
      )
      .prepare(),
    laterSameMatter: db
      .select({ at: min(petitions.registeredAt) })
      .from(petitions)
      .where(
        and(
          eq(petitions.petitionerKey, sql.placeholder('petitionerKey')),
          eq(petitions.matterKey, sql.placeholder('matterKey')),
          gt(petitions.registeredAt, sql`${sql.placeholder('registeredAt')}`),
        ),
      )
      .prepare(),
    // …and, the other way round, this petition as the later one of earlier petitions.
    markLinkedEarlier: db.$client.prepare<{ repeatOf: string; registeredAt: number }>(
      'UPDATE petitions SET repeated_at = min(coalesce(repeated_at, :registeredAt), :registeredAt) WHERE id = :repeatOf AND registered_at < :registeredAt',
    ),
    markSameMatterEarlier: db.$client.prepare<{ petitionerKey: string; matterKey: string; registeredAt: number }>(
      `UPDATE petitions SET repeated_at = min(coalesce(repeated_at, :registeredAt), :registeredAt)
       WHERE petitioner_key = :petitionerKey AND matter_key = :matterKey AND registered_at < :registeredAt`,
    ),
    // The FTS5 table is not a drizzle table (drizzle/0001_petition_search.sql).
    searchIndexed: db.$client.prepare<[number], { rowid: number }>('SELECT rowid FROM petition_search WHERE rowid = ?'),
    insertSearch: db.$client.prepare<[number, string, string]>(
      'INSERT INTO petition_search (rowid, bigrams, unigrams) VALUES (?, ?, ?)',
    ),
  };
}

const prepared = new WeakMap<SqliteDatabase, ReturnType<typeof prepareStatements>>();

function statementsFor(db: SqliteDatabase) {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = prepareStatements(db)));
  return statements;
}

/** SQLite stores a flag as 0 or 1, and the prepared statements bind values as given. */
function forSqlite<T extends Record<string, unknown>>(row: T): T {
  const out: Record<string, unknown> = { ...row };
  for (const key in out) if (typeof out[key] === 'boolean') out[key] = out[key] ? 1 : 0;
  return out as T;
}

export function projectPetitionState(
  db: SqliteDatabase,
  workflowId: string,
  state: PetitionState,
  events: readonly TimelineEvent[],
  now: number = Date.now(),
): void {
  const s = statementsFor(db);
  const petitionId = state.petitionId;
  db.transaction(() => {
    for (const row of eventRows(petitionId, events)) s.insertEvent.run(row);
    const stored = s.storedSeq.get({ id: petitionId });
    if (stored && stored.lastSeq > state.lastSeq) return;

    const keys = repeatKeys(state);
    const { registeredAt, matterKey } = keys;
    const repeatedAt = earliest([
      s.laterLinked.get({ id: petitionId, registeredAt })?.at,
      matterKey ? s.laterSameMatter.get({ petitionerKey: keys.petitionerKey, matterKey, registeredAt })?.at : null,
    ]);
    if (keys.repeatOf) s.markLinkedEarlier.run({ repeatOf: keys.repeatOf, registeredAt });
    if (matterKey) s.markSameMatterEarlier.run({ petitionerKey: keys.petitionerKey, matterKey, registeredAt });

    const { num } = s.upsertPetition.get(forSqlite({ ...petitionRow(workflowId, state, now), repeatedAt }))!;
    const children = childRows(state, now);
    s.deleteDeadlines.run({ petitionId });
    for (const row of children.deadlines) s.insertDeadline.run(forSqlite(row));
    s.deleteRatings.run({ petitionId });
    for (const row of children.ratings) s.insertRating.run(forSqlite(row));
    s.deleteUrges.run({ petitionId });
    for (const row of children.urges) s.insertUrge.run(row);
    s.deleteAppeals.run({ petitionId });
    for (const row of children.appeals) s.insertAppeal.run(row);
    s.deleteMaterials.run({ petitionId });
    for (const row of children.materials) s.insertMaterial.run(row);
    if (!s.searchIndexed.get(num)) {
      const tokens = searchTokens(state);
      s.insertSearch.run(num, tokens.bigrams, tokens.unigrams);
    }
  });
}
