/**
 * The SQLite read model (读模型). The workflows own the truth; these tables are projections of it that serve
 * lists, search and statistics, plus the API's own tables (tokens, units).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per petition, the newest snapshot the workflow projected. */
export const petitions = sqliteTable(
  'petitions',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    status: text('status').notNull(),
    stage: text('stage').notNull(),
    /** The responsible unit (责任单位). */
    unitId: text('unit_id'),
    /** The organ hearing the current 复查 or 复核. */
    reviewUnitId: text('review_unit_id'),
    /** Who acts now: the unit, or the reviewing organ. */
    actingUnitId: text('acting_unit_id'),
    category: text('category').notNull(),
    channel: text('channel').notNull(),
    summary: text('summary').notNull(),
    content: text('content').notNull(),
    petitionerName: text('petitioner_name').notNull(),
    /** Same petitioner, same matter: what makes a petition a repeat (重复信访); see domain/matter.ts. */
    petitionerKey: text('petitioner_key').notNull(),
    matterKey: text('matter_key'),
    isRepeat: integer('is_repeat', { mode: 'boolean' }).notNull(),
    repeatOf: text('repeat_of'),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    registeredAt: integer('registered_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    /** 办结: the first-level opinion delivered to the petitioner. */
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** Earliest open deadline, hearing pauses included. */
    dueAt: integer('due_at', { mode: 'timestamp_ms' }),
    overdue: integer('overdue', { mode: 'boolean' }).notNull(),
    /** Some duty is in its warning period (预警 given, not yet met or overdue). */
    dueSoon: integer('due_soon', { mode: 'boolean' }).notNull(),
    /** Sequence of the newest event in this row: a projection never replaces a newer row with an older one. */
    lastSeq: integer('last_seq').notNull(),
    /** The workflow's state without its timeline (domain/petition.ts PetitionState). */
    stateJson: text('state_json').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('petitions_status_idx').on(t.status),
    index('petitions_unit_idx').on(t.unitId),
    index('petitions_received_idx').on(t.receivedAt),
    index('petitions_due_idx').on(t.dueAt),
    index('petitions_review_unit_idx').on(t.reviewUnitId),
    index('petitions_repeat_idx').on(t.petitionerKey, t.matterKey),
  ],
);

/** The timeline: one row per workflow event, keyed by petition and sequence (idempotent projection). */
export const petitionEvents = sqliteTable(
  'petition_events',
  {
    petitionId: text('petition_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    note: text('note'),
    dataJson: text('data_json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.seq] })],
);

/** Responsible units (责任单位), bureaus (信访部门) and the upper-level organs that review. */
export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['BUREAU', 'UNIT', 'ORGAN'] }).notNull(),
  parentId: text('parent_id'),
});

/** API tokens, stored as SHA-256 hashes: a leaked database does not leak working tokens. */
export const apiTokens = sqliteTable('api_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  principalId: text('principal_id').notNull(),
  role: text('role').notNull(),
  unitId: text('unit_id'),
  memberId: text('member_id'),
  label: text('label'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});
