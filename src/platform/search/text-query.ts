import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

/**
 * French full-text search shared by every searchable list (catalogue, resources, index).
 * Words are matched accent-insensitively, stemmed, as prefixes ("photo" finds "photographie"),
 * and a word found nowhere in the lexicon is widened to its closest known spellings.
 */
const MAX_TERMS = 8;
/** Shorter words are too ambiguous to correct ("art" would match "arts", "part"…). */
const MIN_CORRECTABLE_LENGTH = 4;

export function normalizeTerms(text: string): string[] {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 2);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export interface TextQuery {
  terms: string[];
  /** Misspelt term -> known words it was widened to. */
  corrections: Map<string, string[]>;
  /** to_tsquery() input requiring every term. */
  allTerms: string;
  /** to_tsquery() input accepting any term (fallback when nothing has every word). */
  anyTerm: string;
}

export async function findCorrections(db: Database, terms: string[]): Promise<Map<string, string[]>> {
  const candidates = terms.filter((term) => term.length >= MIN_CORRECTABLE_LENGTH && !/^\d+$/.test(term));
  const corrections = new Map<string, string[]>();
  if (candidates.length === 0) return corrections;
  const result = await queryRows<{ term: string; word: string }>(db, sql`
    SELECT t.term, c.word
    FROM unnest(${textArray(candidates)}) AS t(term)
    CROSS JOIN LATERAL (
      SELECT l.word FROM search_lexicon l
      WHERE NOT EXISTS (SELECT 1 FROM search_lexicon p WHERE p.word LIKE t.term || '%')
        AND l.word % t.term
      ORDER BY similarity(l.word, t.term) DESC, l.word
      LIMIT 3
    ) AS c`);
  for (const row of result) {
    corrections.set(row.term, [...(corrections.get(row.term) ?? []), row.word]);
  }
  return corrections;
}

export async function buildTextQuery(db: Database, text: string): Promise<TextQuery | null> {
  const terms = normalizeTerms(text);
  if (terms.length === 0) return null;
  const corrections = await findCorrections(db, terms);
  // Terms are [a-z0-9]+ only (normalizeTerms), so they cannot inject tsquery operators.
  const clauses = terms.map((term) => {
    const alternatives = [`${term}:*`, ...(corrections.get(term) ?? [])];
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`;
  });
  return { terms, corrections, allTerms: clauses.join(' & '), anyTerm: clauses.join(' | ') };
}

export function toTsQuery(query: string): SQL {
  return sql`to_tsquery('french_unaccent', ${query})`;
}

export function textArray(values: readonly string[]): SQL {
  if (values.length === 0) return sql`ARRAY[]::text[]`;
  return sql`ARRAY[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`;
}
