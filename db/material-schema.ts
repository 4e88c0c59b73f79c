/**
 * 材料: the files kept with each petition, as described in its history (domain/petition/materials.ts); the files
 * themselves are in the API's encrypted store (api/material-store.ts). A projection: replaced from each snapshot,
 * rebuilt from the histories.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { MATERIAL_KINDS, MATERIAL_MEDIA_TYPES } from '../domain/petition/materials';
import { ms } from './columns';

export const petitionMaterials = sqliteTable(
  'petition_materials',
  {
    petitionId: text('petition_id').notNull(),
    /** The content id: the file's keyed hash and its name in the store. */
    hash: text('hash').notNull(),
    /** Its place in the petition's list, oldest first. */
    ordinal: integer('ordinal').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type', { enum: MATERIAL_MEDIA_TYPES }).notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: MATERIAL_KINDS }).notNull(),
    note: text('note'),
    uploadedAt: ms('uploaded_at').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
  },
  // By content id: which petitions keep a stored file.
  (t) => [primaryKey({ columns: [t.petitionId, t.hash] }), index('petition_materials_hash_idx').on(t.hash)],
);
