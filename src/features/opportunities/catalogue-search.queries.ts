import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { buildTextQuery, textArray, toTsQuery, type TextQuery } from '../../platform/search/text-query.ts';
import { type OpportunityWithWindows, findOpportunitiesByIds } from './opportunities.queries.ts';
import {
  GEOGRAPHIC_SCOPES, OPPORTUNITY_KINDS, REGIONS,
} from './opportunity.vocabulary.ts';
import { FILTERABLE_CAREER_STAGES, FILTERABLE_DISCIPLINES, type OpportunitySearch, PAGE_SIZE, effectiveSort } from './search.schema.ts';
import { CATALOGUE_STATUSES, DEFAULT_VISIBLE_STATUSES } from './status.ts';
import { catalogueStatusExpression, windowSummaryJoin } from './status.sql.ts';

/** Counts shown beside each filter value: results if that value were chosen, other filters kept. */
export interface FacetCounts {
  kind: Record<string, number>;
  discipline: Record<string, number>;
  status: Record<string, number>;
  scope: Record<string, number>;
  region: Record<string, number>;
  careerStage: Record<string, number>;
  reservedToWomen: number;
  freeToApply: number;
}

export interface CatalogueResult {
  items: OpportunityWithWindows[];
  total: number;
  /** Published opportunities whatever the filters ("n aides sur N"). */
  catalogueSize: number;
  /** How many closed ones match too (they are hidden unless asked for). */
  closedMatching: number;
  page: number;
  pageCount: number;
  facets: FacetCounts;
  textQuery: TextQuery | null;
  /** Nothing had every word: results contain at least one of them. */
  matchedAnyWord: boolean;
}

type FacetName = 'kind' | 'discipline' | 'status' | 'scope' | 'region' | 'careerStage' | 'reservedToWomen' | 'freeToApply' | 'age' | 'amount';

/** One SQL predicate per filter, on the columns of the "candidates" CTE below. */
function filterPredicates(search: OpportunitySearch): Record<FacetName, SQL | null> {
  const statuses = search.statuses.length > 0 ? search.statuses : DEFAULT_VISIBLE_STATUSES;
  return {
    kind: search.kinds.length ? sql`c.kind = ANY(${textArray(search.kinds)})` : null,
    // "any" = open to every practice, so it matches whatever discipline is asked for.
    discipline: search.disciplines.length ? sql`c.disciplines && ${textArray([...search.disciplines, 'any'])}` : null,
    status: sql`c.catalogue_status = ANY(${textArray(statuses)})`,
    scope: search.scopes.length ? sql`c.geographic_scope = ANY(${textArray(search.scopes)})` : null,
    region: search.region ? sql`(c.region = ${search.region} OR c.eligibility_region = ${search.region})` : null,
    careerStage: search.careerStages.length ? sql`c.career_stages && ${textArray([...search.careerStages, 'any'])}` : null,
    reservedToWomen: search.reservedToWomen ? sql`c.reserved_to_women` : null,
    freeToApply: search.freeToApply ? sql`c.entry_fee_eur = 0` : null,
    // An age limit hides the opportunity only when the visitor's age is outside it.
    age: search.age !== null
      ? sql`(c.age_min IS NULL OR c.age_min <= ${search.age}) AND (c.age_max IS NULL OR c.age_max >= ${search.age})`
      : null,
    amount: search.minAmount !== null ? sql`c.amount_eur >= ${search.minAmount}` : null,
  };
}

function conjunction(predicates: (SQL | null)[]): SQL {
  const present = predicates.filter((predicate): predicate is SQL => predicate !== null);
  return present.length ? sql.join(present.map((predicate) => sql`(${predicate})`), sql` AND `) : sql`true`;
}

function allExcept(predicates: Record<FacetName, SQL | null>, excluded: FacetName): SQL {
  return conjunction(Object.entries(predicates).filter(([name]) => name !== excluded).map(([, predicate]) => predicate));
}

function candidatesCte(today: IsoDate, tsQuery: string | null): SQL {
  const textMatch = tsQuery ? sql`AND o.search_vector @@ ${toTsQuery(tsQuery)}` : sql``;
  const rank = tsQuery ? sql`ts_rank_cd(o.search_vector, ${toTsQuery(tsQuery)})` : sql`0`;
  return sql`candidates AS (
    SELECT o.id, o.title, o.kind, o.disciplines, o.geographic_scope, o.region, o.eligibility_region, o.career_stages,
      o.reserved_to_women, o.entry_fee_eur, o.age_min, o.age_max, o.amount_eur, o.published_at,
      ${rank} AS rank,
      coalesce(w.current_close, w.next_close) AS sort_date,
      ${catalogueStatusExpression(today)} AS catalogue_status
    FROM opportunities o ${windowSummaryJoin(today)}
    WHERE o.status = 'published' ${textMatch}
  )`;
}

const alias = (name: string) => sql.raw(`"${name.replace(/"/g, '')}"`);

