/**
 * Chinese full-text search on PostgreSQL, with the terms SQLite's FTS5 matches (../search-tokens.ts): each term's
 * tokens must all be in the row's token set (the GIN index finds those rows), and a phrase's bigrams must stand
 * together in its token string, which is what makes "加装电梯" not match "加装" and "电梯" apart.
 */
import { and, sql, type SQL } from 'drizzle-orm';
import { queryTerms } from '../search-tokens';
import { petitionSearch, tokenSet } from './search-schema';

/** A tsquery literal of tokens that must all be present; quoted, so no parser or configuration reads them. */
function allOf(tokens: readonly string[]): string {
  return tokens.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}

/** The WHERE condition on `petition_search` for what a person typed; null when nothing searchable is left. */
export function searchCondition(query: string): SQL | null {
  const terms = queryTerms(query).map(({ column, tokens }) => {
    const strings = column === 'bigrams' ? petitionSearch.bigrams : petitionSearch.unigrams;
    const present = sql`${tokenSet(strings)} @@ ${allOf(tokens)}::tsquery`;
    if (tokens.length === 1) return present;
    return and(present, sql`strpos(' ' || ${strings} || ' ', ${` ${tokens.join(' ')} `}) > 0`)!;
  });
  return terms.length ? and(...terms)! : null;
}
