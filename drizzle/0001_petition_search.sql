-- Full-text index of petitions' summary and content (db/search-tokens.ts makes the tokens: Han bigrams in
-- `bigrams`, Han single characters in `unigrams`, other words whole). rowid = petitions.num. Contentless: the
-- text itself stays in petitions; the index keeps only what MATCH and bm25 need.
CREATE VIRTUAL TABLE `petition_search` USING fts5(`bigrams`, `unigrams`, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