function facetAggregates(predicates: Record<FacetName, SQL | null>): SQL {
  const parts: SQL[] = [sql`count(*) FILTER (WHERE ${conjunction(Object.values(predicates))}) AS total`];
  const add = (facet: FacetName, value: string, condition: SQL) =>
    parts.push(sql`count(*) FILTER (WHERE ${allExcept(predicates, facet)} AND ${condition}) AS ${alias(`${facet}:${value}`)}`);
  for (const kind of OPPORTUNITY_KINDS) add('kind', kind, sql`c.kind = ${kind}`);
  for (const discipline of FILTERABLE_DISCIPLINES) add('discipline', discipline, sql`c.disciplines && ${textArray([discipline, 'any'])}`);
  for (const status of CATALOGUE_STATUSES) add('status', status, sql`c.catalogue_status = ${status}`);
  for (const scope of GEOGRAPHIC_SCOPES) add('scope', scope, sql`c.geographic_scope = ${scope}`);
  for (const region of REGIONS) add('region', region, sql`(c.region = ${region} OR c.eligibility_region = ${region})`);
  for (const stage of FILTERABLE_CAREER_STAGES) add('careerStage', stage, sql`c.career_stages && ${textArray([stage, 'any'])}`);
  add('reservedToWomen', 'yes', sql`c.reserved_to_women`);
  add('freeToApply', 'yes', sql`c.entry_fee_eur = 0`);
  parts.push(sql`count(*) FILTER (WHERE ${allExcept(predicates, 'status')} AND c.catalogue_status = 'closed') AS closed_matching`);
  parts.push(sql`(SELECT count(*) FROM opportunities WHERE status = 'published') AS catalogue_size`);
  return sql.join(parts, sql`, `);
}

function orderBy(search: OpportunitySearch): SQL {
  switch (effectiveSort(search)) {
    case 'relevance':
      return sql`c.rank DESC, c.sort_date ASC NULLS LAST, c.title`;
    case 'newest':
      return sql`c.published_at DESC NULLS LAST, c.id DESC`;
    case 'amount':
      return sql`c.amount_eur DESC NULLS LAST, c.sort_date ASC NULLS LAST, c.title`;
    case 'closing':
      return sql`c.sort_date ASC NULLS LAST, c.title`;
  }
}

function toFacetCounts(row: Record<string, unknown>): FacetCounts {
  const facets: FacetCounts = {
    kind: {}, discipline: {}, status: {}, scope: {}, region: {}, careerStage: {}, reservedToWomen: 0, freeToApply: 0,
  };
  for (const [key, value] of Object.entries(row)) {
    const [facet, name] = key.split(':') as [string, string | undefined];
    if (name === undefined) continue;
    const count = Number(value);
    if (facet === 'reservedToWomen' || facet === 'freeToApply') facets[facet] = count;
    else if (facet in facets) (facets[facet as keyof FacetCounts] as Record<string, number>)[name] = count;
  }
  return facets;
}

async function runSearch(db: Database, search: OpportunitySearch, today: IsoDate, tsQuery: string | null) {
  const predicates = filterPredicates(search);
  const cte = candidatesCte(today, tsQuery);
  const counts = await queryRows<Record<string, unknown>>(db, sql`WITH ${cte} SELECT ${facetAggregates(predicates)} FROM candidates c`);
  const countRow = counts[0] ?? {};
  const total = Number(countRow.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const ids = await queryRows<{ id: number }>(db, sql`
    WITH ${cte}
    SELECT c.id FROM candidates c
    WHERE ${conjunction(Object.values(predicates))}
    ORDER BY ${orderBy(search)}
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`);
  return {
    ids: ids.map((row) => Number(row.id)),
    total,
    page,
    pageCount,
    catalogueSize: Number(countRow.catalogue_size ?? 0),
    closedMatching: Number(countRow.closed_matching ?? 0),
    facets: toFacetCounts(countRow),
  };
}

export async function searchCatalogue(db: Database, search: OpportunitySearch, today: IsoDate): Promise<CatalogueResult> {
  const textQuery = search.text ? await buildTextQuery(db, search.text) : null;
  let matchedAnyWord = false;
  let outcome = await runSearch(db, search, today, textQuery?.allTerms ?? null);
  // Several words and nothing has them all: show what has at least one, and say so.
  if (outcome.total === 0 && textQuery && textQuery.terms.length > 1) {
    outcome = await runSearch(db, search, today, textQuery.anyTerm);
    matchedAnyWord = outcome.total > 0;
  }
  const items = await findOpportunitiesByIds(db, outcome.ids);
  return {
    items,
    total: outcome.total,
    catalogueSize: outcome.catalogueSize,
    closedMatching: outcome.closedMatching,
    page: outcome.page,
    pageCount: outcome.pageCount,
    facets: outcome.facets,
    textQuery,
    matchedAnyWord,
  };
}
