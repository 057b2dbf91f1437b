import type { IsoDate } from '../../platform/dates.ts';
import type { CareerStage, Discipline, GeographicScope, OpportunityKind, Recurrence } from './opportunity.vocabulary.ts';
import {
  FILTERABLE_CAREER_STAGES, FILTERABLE_DISCIPLINES, type OpportunitySearch, PAGE_SIZE, effectiveSort,
} from './search.schema.ts';
import { type ApplicationWindow, type CatalogueStatus, DEFAULT_VISIBLE_STATUSES, computeStatus } from './status.ts';

/**
 * The catalogue's filters, facet counts and sorts, computed in memory over the published
 * opportunities. Words are matched by PostgreSQL full-text search beforehand; everything else
 * happens here, in one pass, with the one status rule of status.ts. Pure: no database.
 */
export interface CatalogueEntry {
  id: number;
  title: string;
  kind: OpportunityKind;
  disciplines: readonly Discipline[];
  geographicScope: GeographicScope;
  region: string | null;
  eligibilityRegion: string | null;
  careerStages: readonly CareerStage[];
  reservedToWomen: boolean;
  entryFeeEur: number | null;
  ageMin: number | null;
  ageMax: number | null;
  amountEur: number | null;
  publishedAt: number;
  isPermanent: boolean;
  recurrence: Recurrence;
  typicalOpenMonth: number | null;
  typicalDeadlineMonth: number | null;
  windows: readonly ApplicationWindow[];
}

/** An entry as it stands on a given day. */
export interface DatedEntry {
  entry: CatalogueEntry;
  status: CatalogueStatus;
  /** Closing date of the current window, or of the next one; null when none. */
  sortDate: IsoDate | null;
}

export function dateEntries(entries: readonly CatalogueEntry[], today: IsoDate): DatedEntry[] {
  return entries.map((entry) => {
    const result = computeStatus(entry, today);
    const sortDate = result.status === 'open' || result.status === 'closing_soon' || result.status === 'upcoming' ? result.closesOn : null;
    return { entry, status: result.status, sortDate };
  });
}

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

export interface IndexResult {
  /** Ids of the requested page, in order. */
  ids: number[];
  total: number;
  closedMatching: number;
  page: number;
  pageCount: number;
  facets: FacetCounts;
}

const FILTERS = ['kind', 'discipline', 'status', 'scope', 'region', 'careerStage', 'reservedToWomen', 'freeToApply', 'age', 'amount'] as const;
type Filter = (typeof FILTERS)[number];

/** Multi-valued fields where "any" means every value. */
function expandAny<T extends string>(values: readonly (T | 'any')[], all: readonly T[]): readonly T[] {
  return values.includes('any') ? all : (values as readonly T[]);
}

function intersects(values: readonly string[], wanted: readonly string[]): boolean {
  return values.some((value) => value === 'any' || wanted.includes(value));
}

/** Which filters this entry passes (one flag per filter; unused filters always pass). */
function passedFilters(dated: DatedEntry, search: OpportunitySearch, statuses: readonly CatalogueStatus[]): Record<Filter, boolean> {
  const { entry } = dated;
  return {
    kind: search.kinds.length === 0 || search.kinds.includes(entry.kind),
    discipline: search.disciplines.length === 0 || intersects(entry.disciplines, search.disciplines),
    status: statuses.includes(dated.status),
    scope: search.scopes.length === 0 || search.scopes.includes(entry.geographicScope),
    region: search.region === null || entry.region === search.region || entry.eligibilityRegion === search.region,
    careerStage: search.careerStages.length === 0 || intersects(entry.careerStages, search.careerStages),
    reservedToWomen: !search.reservedToWomen || entry.reservedToWomen,
    freeToApply: !search.freeToApply || entry.entryFeeEur === 0,
    // An age limit hides the opportunity only when the visitor's age is outside it.
    age: search.age === null || ((entry.ageMin === null || entry.ageMin <= search.age) && (entry.ageMax === null || entry.ageMax >= search.age)),
    amount: search.minAmount === null || (entry.amountEur !== null && entry.amountEur >= search.minAmount),
  };
}

