/**
 * A petition as a list page reads it: a lean row of the columns every list field and the petitioner decision
 * need, selected instead of the snapshot (`state_json`, about 2 KB of JSON a row). The snapshot is read and
 * parsed only when a field asks for something the row does not hold, once per petition and request.
 */
import { flag, type ReadModel } from '../db/read-model';
import type {
  Category,
  Channel,
  Petitioner,
  PetitionState,
  PetitionStatus,
  Stage,
  TimelineEvent,
} from '../domain/petition';
import type { PetitionUnits } from './access';

/**
 * What the petitioner decision reads of a petition (api/petitioner-view.ts): whom it concerns, who petitioned, and
 * the texts that may quote them. A snapshot is one; a lean row makes one from its columns.
 */
export interface PetitionFacts extends PetitionUnits {
  petitionId: string;
  petitioner: Petitioner;
  summary: string;
  content: string;
}

/** What a `Petition` field resolves from. */
export interface PetitionParent {
  facts: PetitionFacts;
  /** The columns a list read; null for a petition read whole (one petition, a mutation's answer). */
  row: PetitionRow | null;
  /** The snapshot without its timeline; on a listed petition, read when first asked for. */
  readonly state: Omit<PetitionState, 'timeline'>;
  /** Its timeline when already at hand. */
  timeline: TimelineEvent[] | null;
}

/** The lean row: each value exactly what db/projection.ts wrote from the snapshot. */
export interface PetitionRow {
  num: number;
  id: string;
  status: PetitionStatus;
  stage: Stage;
  unitId: string | null;
  reviewUnitId: string | null;
  category: Category;
  /** An accusation's respondent unit, null for any other petition: all the decision asks of the respondent. */
  accusedUnitId: string | null;
  channel: Channel;
  summary: string;
  content: string;
  petitioner: Petitioner;
  isRepeat: boolean;
  repeatOf: string | null;
  receivedAt: number;
  registeredAt: number;
  acceptedAt: number | null;
  forwardedTo: NonNullable<PetitionState['forwardedTo']> | null;
  direct: boolean;
  closedAt: number | null;
  escalatedLeaderId: string | null;
  escalationProposed: boolean;
  dueAt: number | null;
  /** `dueAt` moves with a paused clock: then it is read from the snapshot. */
  duePaused: boolean;
  overdue: boolean;
  dueSoon: boolean;
}

/** The select list of a lean row, on `petitions`. */
export const ROW_COLUMNS = `num, id, status, stage, unit_id, review_unit_id, category, accused_unit_id,
  channel, summary, content, petitioner_name, petitioner_id_number, petitioner_phone,
  petitioner_address, is_repeat, repeat_of, received_at, registered_at, accepted_at, forwarded_to,
  direct, closed_at, escalated_leader_id, escalation_proposed, due_at, due_paused, overdue, due_soon`;

/** What a page selects where the read model cannot read a snapshot at once (db/read-model.ts `snapshotNow`). */
export const ROW_COLUMNS_WITH_SNAPSHOT = `${ROW_COLUMNS}, state_json`;

export function rowColumns(db: ReadModel): string {
  return db.snapshotNow ? ROW_COLUMNS : ROW_COLUMNS_WITH_SNAPSHOT;
}

/** A row of ROW_COLUMNS as the driver returns it. */
export type RawRow = Record<string, string | number | null>;

// Read at module level, not as closures inside toRow: tsx names every closure it makes (esbuild's keepNames), a
// property definition each, which for two closures a row cost more than the row's own fields.
const text = (r: RawRow, column: string) => r[column] as string;
const orNull = <T>(r: RawRow, column: string) => r[column] as T | null;

export function toRow(r: RawRow): PetitionRow {
  return {
    num: r.num as number,
    id: text(r, 'id'),
    status: text(r, 'status') as PetitionStatus,
    stage: text(r, 'stage') as Stage,
    unitId: orNull(r, 'unit_id'),
    reviewUnitId: orNull(r, 'review_unit_id'),
    category: text(r, 'category') as Category,
    accusedUnitId: orNull(r, 'accused_unit_id'),
    channel: text(r, 'channel') as Channel,
    summary: text(r, 'summary'),
    content: text(r, 'content'),
    petitioner: {
      name: text(r, 'petitioner_name'),
      idNumber: orNull(r, 'petitioner_id_number'),
      phone: orNull(r, 'petitioner_phone'),
      address: orNull(r, 'petitioner_address'),
    },
    isRepeat: flag(r.is_repeat),
    repeatOf: orNull(r, 'repeat_of'),
    receivedAt: r.received_at as number,
    registeredAt: r.registered_at as number,
    acceptedAt: orNull(r, 'accepted_at'),
    forwardedTo: orNull(r, 'forwarded_to'),
    direct: flag(r.direct),
    closedAt: orNull(r, 'closed_at'),
    escalatedLeaderId: orNull(r, 'escalated_leader_id'),
    escalationProposed: flag(r.escalation_proposed),
    dueAt: orNull(r, 'due_at'),
    duePaused: flag(r.due_paused),
    overdue: flag(r.overdue),
    dueSoon: flag(r.due_soon),
  };
}

/** The decision's facts from the row: an accusation's respondent is its accused unit, and no other's matters. */
function factsOf(row: PetitionRow): PetitionFacts {
  return {
    petitionId: row.id,
    unitId: row.unitId,
    reviewUnitId: row.reviewUnitId,
    category: row.category,
    respondentUnitId: row.accusedUnitId,
    escalation: row.escalatedLeaderId === null ? null : { leaderId: row.escalatedLeaderId },
    petitioner: row.petitioner,
    summary: row.summary,
    content: row.content,
  };
}

type Snapshot = PetitionParent['state'];

class ListedPetition implements PetitionParent {
  readonly facts: PetitionFacts;
  readonly timeline: TimelineEvent[] | null = null;
  #state: Snapshot | undefined;
  constructor(
    readonly row: PetitionRow,
    private readonly snapshot: (num: number) => Snapshot,
  ) {
    this.facts = factsOf(row);
  }
  get state(): Snapshot {
    return (this.#state ??= this.snapshot(this.row.num));
  }
}

/**
 * The snapshot of a listed row: at once from SQLite when a field first asks for it; on a driver that cannot read at
 * once (PostgreSQL), the page selected it with the row (`ROW_COLUMNS_WITH_SNAPSHOT`).
 */
export function listedPetition(db: ReadModel, raw: RawRow): PetitionParent {
  const inRow = raw.state_json;
  return new ListedPetition(toRow(raw), (num) => {
    const json = typeof inRow === 'string' ? inRow : db.snapshotNow?.(num);
    // A lean row's petition is never deleted.
    if (json === undefined) throw new Error(`petition row ${num} is gone from the read model`);
    return JSON.parse(json) as Snapshot;
  });
}

export function wholePetition(state: Snapshot, timeline: TimelineEvent[] | null): PetitionParent {
  return { facts: state, row: null, state, timeline };
}
