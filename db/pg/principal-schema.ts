/** PostgreSQL's copy of db/principal-schema.ts: the units, and the API tokens of the principals who act. */
import { sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { UNIT_KINDS } from '../../domain/petition/paths';
import { ROLES } from '../../domain/roles';
import { ms } from './columns';

/** Responsible units (责任单位), bureaus (信访部门) and the upper-level organs that review. */
export const units = pgTable('units', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: UNIT_KINDS }).notNull(),
  parentId: text('parent_id'),
});

/** API tokens, stored as SHA-256 hashes: a leaked database does not leak working tokens. */
export const apiTokens = pgTable('api_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  principalId: text('principal_id').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  unitId: text('unit_id'),
  memberId: text('member_id'),
  label: text('label'),
  createdAt: ms('created_at')
    .notNull()
    .default(sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`),
});
