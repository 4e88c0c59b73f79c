/**
 * Writes one petition snapshot into the PostgreSQL read model, in one transaction, with the rows SQLite's
 * projection writes (../projection-rows.ts). Idempotent as that one: events are keyed by (petition, sequence), the
 * child tables are replaced from the snapshot, and an older snapshot than the stored row changes nothing but the
 * events it carries. Several workers may project at once, and a worker thought dead may still finish a projection
 * another has retried: the petition's row is locked for the transaction, and the upsert itself refuses an older
 * snapshot, so of two racing writers of a new petition the older one also leaves the row alone.
 */
import { and, eq, getTableColumns, gt, min, sql } from 'drizzle-orm';
import type { PetitionState, TimelineEvent } from '../../domain/petition';
import { childRows, earliest, eventRows, petitionRow, repeatKeys, searchTokens } from '../projection-rows';
import type { PgReadModel } from './connection';
import {
  petitionAppeals,
  petitionDeadlines,
  petitionEvents,
  petitionMaterials,
  petitionRatings,
  petitions,
  petitionSearch,
  petitionUrges,
} from './schema';

type Transaction = Parameters<Parameters<PgReadModel['transaction']>[0]>[0];

const { num: _num, id: _id, ...updatable } = getTableColumns(petitions);
/** Every column but the keys, from the row the INSERT proposed. */
const fromExcluded = Object.fromEntries(
  Object.entries(updatable).map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
);

/** When this petition was next repeated: the earliest later registration linked to it or on the same matter. */
async function repeatedAt(tx: Transaction, keys: ReturnType<typeof repeatKeys>): Promise<number | null> {
  const later = (condition: ReturnType<typeof and>) =>
    tx
      .select({ at: min(petitions.registeredAt) })
      .from(petitions)
      .where(and(condition, gt(petitions.registeredAt, new Date(keys.registeredAt))))
      .then((rows) => rows[0]?.at ?? null);
  return earliest([
    await later(eq(petitions.repeatOf, keys.petitionId)),
    keys.matterKey
      ? await later(and(eq(petitions.petitionerKey, keys.petitionerKey), eq(petitions.matterKey, keys.matterKey)))
      : null,
  ]);
}

/** …and, the other way round, this petition as the later one of earlier petitions. */
async function markEarlier(tx: Transaction, keys: ReturnType<typeof repeatKeys>): Promise<void> {
  const at = keys.registeredAt;
  const mark = sql`repeated_at = least(coalesce(repeated_at, ${at}), ${at})`;
  if (keys.repeatOf) {
    await tx.execute(sql`UPDATE petitions SET ${mark} WHERE id = ${keys.repeatOf} AND registered_at < ${at}`);
  }
  if (keys.matterKey) {
    await tx.execute(sql`UPDATE petitions SET ${mark}
      WHERE petitioner_key = ${keys.petitionerKey} AND matter_key = ${keys.matterKey} AND registered_at < ${at}`);
  }
}

/** A row with its instants as the `ms` columns take them: Dates instead of epoch milliseconds. */
type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: Extract<T[P], null> | (T[P] extends null ? never : Date) };

function withDates<T extends Record<string, unknown>, K extends keyof T>(row: T, keys: readonly K[]): Dated<T, K> {
  const out: Record<string, unknown> = { ...row };
  for (const key of keys) {
    const value = out[key as string];
    if (typeof value === 'number') out[key as string] = new Date(value);
  }
  return out as Dated<T, K>;
}

const PETITION_INSTANTS = [
  'receivedAt',
  'registeredAt',
  'acceptedAt',
  'handlingDueAt',
  'deliveredAt',
  'repeatedAt',
  'closedAt',
  'dueAt',
  'updatedAt',
] as const;

export async function projectPetitionStatePg(
  db: PgReadModel,
  workflowId: string,
  state: PetitionState,
  events: readonly TimelineEvent[],
  now: number = Date.now(),
): Promise<void> {
  const petitionId = state.petitionId;
  await db.transaction(async (tx) => {
    const newEvents = eventRows(petitionId, events).map((row) => withDates(row, ['at']));
    if (newEvents.length) await tx.insert(petitionEvents).values(newEvents).onConflictDoNothing();
    const [stored] = await tx
      .select({ lastSeq: petitions.lastSeq })
      .from(petitions)
      .where(eq(petitions.id, petitionId))
      .for('update');
    if (stored && stored.lastSeq > state.lastSeq) return;

    const keys = repeatKeys(state);
    const row = { ...petitionRow(workflowId, state, now), repeatedAt: await repeatedAt(tx, keys) };
    await markEarlier(tx, keys);
    const values = withDates(row, PETITION_INSTANTS);
    // A stored row (locked above) is updated, not upserted: an INSERT takes a number from the identity sequence
    // even when it ends in an UPDATE, so petitions would be numbered apart from SQLite's, whose keyset cursors
    // and ties by row number then differ. The upsert is for a first projection, which another may race.
    const [written] = stored
      ? await tx.update(petitions).set(values).where(eq(petitions.id, petitionId)).returning({ num: petitions.num })
      : await tx
          .insert(petitions)
          .values(values)
          .onConflictDoUpdate({
            target: petitions.id,
            set: fromExcluded,
            setWhere: sql`${petitions.lastSeq} <= excluded.last_seq`,
          })
          .returning({ num: petitions.num });
    if (!written) return;

    const children = childRows(state, now);
    await tx.delete(petitionDeadlines).where(eq(petitionDeadlines.petitionId, petitionId));
    const deadlineInstants = ['startedAt', 'dueAt', 'warnedAt', 'metAt', 'overdueAt', 'lapsedAt'] as const;
    if (children.deadlines.length) {
      await tx.insert(petitionDeadlines).values(children.deadlines.map((r) => withDates(r, deadlineInstants)));
    }
    await tx.delete(petitionRatings).where(eq(petitionRatings.petitionId, petitionId));
    if (children.ratings.length) {
      await tx.insert(petitionRatings).values(children.ratings.map((r) => withDates(r, ['at'] as const)));
    }
    await tx.delete(petitionUrges).where(eq(petitionUrges.petitionId, petitionId));
    const urgeInstants = ['issuedAt', 'dueAt', 'answeredAt', 'overdueAt'] as const;
    if (children.urges.length) {
      await tx.insert(petitionUrges).values(children.urges.map((r) => withDates(r, urgeInstants)));
    }
    await tx.delete(petitionAppeals).where(eq(petitionAppeals.petitionId, petitionId));
    if (children.appeals.length) {
      await tx.insert(petitionAppeals).values(children.appeals.map((r) => withDates(r, ['requestedAt'] as const)));
    }
    await tx.delete(petitionMaterials).where(eq(petitionMaterials.petitionId, petitionId));
    if (children.materials.length) {
      await tx.insert(petitionMaterials).values(children.materials.map((r) => withDates(r, ['uploadedAt'] as const)));
    }
    // The text never changes after registration: index it once.
    await tx
      .insert(petitionSearch)
      .values({ num: written.num, ...searchTokens(state) })
      .onConflictDoNothing();
  });
}
