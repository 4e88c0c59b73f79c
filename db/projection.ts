/**
 * Writes one petition snapshot into the read model, in one transaction. Idempotent: events are keyed by
 * (petition, sequence), the child tables are replaced from the snapshot, and a snapshot older than the stored
 * row changes nothing but the events it carries. Used by the projection activity and by the rebuild.
 */
import { eq, sql } from 'drizzle-orm';
import { matterKey, petitionerKey } from '../domain/matter';
import { projectedDue } from '../domain/pausable-deadline';
import { actingUnitId, currentDueAt, isDueSoon, isOverdue, type PetitionState, type TimelineEvent } from '../domain/petition';
import type { ReadModel } from './connection';
import { petitionAppeals, petitionDeadlines, petitionEvents, petitionRatings, petitions } from './schema';
import { bigramTokens, unigramTokens } from './search-tokens';

const date = (t: number | null | undefined) => (t == null ? null : new Date(t));

export function projectPetitionState(
  db: ReadModel,
  workflowId: string,
  state: PetitionState,
  events: readonly TimelineEvent[],
  now: number = Date.now(),
): void {
  const { timeline: _timeline, ...rest } = state;
  const handling = state.deadlines.filter((d) => d.kind === 'HANDLING').at(-1);
  const delivered = state.opinions.find((o) => o.level === 'HANDLING');
  db.transaction((tx) => {
    for (const e of events) {
      tx.insert(petitionEvents)
        .values({
          petitionId: state.petitionId,
          seq: e.seq,
          type: e.type,
          at: new Date(e.at),
          actorId: e.actor?.id ?? null,
          actorRole: e.actor?.role ?? null,
          note: e.note,
          dataJson: JSON.stringify(e.data),
        })
        .onConflictDoNothing()
        .run();
    }
    const stored = tx.select({ num: petitions.num, lastSeq: petitions.lastSeq }).from(petitions).where(eq(petitions.id, state.petitionId)).get();
    if (stored && stored.lastSeq > state.lastSeq) return;

    const row = {
      id: state.petitionId,
      workflowId,
      status: state.status,
      stage: state.stage,
      unitId: state.unitId,
      reviewUnitId: state.reviewUnitId,
      actingUnitId: actingUnitId(state),
      category: state.category,
      channel: state.channel,
      summary: state.summary,
      content: state.content,
      petitionerName: state.petitioner.name,
      petitionerKey: petitionerKey(state.petitioner),
      matterKey: matterKey(state.category, state.respondentUnitId),
      isRepeat: state.repeatOf !== null,
      isFirstTime: state.repeatOf === null,
      repeatOf: state.repeatOf?.petitionId ?? null,
      receivedAt: new Date(state.receivedAt),
      registeredAt: new Date(state.registeredAt),
      acceptedAt: date(state.acceptedAt),
      handlingDueAt: date(handling && projectedDue(handling, now)),
      deliveredAt: date(delivered?.deliveredAt),
      reviewRequested: state.appeals.some((a) => a.level === 'REVIEW'),
      closedAt: date(state.closedAt),
      dueAt: date(currentDueAt(state, now)),
      overdue: isOverdue(state),
      dueSoon: isDueSoon(state),
      lastSeq: state.lastSeq,
      stateJson: JSON.stringify(rest),
      updatedAt: new Date(now),
    };
    const { id: _id, ...update } = row;
    const { num } = tx
      .insert(petitions)
      .values(row)
      .onConflictDoUpdate({ target: petitions.id, set: update })
      .returning({ num: petitions.num })
      .get();

    tx.delete(petitionDeadlines).where(eq(petitionDeadlines.petitionId, state.petitionId)).run();
    state.deadlines.forEach((d, ordinal) => {
      tx.insert(petitionDeadlines)
        .values({
          petitionId: state.petitionId,
          ordinal,
          kind: d.kind,
          unitId: d.kind === 'REVIEW' || d.kind === 'REEXAMINATION' ? state.reviewUnitId : state.unitId,
          startedAt: new Date(d.startedAt),
          dueAt: new Date(projectedDue(d, now)),
          pausedMs: d.pausedMs,
          warnedAt: date(d.warnedAt),
          metAt: date(d.metAt),
          overdueAt: date(d.overdueAt),
          lapsedAt: date(d.lapsedAt),
        })
        .run();
    });
    tx.delete(petitionRatings).where(eq(petitionRatings.petitionId, state.petitionId)).run();
    state.ratings.forEach((r, ordinal) => {
      tx.insert(petitionRatings)
        .values({ petitionId: state.petitionId, ordinal, target: r.target, level: r.level, unitId: state.unitId, at: new Date(r.at) })
        .run();
    });
    tx.delete(petitionAppeals).where(eq(petitionAppeals.petitionId, state.petitionId)).run();
    for (const a of state.appeals) {
      tx.insert(petitionAppeals).values({ petitionId: state.petitionId, level: a.level, requestedAt: new Date(a.requestedAt), unitId: a.unitId }).run();
    }
    // The text never changes after registration: index it once.
    const indexed = tx.get<{ rowid: number }>(sql`SELECT rowid FROM petition_search WHERE rowid = ${num}`);
    if (!indexed) {
      const text = `${state.summary}\n${state.content}`;
      tx.run(sql`INSERT INTO petition_search (rowid, bigrams, unigrams) VALUES (${num}, ${bigramTokens(text)}, ${unigramTokens(text)})`);
    }
  });
}
