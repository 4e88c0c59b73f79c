/**
 * Chinese full-text search on SQLite FTS5 without a native tokenizer: text is turned into tokens here, and FTS5
 * (unicode61) only splits them on spaces. Chinese has no spaces and most words are two characters, so each run
 * of Han characters becomes its overlapping bigrams (and, in a second column, its single characters); Latin
 * words and numbers stay whole. A query of two or more Han characters is a phrase of bigrams — consecutive
 * positions, so "加装电梯" matches only where those four characters stand together; a single character searches
 * the unigram column.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/** Runs of Han characters and runs of other letters/digits, in order; everything else separates. */
function runs(text: string): { han: boolean; text: string }[] {
  const out: { han: boolean; text: string }[] = [];
  let current: { han: boolean; text: string } | null = null;
  for (const ch of text.normalize('NFKC')) {
    const han = HAN.test(ch);
    if (!han && !WORD.test(ch)) {
      current = null;
      continue;
    }
    if (current && current.han === han) current.text += ch;
    else out.push((current = { han, text: ch }));
  }
  return out;
}

function bigramsOf(han: string): string[] {
  const chars = [...han];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** The bigram column's text: Han runs as bigrams, other words lowercased. */
export function bigramTokens(text: string): string {
  return runs(text)
    .flatMap((r) => (r.han ? bigramsOf(r.text) : [r.text.toLowerCase()]))
    .join(' ');
}

/** The unigram column's text: every Han character on its own (for one-character queries). */
export function unigramTokens(text: string): string {
  return runs(text)
    .filter((r) => r.han)
    .flatMap((r) => [...r.text])
    .join(' ');
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/**
 * What a person typed, as the terms a petition must all match: a Han term of two or more characters is a phrase of
 * its bigrams (consecutive tokens of the bigram column), a single Han character a token of the unigram column,
 * other words a whole token of the bigram column, lowercased.
 */
export function queryTerms(query: string): { column: 'bigrams' | 'unigrams'; tokens: string[] }[] {
  return runs(query).map((r) => {
    if (!r.han) return { column: 'bigrams', tokens: [r.text.toLowerCase()] };
    if ([...r.text].length === 1) return { column: 'unigrams', tokens: [r.text] };
    return { column: 'bigrams', tokens: bigramsOf(r.text) };
  });
}

/** The terms as an FTS5 MATCH expression, every one required (AND); null when nothing searchable is left. */
export function matchExpression(query: string): string | null {
  const terms = queryTerms(query).map(({ column, tokens }) =>
    tokens.length === 1 ? `${column}:${quote(tokens[0]!)}` : `${column}:(${tokens.map(quote).join(' + ')})`,
  );
  return terms.length ? terms.join(' AND ') : null;
}

function occurrences(text: string, term: string): number {
  let count = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) count += 1;
  return count;
}

/**
 * How well a petition answers the query: occurrences of each term, a hit in the summary worth three in the
 * content, damped by length so a long text does not win by size alone. (FTS5's bm25 would need a pass over
 * every match of every phrase for its statistics, tens of milliseconds for a common word at a million rows.)
 */
export function relevance(summary: string, content: string, query: string): number {
  const terms = runs(query).map((r) => (r.han ? r.text : r.text.toLowerCase()));
  const s = summary.toLowerCase();
  const c = content.toLowerCase();
  const hits = terms.reduce((sum, term) => sum + Math.log1p(3 * occurrences(s, term) + occurrences(c, term)), 0);
  return hits / Math.sqrt(1 + (s.length + c.length) / 100);
}

/** The first place each query term occurs, marked with 【】, in a window of the text around it. */
export function highlight(text: string, query: string, width = 60): string {
  const terms = runs(query).map((r) => (r.han ? r.text : r.text.toLowerCase()));
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(width / 3)) : 0;
  let window = text.slice(start, start + width);
  for (const term of terms.sort((a, b) => b.length - a.length)) {
    window = window.replace(new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), (m) => `【${m}】`);
  }
  return `${start > 0 ? '…' : ''}${window}${start + width < text.length ? '…' : ''}`;
}
