/**
 * Writes one petition snapshot into the read model, in one transaction. Idempotent: events are keyed by
 * (petition, sequence), the child tables are replaced from the snapshot, and a snapshot older than the stored
 * row changes nothing but the events it carries. Used by the projection activity, the rebuild and the seeder.
 *
 * The statements are prepared once per database (drizzle placeholders), so a bulk load spends its time in
 * SQLite rather than in building the same SQL again.
 */
import { and, eq, getTableColumns, gt, min, sql, type SQL } from 'drizzle-orm';
import { matterKey, petitionerKey } from '../domain/matter';
import { projectedDue } from '../domain/pausable-deadline';
import { accusedUnitOf } from '../domain/petition/accusation';
import { handledAt, projectedRoute } from '../domain/petition/kind-paths';
import {
  actingUnitId,
  currentDueAt,
  isDueSoon,
  isOverdue,
  type PetitionState,
  type TimelineEvent,
} from '../domain/petition';
import type { ReadModel } from './connection';
import {
  petitionAppeals,
  petitionDeadlines,
  petitionEvents,
  petitionRatings,
  petitions,
  petitionUrges,
} from './schema';
import { dueMovesWithClock } from './lean-columns';
import { bigramTokens, unigramTokens } from './search-tokens';

/**
 * `{ column: placeholder }` for every column of a table: one prepared INSERT serves every row. Wrapped in `sql`
 * so drizzle binds the values as given (its column encoders reject null placeholders): the caller passes what
 * SQLite stores, epoch milliseconds for times and 0/1 for flags.
 */
function placeholders<T extends Record<string, unknown>>(columns: T): { [K in keyof T]: SQL } {
  return Object.fromEntries(Object.keys(columns).map((key) => [key, sql`${sql.placeholder(key)}`])) as never;
}

const flag = (value: boolean) => (value ? 1 : 0);

function prepareStatements(db: ReadModel) {
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

const prepared = new WeakMap<ReadModel, ReturnType<typeof prepareStatements>>();

function statementsFor(db: ReadModel) {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = prepareStatements(db)));
  return statements;
}

export function projectPetitionState(
  db: ReadModel,
  workflowId: string,
  state: PetitionState,
  events: readonly TimelineEvent[],
  now: number = Date.now(),
): void {
  const s = statementsFor(db);
  const petitionId = state.petitionId;
  const { timeline: _timeline, ...rest } = state;
  const handling = state.deadlines.filter((d) => d.kind === 'HANDLING').at(-1);
  db.transaction(() => {
    for (const e of events) {
      s.insertEvent.run({
        petitionId,
        seq: e.seq,
        type: e.type,
        at: e.at,
        actorId: e.actor?.id ?? null,
        actorRole: e.actor?.role ?? null,
        note: e.note,
        dataJson: JSON.stringify(e.data),
      });
    }
    const stored = s.storedSeq.get({ id: petitionId });
    if (stored && stored.lastSeq > state.lastSeq) return;

    const who = petitionerKey(state.petitioner);
    const matter = matterKey(state.category, state.respondentUnitId);
    const registeredAt = state.registeredAt;
    const laterAt = [
      s.laterLinked.get({ id: petitionId, registeredAt })?.at,
      matter ? s.laterSameMatter.get({ petitionerKey: who, matterKey: matter, registeredAt })?.at : null,
    ]
      .map((at) => (at == null ? null : at instanceof Date ? at.getTime() : Number(at)))
      .filter((at): at is number => at !== null);
    if (state.repeatOf) s.markLinkedEarlier.run({ repeatOf: state.repeatOf.petitionId, registeredAt });
    if (matter) s.markSameMatterEarlier.run({ petitionerKey: who, matterKey: matter, registeredAt });

    const { num } = s.upsertPetition.get({
      id: petitionId,
      workflowId,
      status: state.status,
      stage: state.stage,
      unitId: state.unitId,
      reviewUnitId: state.reviewUnitId,
      actingUnitId: actingUnitId(state),
      category: state.category,
      accusedUnitId: accusedUnitOf(state),
      channel: state.channel,
      summary: state.summary,
      content: state.content,
      petitionerName: state.petitioner.name,
      petitionerKey: who,
      matterKey: matter,
      isRepeat: flag(state.repeatOf !== null),
      isFirstTime: flag(state.repeatOf === null),
      repeatOf: state.repeatOf?.petitionId ?? null,
      receivedAt: state.receivedAt,
      registeredAt: state.registeredAt,
      acceptedAt: state.acceptedAt,
      handlingRoute: projectedRoute(state),
      forwardedTo: state.forwardedTo ?? null,
      direct: flag(state.direct === true),
      // A clock withdrawn (Art. 31 (五) leaves Art. 34's 60 days) sets no handling deadline.
      handlingDueAt: handling && handling.lapsedAt === null ? projectedDue(handling, now) : null,
      deliveredAt: handledAt(state),
      reviewRequested: flag(state.appeals.some((a) => a.level === 'REVIEW')),
      rated: flag(state.ratings.length > 0),
      repeatedAt: laterAt.length ? Math.min(...laterAt) : null,
      closedAt: state.closedAt,
      escalatedLeaderId: state.escalation?.leaderId ?? null,
      escalationProposed: flag(state.escalationProposedAt !== null && state.escalation === null),
      dueAt: currentDueAt(state, now),
      overdue: flag(isOverdue(state)),
      dueSoon: flag(isDueSoon(state)),
      lastSeq: state.lastSeq,
      stateJson: JSON.stringify(rest),
      updatedAt: now,
      petitionerIdNumber: state.petitioner.idNumber,
      petitionerPhone: state.petitioner.phone,
      petitionerAddress: state.petitioner.address,
      duePaused: flag(dueMovesWithClock(state)),
    })!;

    s.deleteDeadlines.run({ petitionId });
    state.deadlines.forEach((d, ordinal) => {
      s.insertDeadline.run({
        petitionId,
        ordinal,
        kind: d.kind,
        unitId: d.kind === 'REVIEW' || d.kind === 'REEXAMINATION' ? state.reviewUnitId : state.unitId,
        startedAt: d.startedAt,
        dueAt: projectedDue(d, now),
        pausedMs: d.pausedMs,
        warnedAt: d.warnedAt,
        metAt: d.metAt,
        overdueAt: d.overdueAt,
        lapsedAt: d.lapsedAt,
        provisional: flag(d.provisional ?? false),
      });
    });
    s.deleteRatings.run({ petitionId });
    state.ratings.forEach((r, ordinal) => {
      const latest = !state.ratings.slice(ordinal + 1).some((later) => later.target === r.target);
      s.insertRating.run({
        petitionId,
        ordinal,
        target: r.target,
        level: r.level,
        unitId: state.unitId,
        at: r.at,
        latest: flag(latest),
      });
    });
    s.deleteUrges.run({ petitionId });
    for (const u of state.urges) {
      s.insertUrge.run({
        petitionId,
        id: u.id,
        kind: u.kind,
        unitId: u.unitId,
        issuedAt: u.issuedAt,
        dueAt: u.dueAt,
        answeredAt: u.answeredAt,
        overdueAt: u.overdueAt,
      });
    }
    s.deleteAppeals.run({ petitionId });
    for (const a of state.appeals) {
      s.insertAppeal.run({ petitionId, level: a.level, requestedAt: a.requestedAt, unitId: a.unitId });
    }
    // The text never changes after registration: index it once.
    if (!s.searchIndexed.get(num)) {
      const text = `${state.summary}\n${state.content}`;
      s.insertSearch.run(num, bigramTokens(text), unigramTokens(text));
    }
  });
}
