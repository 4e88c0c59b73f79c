/** PostgreSQL's copy of db/panel-schema.ts: the tables of third-party evaluation panels (第三方评议). */
import { boolean, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { PANEL_STATUSES, PANELIST_KINDS } from '../../domain/evaluation';
import { SATISFACTION_LEVELS } from '../../domain/satisfaction';
import { ms } from './columns';

/** 评议会: third-party evaluation panels (第三方评议), as their workflows last projected them. */
export const panels = pgTable(
  'panels',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    status: text('status', { enum: PANEL_STATUSES }).notNull(),
    quorum: integer('quorum').notNull(),
    convenedAt: ms('convened_at').notNull(),
    convenedBy: text('convened_by').notNull(),
    deadlineAt: ms('deadline_at').notNull(),
    closedAt: ms('closed_at'),
    version: integer('version').notNull(),
  },
  (t) => [index('panels_closed_idx').on(t.closedAt)],
);

export const panelMembers = pgTable(
  'panel_members',
  {
    panelId: text('panel_id').notNull(),
    memberId: text('member_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: PANELIST_KINDS }).notNull(),
    /** Voted at least once (the column predates recorded presence: an attendance is `present`). */
    attended: boolean('attended').notNull(),
    /** Present at the panel (到会), voting or not; a voter was present: an attendance (参评委员人次). */
    present: boolean('present').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.panelId, t.memberId] }), index('panel_members_member_idx').on(t.memberId)],
);

/** The cases before a panel and, once it closed, each one's verdict (null: quorum not reached). */
export const panelCases = pgTable(
  'panel_cases',
  {
    panelId: text('panel_id').notNull(),
    petitionId: text('petition_id').notNull(),
    /** The order the supervisor listed the cases in. */
    ordinal: integer('ordinal').notNull(),
    verdict: text('verdict', { enum: SATISFACTION_LEVELS }),
    votes: integer('votes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.panelId, t.petitionId] }), index('panel_cases_petition_idx').on(t.petitionId)],
);

/** Each member's verdict on each case. */
export const evaluations = pgTable(
  'evaluations',
  {
    panelId: text('panel_id').notNull(),
    memberId: text('member_id').notNull(),
    petitionId: text('petition_id').notNull(),
    verdict: text('verdict', { enum: SATISFACTION_LEVELS }).notNull(),
    comment: text('comment'),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.panelId, t.memberId, t.petitionId] })],
);
