-- Full-text index of petitions' summary and content (db/search-tokens.ts makes the tokens: Han bigrams in
-- `bigrams`, Han single characters in `unigrams`, other words whole). rowid = petitions.num.
CREATE VIRTUAL TABLE `petition_search` USING fts5(`bigrams`, `unigrams`, tokenize = 'unicode61 remove_diacritics 0', detail = 'full');
