/**
 * Who read a petitioner's unmasked personal data, and who tried and was refused (个人信息保护法; Art. 30 ¶3 for an
 * accuser). Not a projection: the API appends to it, nothing updates or deletes it (the migration's triggers
 * refuse both), and a rebuild of the read model leaves it alone. PostgreSQL's copy of db/access-log-schema.ts.
 */
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';
import { ms } from './columns';

export const personalDataAccessLog = pgTable(
  'personal_data_access_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ms('at').notNull(),
    principalId: text('principal_id').notNull(),
    role: text('role').notNull(),
    petitionId: text('petition_id').notNull(),
    /** READ: unmasked data was answered; DENIED: the petition exists and the principal was refused it. */
    outcome: text('outcome', { enum: ['READ', 'DENIED'] }).notNull(),
    /** The fields answered unmasked (`petitioner.name`, `petitioner.idNumber`, `live`…), comma-separated. */
    fields: text('fields').notNull(),
  },
  (t) => [
    index('personal_data_access_petition_idx').on(t.petitionId, t.id),
    index('personal_data_access_principal_idx').on(t.principalId, t.id),
  ],
);