const increment = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function addToFacet(facets: FacetCounts, filter: Filter, dated: DatedEntry): void {
  const { entry } = dated;
  switch (filter) {
    case 'kind': return increment(facets.kind, entry.kind);
    case 'discipline': return expandAny(entry.disciplines, FILTERABLE_DISCIPLINES).forEach((value) => increment(facets.discipline, value));
    case 'status': return increment(facets.status, dated.status);
    case 'scope': return increment(facets.scope, entry.geographicScope);
    case 'region':
      if (entry.region) increment(facets.region, entry.region);
      if (entry.eligibilityRegion && entry.eligibilityRegion !== entry.region) increment(facets.region, entry.eligibilityRegion);
      return;
    case 'careerStage': return expandAny(entry.careerStages, FILTERABLE_CAREER_STAGES).forEach((value) => increment(facets.careerStage, value));
    case 'reservedToWomen':
      if (entry.reservedToWomen) facets.reservedToWomen += 1;
      return;
    case 'freeToApply':
      if (entry.entryFeeEur === 0) facets.freeToApply += 1;
      return;
    case 'age':
    case 'amount':
      return;
  }
}

type Comparator = (a: DatedEntry, b: DatedEntry) => number;

const byTitle: Comparator = (a, b) => a.entry.title.localeCompare(b.entry.title, 'fr') || a.entry.id - b.entry.id;
const bySortDate: Comparator = (a, b) => {
  if (a.sortDate === b.sortDate) return 0;
  if (a.sortDate === null) return 1;
  if (b.sortDate === null) return -1;
  return a.sortDate < b.sortDate ? -1 : 1;
};

function comparatorFor(search: OpportunitySearch, ranks: ReadonlyMap<number, number> | null): Comparator {
  switch (effectiveSort(search)) {
    case 'relevance':
      return (a, b) => (ranks?.get(b.entry.id) ?? 0) - (ranks?.get(a.entry.id) ?? 0) || bySortDate(a, b) || byTitle(a, b);
    case 'newest':
      return (a, b) => b.entry.publishedAt - a.entry.publishedAt || b.entry.id - a.entry.id;
    case 'amount':
      return (a, b) => (b.entry.amountEur ?? -1) - (a.entry.amountEur ?? -1) || bySortDate(a, b) || byTitle(a, b);
    case 'closing':
      return (a, b) => bySortDate(a, b) || byTitle(a, b);
  }
}

/**
 * Filters, counts and sorts in a single pass. A facet's counts use every filter but its own,
 * so each count says how many results choosing that value would give.
 * `ranks`: full-text matches (id -> relevance), or null when no words were searched.
 */
export function searchIndex(entries: readonly DatedEntry[], search: OpportunitySearch, ranks: ReadonlyMap<number, number> | null): IndexResult {
  const statuses = search.statuses.length > 0 ? search.statuses : DEFAULT_VISIBLE_STATUSES;
  const facets: FacetCounts = { kind: {}, discipline: {}, status: {}, scope: {}, region: {}, careerStage: {}, reservedToWomen: 0, freeToApply: 0 };
  const matches: DatedEntry[] = [];
  let closedMatching = 0;
  for (const dated of entries) {
    if (ranks && !ranks.has(dated.entry.id)) continue;
    const passed = passedFilters(dated, search, statuses);
    const failed = FILTERS.filter((filter) => !passed[filter]);
    if (failed.length === 0) {
      matches.push(dated);
      for (const filter of FILTERS) addToFacet(facets, filter, dated);
    } else if (failed.length === 1) {
      addToFacet(facets, failed[0]!, dated);
    }
    if ((failed.length === 0 || (failed.length === 1 && failed[0] === 'status')) && dated.status === 'closed') closedMatching += 1;
  }
  matches.sort(comparatorFor(search, ranks));
  const total = matches.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // A page past the end (stale link) shows the last page instead of nothing.
  const page = Math.min(search.page, pageCount);
  const ids = matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((dated) => dated.entry.id);
  return { ids, total, closedMatching, page, pageCount, facets };
}
