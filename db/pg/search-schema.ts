/**
 * The full-text index on PostgreSQL: per petition, the same token strings as SQLite's FTS5 columns
 * (db/search-tokens.ts: Han bigrams, Han single characters, other words whole, space-separated), with GIN indexes
 * on their sets of tokens. A term is found through the index (every bigram of "加装电梯" present), then checked as
 * consecutive tokens in its row's string (` 加装 装电 电梯 `), which is what an FTS5 phrase means: one- and
 * two-character words are found through the index, never by a `LIKE` scan of the text. A `tsvector` with positions
 * would check the phrase in the index itself, but positions stop at 16 383 and a petition's content may run to
 * 20 000 characters, so a phrase late in a long text would be missed.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';

/** The set of a token string's tokens, as the GIN indexes and the queries name it. */
export const tokenSet = (column: unknown) => sql`array_to_tsvector(string_to_array(${column}, ' '))`;

export const petitionSearch = pgTable(
  'petition_search',
  {
    /** petitions.num: the text never changes after registration, so a row is written once. */
    num: bigint('num', { mode: 'number' }).primaryKey(),
    bigrams: text('bigrams').notNull(),
    unigrams: text('unigrams').notNull(),
  },
  (t) => [
    index('petition_search_bigrams_idx').using('gin', tokenSet(t.bigrams)),
    index('petition_search_unigrams_idx').using('gin', tokenSet(t.unigrams)),
  ],
);
