import { activeFilters } from '../opportunities/active-filters.ts';
import { type OpportunitySearch, parseOpportunitySearch, toQueryString } from '../opportunities/search.schema.ts';

/** A saved search is stored as the canonical query string of the catalogue (sort and page left out). */
export function canonicalAlertQuery(rawQuery: string): { search: OpportunitySearch; query: string } {
  const search = { ...parseOpportunitySearch(Object.fromEntries(groupParams(rawQuery))), sort: null, page: 1 };
  return { search, query: toQueryString(search) };
}

function groupParams(rawQuery: string): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(rawQuery)) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  return grouped;
}

/** "« résidence » · Prix · Documentaire", or "Toutes les aides". */
export function describeSearch(query: string): string {
  const labels = activeFilters(canonicalAlertQuery(query).search).map((filter) => filter.label);
  return labels.length > 0 ? labels.join(' · ') : 'Toutes les aides';
}
