/**
 * The SQLite read model (读模型). The workflows own the truth; these tables are projections of it that serve
 * lists, search and statistics, plus the API's own tables (tokens, units). Written only by the projection
 * activity (activities/projection-activities.ts), one transaction per state change.
 *
 * The full-text table `petition_search` is an FTS5 virtual table, which drizzle cannot describe: it is created
 * by the custom migration drizzle/0001_petition_search.sql (see db/search-tokens.ts for its tokens).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
  CATEGORIES,
  CHANNELS,
  DEADLINE_KINDS,
  PETITION_STATUSES,
  RATING_TARGETS,
  STAGES,
  URGE_KINDS,
  type DeadlineKind,
} from '../domain/petition/state';
import { FORWARDING_ORGANS, HANDLING_ROUTES } from '../domain/petition/paths';
import { SATISFACTION_LEVELS } from '../domain/satisfaction';
import { ms } from './columns';

export * from './calendar-schema';
export * from './panel-schema';
export * from './access-log-schema';
export * from './statistics-days-schema';
export * from './principal-schema';
export * from './notification-schema';
export * from './material-schema';
export * from './delivery-schema';

const DEADLINE_KIND_NAMES = Object.keys(DEADLINE_KINDS) as [DeadlineKind, ...DeadlineKind[]];
const APPEAL_LEVELS = ['REVIEW', 'REEXAMINATION'] as const;

/** One row per petition, the newest snapshot the workflow projected. */
export const petitions = sqliteTable(
  'petitions',
  {
    /** Stable integer key (an alias of SQLite's rowid, so VACUUM keeps it): the search index points at it. */
    num: integer('num').primaryKey(),
    id: text('id').notNull().unique(),
    workflowId: text('workflow_id').notNull(),
    status: text('status', { enum: PETITION_STATUSES }).notNull(),
    stage: text('stage', { enum: STAGES }).notNull(),
    /** The responsible unit (责任单位). */
    unitId: text('unit_id'),
    /** The organ hearing the current or last 复查 / 复核. */
    reviewUnitId: text('review_unit_id'),
    /** Who acts now: the unit, or the reviewing organ. */
    actingUnitId: text('acting_unit_id'),
    category: text('category', { enum: CATEGORIES }).notNull(),
    /**
     * An accusation's respondent unit (被检举控告单位), null for any other petition: the unit that may never read
     * it (domain/petition/accusation.ts), which every unit's list, search and statistics leave out.
     */
    accusedUnitId: text('accused_unit_id'),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    summary: text('summary').notNull(),
    content: text('content').notNull(),
    petitionerName: text('petitioner_name').notNull(),
    /** Same petitioner, same matter: what makes a petition a repeat (重复信访); see domain/matter.ts. */
    petitionerKey: text('petitioner_key').notNull(),
    matterKey: text('matter_key'),
    isRepeat: integer('is_repeat', { mode: 'boolean' }).notNull(),
    /** 初信初访: not a repeat. */
    isFirstTime: integer('is_first_time', { mode: 'boolean' }).notNull(),
    repeatOf: text('repeat_of'),
    receivedAt: ms('received_at').notNull(),
    registeredAt: ms('registered_at').notNull(),
    acceptedAt: ms('accepted_at'),
    /** The handling deadline with extensions and any paused time (办理期限). */
    handlingDueAt: ms('handling_due_at'),
    /** 办结: the first-level opinion delivered to the petitioner. */
    deliveredAt: ms('delivered_at'),
    /** 申诉求决's route of Art. 31 (domain/petition/paths.ts), once the unit chose it or replied on (六). */
    handlingRoute: text('handling_route', { enum: HANDLING_ROUTES }),
    /** The organ an item was forwarded to, to be handled under its own rules (纪检监察 Art. 30, 政法 Art. 22 ¶2). */
    forwardedTo: text('forwarded_to', { enum: FORWARDING_ORGANS }),
    /** Brought directly to its unit (Art. 23 ¶2), not through the bureau. */
    direct: integer('direct', { mode: 'boolean' }).notNull().default(false),
    /** A 复查 was asked for. */
    reviewRequested: integer('review_requested', { mode: 'boolean' }).notNull(),
    /** Some rating was given (参评). */
    rated: integer('rated', { mode: 'boolean' }).notNull().default(false),
    /**
     * When the same petitioner next raised the same matter (the earliest later repeat's registration), kept by
     * the projection of either petition: 一次性化解 then reads one row instead of searching for later ones.
     */
    repeatedAt: ms('repeated_at'),
    closedAt: ms('closed_at'),
    /** 包案领导: the leader the case is escalated to. */
    escalatedLeaderId: text('escalated_leader_id'),
    /** Meets a rule for 提级包案 and is not escalated yet: what supervisors filter on. */
    escalationProposed: integer('escalation_proposed', { mode: 'boolean' }).notNull().default(false),
    /** Earliest open deadline, hearing pauses included. */
    dueAt: ms('due_at'),
    overdue: integer('overdue', { mode: 'boolean' }).notNull(),
    /** Some duty is in its warning period (预警 given, not yet met or overdue). */
    dueSoon: integer('due_soon', { mode: 'boolean' }).notNull(),
    /** Sequence of the newest event in this row: a projection never replaces a newer row with an older one. */
    lastSeq: integer('last_seq').notNull(),
    /** The workflow's state without its timeline (domain/petition.ts PetitionState). */
    stateJson: text('state_json').notNull(),
    updatedAt: ms('updated_at').notNull(),
    /**
     * The petitioner's identifiers beside `petitioner_name`, so that a list page passes the petitioner decision
     * (api/petitioner-view.ts) on its columns without parsing the snapshot (the same values `state_json` holds).
     */
    petitionerIdNumber: text('petitioner_id_number'),
    petitionerPhone: text('petitioner_phone'),
    petitionerAddress: text('petitioner_address'),
    /**
     * Some open clock is paused (a 复核 hearing) and counted by the hour, not the day: its due moment moves
     * with the clock, so `dueAt` is read from the snapshot, not from `due_at` as projected.
     */
    duePaused: integer('due_paused', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    // Lists: newest receipts first, or soonest due, each with the unit variants units read by.
    index('petitions_received_idx').on(t.receivedAt, t.num),
    index('petitions_due_idx').on(t.dueAt, t.num),
    index('petitions_unit_received_idx').on(t.unitId, t.receivedAt, t.num),
    index('petitions_review_unit_received_idx').on(t.reviewUnitId, t.receivedAt, t.num),
    index('petitions_unit_overdue_idx').on(t.unitId, t.overdue, t.receivedAt, t.num),
    index('petitions_status_idx').on(t.status, t.receivedAt),
    index('petitions_leader_received_idx').on(t.escalatedLeaderId, t.receivedAt, t.num),
    index('petitions_proposed_received_idx').on(t.escalationProposed, t.receivedAt, t.num),
    index('petitions_repeat_idx').on(t.petitionerKey, t.matterKey, t.registeredAt),
    index('petitions_repeat_of_idx').on(t.repeatOf, t.registeredAt),
    index('petitions_overdue_idx').on(t.overdue, t.unitId),
    index('petitions_accused_idx').on(t.accusedUnitId),
    // Statistics, each figure from one covering index: period first for the city, unit first for one unit.
    index('petitions_stats_due_idx').on(t.handlingDueAt, t.unitId, t.deliveredAt),
    index('petitions_stats_unit_due_idx').on(t.unitId, t.handlingDueAt, t.deliveredAt),
    // …参评率's exclusions (api/rating-exclusions.ts) read category, handling_route and forwarded_to as well.
    index('petitions_stats_delivered_idx').on(
      t.deliveredAt,
      t.unitId,
      t.handlingDueAt,
      t.channel,
      t.rated,
      t.isFirstTime,
      t.reviewRequested,
      t.repeatedAt,
      t.category,
      t.handlingRoute,
      t.forwardedTo,
    ),
    index('petitions_stats_unit_delivered_idx').on(
      t.unitId,
      t.deliveredAt,
      t.handlingDueAt,
      t.channel,
      t.rated,
      t.isFirstTime,
      t.reviewRequested,
      t.repeatedAt,
      t.category,
      t.handlingRoute,
      t.forwardedTo,
    ),
    // 办结率 on items received and the never accepted.
    index('petitions_stats_received_idx').on(t.receivedAt, t.unitId, t.forwardedTo, t.deliveredAt, t.status),
    index('petitions_stats_unit_received_idx').on(t.unitId, t.receivedAt, t.forwardedTo, t.deliveredAt, t.status),
    index('petitions_stats_registered_idx').on(t.registeredAt, t.unitId, t.isRepeat),
    index('petitions_stats_unit_registered_idx').on(t.unitId, t.registeredAt, t.isRepeat),
    // What statistics_days cannot hold, each numerator crossing two periods, read through narrow partial indexes:
    // received in the period and 办结 before its end, and 一次性化解 with the asked repeatWindowDays. The columns of
    // their WHERE are in them too, or SQLite reads the table for each entry to check what the index already says.
    index('petitions_stats_received_open_idx')
      .on(t.receivedAt, t.unitId, t.deliveredAt, t.forwardedTo)
      .where(sql`forwarded_to IS NULL`),
    index('petitions_stats_first_time_idx')
      .on(t.deliveredAt, t.unitId, t.repeatedAt, t.isFirstTime, t.reviewRequested)
      .where(sql`is_first_time AND NOT review_requested`),
  ],
);

/** Every statutory clock of every petition, as the workflow last projected it. */
export const petitionDeadlines = sqliteTable(
  'petition_deadlines',
  {
    petitionId: text('petition_id').notNull(),
    /** Position in the petition's list of deadlines (a kind can recur after 重新办理). */
    ordinal: integer('ordinal').notNull(),
    kind: text('kind', { enum: DEADLINE_KIND_NAMES }).notNull(),
    unitId: text('unit_id'),
    startedAt: ms('started_at').notNull(),
    /** With extensions and closed pauses; a clock paused now is shown as if it restarted at projection. */
    dueAt: ms('due_at').notNull(),
    pausedMs: integer('paused_ms').notNull(),
    warnedAt: ms('warned_at'),
    metAt: ms('met_at'),
    overdueAt: ms('overdue_at'),
    lapsedAt: ms('lapsed_at'),
    /** Counted on a year without its holiday notice yet: may move when the notice is published. */
    provisional: integer('provisional', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.petitionId, t.ordinal] }),
    // 及时受理率 reads this index alone.
    index('petition_deadlines_kind_due_idx').on(t.kind, t.dueAt, t.unitId, t.metAt),
  ],
);

