import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { buildTextQuery, toTsQuery, type TextQuery } from '../../platform/search/text-query.ts';
import { type FacetCounts, type IndexResult, searchIndex } from './catalogue-index.ts';
import type { CatalogueIndexStore } from './catalogue-index.store.ts';
import { type OpportunityWithWindows, findOpportunitiesByIds } from './opportunities.queries.ts';
import type { OpportunitySearch } from './search.schema.ts';

export type { FacetCounts };

export interface CatalogueResult extends Omit<IndexResult, 'ids'> {
  items: OpportunityWithWindows[];
  /** Published opportunities whatever the filters ("n aides sur N"). */
  catalogueSize: number;
  textQuery: TextQuery | null;
  /** Nothing had every word: results contain at least one of them. */
  matchedAnyWord: boolean;
}

/** Published opportunities matching the words, with their full-text relevance. */
export async function rankTextMatches(db: Database, tsQuery: string): Promise<Map<number, number>> {
  const rows = await queryRows<{ id: number; rank: number }>(db, sql`
    SELECT id, ts_rank_cd(search_vector, ${toTsQuery(tsQuery)}) AS rank
    FROM opportunities
    WHERE status = 'published' AND search_vector @@ ${toTsQuery(tsQuery)}`);
  return new Map(rows.map((row) => [Number(row.id), Number(row.rank)]));
}

export async function searchCatalogue(
  db: Database,
  index: CatalogueIndexStore,
  search: OpportunitySearch,
  today: IsoDate,
  /** Feeds take more than a page at once. */
  pageSize?: number,
): Promise<CatalogueResult> {
  const entries = await index.entriesOn(today);
  const textQuery = search.text ? await buildTextQuery(db, search.text) : null;
  let matchedAnyWord = false;
  let outcome = searchIndex(entries, search, textQuery ? await rankTextMatches(db, textQuery.allTerms) : null, pageSize);
  // Several words and nothing has them all: show what has at least one, and say so.
  if (outcome.total === 0 && textQuery && textQuery.terms.length > 1) {
    outcome = searchIndex(entries, search, await rankTextMatches(db, textQuery.anyTerm), pageSize);
    matchedAnyWord = outcome.total > 0;
  }
  const { ids, ...counts } = outcome;
  return { ...counts, items: await findOpportunitiesByIds(db, ids), catalogueSize: entries.length, textQuery, matchedAnyWord };
}
