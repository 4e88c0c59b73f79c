/**
 * 材料 kept with each petition: PostgreSQL's copy of db/material-schema.ts, column for column.
 */
import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { MATERIAL_KINDS, MATERIAL_MEDIA_TYPES } from '../../domain/petition/materials';
import { ms } from './columns';

export const petitionMaterials = pgTable(
  'petition_materials',
  {
    petitionId: text('petition_id').notNull(),
    hash: text('hash').notNull(),
    ordinal: integer('ordinal').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type', { enum: MATERIAL_MEDIA_TYPES }).notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: MATERIAL_KINDS }).notNull(),
    note: text('note'),
    uploadedAt: ms('uploaded_at').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.hash] }), index('petition_materials_hash_idx').on(t.hash)],
);