/** 满意度评价: every rating given, per target (bureau or unit). */
export const petitionRatings = sqliteTable(
  'petition_ratings',
  {
    petitionId: text('petition_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    target: text('target', { enum: RATING_TARGETS }).notNull(),
    level: text('level', { enum: SATISFACTION_LEVELS }).notNull(),
    unitId: text('unit_id'),
    at: ms('at').notNull(),
    /** The petition's latest rating of this target: the one 满意率 counts. */
    latest: integer('latest', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.petitionId, t.ordinal] }),
    index('petition_ratings_at_idx').on(t.at, t.target, t.latest, t.unitId, t.level),
    index('petition_ratings_unit_at_idx').on(t.unitId, t.at, t.target, t.latest, t.level),
  ],
);

/** 督办 and 催办 of every petition. */
export const petitionUrges = sqliteTable(
  'petition_urges',
  {
    petitionId: text('petition_id').notNull(),
    id: text('id').notNull(),
    kind: text('kind', { enum: URGE_KINDS }).notNull(),
    unitId: text('unit_id'),
    issuedAt: ms('issued_at').notNull(),
    dueAt: ms('due_at'),
    answeredAt: ms('answered_at'),
    overdueAt: ms('overdue_at'),
  },
  (t) => [
    primaryKey({ columns: [t.petitionId, t.id] }),
    index('petition_urges_unit_issued_idx').on(t.unitId, t.issuedAt, t.kind, t.overdueAt),
  ],
);

/** 复查 / 复核 requests. */
export const petitionAppeals = sqliteTable(
  'petition_appeals',
  {
    petitionId: text('petition_id').notNull(),
    level: text('level', { enum: APPEAL_LEVELS }).notNull(),
    requestedAt: ms('requested_at').notNull(),
    unitId: text('unit_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.level] })],
);

/** The timeline: one row per workflow event, keyed by petition and sequence (idempotent projection). */
export const petitionEvents = sqliteTable(
  'petition_events',
  {
    petitionId: text('petition_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: ms('at').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    note: text('note'),
    dataJson: text('data_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.seq] })],
);
