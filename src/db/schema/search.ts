import { index, pgTable, text } from 'drizzle-orm/pg-core';

// Every distinct word (unaccented, lower case) of searchable titles and summaries, filled by
// triggers (see migrations). Queries look up misspelt terms here by trigram similarity
// ("residance" -> "residence") before building the full-text query.
export const searchLexicon = pgTable(
  'search_lexicon',
  { word: text('word').primaryKey() },
  (table) => [index('search_lexicon_word_trgm_idx').using('gin', table.word.op('gin_trgm_ops'))],
);
