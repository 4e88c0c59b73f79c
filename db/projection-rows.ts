/**
 * What a petition's projection writes, as plain rows: the same for both dialects of the read model, which differ
 * only in how they write them (db/projection.ts for SQLite, db/pg/projection.ts for PostgreSQL). Instants are epoch
 * milliseconds and flags booleans; `repeatedAt` is left to the writer, which reads it from the other petitions.
 */
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
import { dueMovesWithClock } from './lean-columns';
import { bigramTokens, unigramTokens } from './search-tokens';

export function eventRows(petitionId: string, events: readonly TimelineEvent[]) {
  return events.map((e) => ({
    petitionId,
    seq: e.seq,
    type: e.type,
    at: e.at,
    actorId: e.actor?.id ?? null,
    actorRole: e.actor?.role ?? null,
    note: e.note,
    dataJson: JSON.stringify(e.data),
  }));
}

/** The keys that link a petition to its earlier and later repeats (一次性化解), which the writer looks up. */
export function repeatKeys(state: PetitionState) {
  return {
    petitionId: state.petitionId,
    petitionerKey: petitionerKey(state.petitioner),
    matterKey: matterKey(state.category, state.respondentUnitId),
    registeredAt: state.registeredAt,
    repeatOf: state.repeatOf?.petitionId ?? null,
  };
}

export function petitionRow(workflowId: string, state: PetitionState, now: number) {
  const { timeline: _timeline, ...rest } = state;
  const keys = repeatKeys(state);
  const handling = state.deadlines.filter((d) => d.kind === 'HANDLING').at(-1);
  return {
    id: state.petitionId,
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
    petitionerKey: keys.petitionerKey,
    matterKey: keys.matterKey,
    isRepeat: state.repeatOf !== null,
    isFirstTime: state.repeatOf === null,
    repeatOf: keys.repeatOf,
    receivedAt: state.receivedAt,
    registeredAt: state.registeredAt,
    acceptedAt: state.acceptedAt,
    handlingRoute: projectedRoute(state),
    forwardedTo: state.forwardedTo ?? null,
    direct: state.direct === true,
    // A clock withdrawn (Art. 31 (五) leaves Art. 34's 60 days) sets no handling deadline.
    handlingDueAt: handling && handling.lapsedAt === null ? projectedDue(handling, now) : null,
    deliveredAt: handledAt(state),
    reviewRequested: state.appeals.some((a) => a.level === 'REVIEW'),
    rated: state.ratings.length > 0,
    closedAt: state.closedAt,
    escalatedLeaderId: state.escalation?.leaderId ?? null,
    escalationProposed: state.escalationProposedAt !== null && state.escalation === null,
    dueAt: currentDueAt(state, now),
    overdue: isOverdue(state),
    dueSoon: isDueSoon(state),
    lastSeq: state.lastSeq,
    stateJson: JSON.stringify(rest),
    updatedAt: now,
    petitionerIdNumber: state.petitioner.idNumber,
    petitionerPhone: state.petitioner.phone,
    petitionerAddress: state.petitioner.address,
    duePaused: dueMovesWithClock(state),
  };
}

/** The child tables, replaced whole from the snapshot on every projection. */
export function childRows(state: PetitionState, now: number) {
  const petitionId = state.petitionId;
  return {
    deadlines: state.deadlines.map((d, ordinal) => ({
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
      provisional: d.provisional ?? false,
    })),
    ratings: state.ratings.map((r, ordinal) => ({
      petitionId,
      ordinal,
      target: r.target,
      level: r.level,
      unitId: state.unitId,
      at: r.at,
      latest: !state.ratings.slice(ordinal + 1).some((later) => later.target === r.target),
    })),
    urges: state.urges.map((u) => ({
      petitionId,
      id: u.id,
      kind: u.kind,
      unitId: u.unitId,
      issuedAt: u.issuedAt,
      dueAt: u.dueAt,
      answeredAt: u.answeredAt,
      overdueAt: u.overdueAt,
    })),
    appeals: state.appeals.map((a) => ({ petitionId, level: a.level, requestedAt: a.requestedAt, unitId: a.unitId })),
    materials: (state.materials ?? []).map((m, ordinal) => ({
      petitionId,
      hash: m.hash,
      ordinal,
      size: m.size,
      mediaType: m.mediaType,
      name: m.name,
      kind: m.kind,
      note: m.note,
      uploadedAt: m.uploadedAt,
      uploadedBy: m.uploadedBy.id,
    })),
  };
}

/** The full-text index's two token strings, written once: the text never changes after registration. */
export function searchTokens(state: Pick<PetitionState, 'summary' | 'content'>) {
  const text = `${state.summary}\n${state.content}`;
  return { bigrams: bigramTokens(text), unigrams: unigramTokens(text) };
}

/** Of the later registrations found (null where none), the earliest: when this petition was next repeated. */
export function earliest(found: readonly (Date | number | string | null | undefined)[]): number | null {
  const at = found
    .map((v) => (v == null ? null : v instanceof Date ? v.getTime() : Number(v)))
    .filter((v): v is number => v !== null);
  return at.length ? Math.min(...at) : null;
}
