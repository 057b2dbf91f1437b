import type { IsoDate } from '../../platform/dates.ts';
import {
  type CareerStage, type Discipline, GEOGRAPHIC_SCOPES, type GeographicScope, OPPORTUNITY_KINDS, type OpportunityKind, REGIONS, type Recurrence,
} from './opportunity.vocabulary.ts';
import {
  FILTERABLE_CAREER_STAGES, FILTERABLE_DISCIPLINES, type OpportunitySearch, PAGE_SIZE, effectiveSort,
} from './search.schema.ts';
import { type ApplicationWindow, CATALOGUE_STATUSES, type CatalogueStatus, DEFAULT_VISIBLE_STATUSES, computeStatus } from './status.ts';

/**
 * The catalogue's filters, facet counts and sorts, computed in memory over the published
 * opportunities. Words are matched by PostgreSQL full-text search beforehand; everything else
 * happens here, in one pass, with the one status rule of status.ts. Pure: no database.
 */
export interface CatalogueEntry {
  id: number;
  slug: string;
  title: string;
  /** Title folded for sorting: comparing these is much cheaper than a locale-aware compare. */
  titleKey: string;
  /** Distinct folded words of the title and summary (similar opportunities). */
  words: ReadonlySet<string>;
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
  /** Position of the title in alphabetical order: sorts compare numbers, not strings. */
  titleRank: number;
  /** Positions of the entry's values in each facet's vocabulary ("any" expanded to every value). */
  codes: {
    kind: number;
    disciplines: readonly number[];
    status: number;
    scope: number;
    regions: readonly number[];
    careerStages: readonly number[];
  };
}

const positionsIn = (vocabulary: readonly string[], values: readonly string[]) =>
  values.map((value) => vocabulary.indexOf(value)).filter((position) => position >= 0);

/** Lower case, without accents: the form used for sorting and comparing words. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function significantWords(text: string): Set<string> {
  return new Set(foldText(text).split(/[^a-z0-9]+/).filter((word) => word.length >= 4));
}

export function dateEntries(entries: readonly CatalogueEntry[], today: IsoDate): DatedEntry[] {
  const alphabetical = [...entries].sort((a, b) => (a.titleKey < b.titleKey ? -1 : a.titleKey > b.titleKey ? 1 : a.id - b.id));
  const titleRanks = new Map(alphabetical.map((entry, position) => [entry.id, position]));
  return entries.map((entry) => {
    const result = computeStatus(entry, today);
    const sortDate = result.status === 'open' || result.status === 'closing_soon' || result.status === 'upcoming' ? result.closesOn : null;
    return {
      entry,
      status: result.status,
      sortDate,
      titleRank: titleRanks.get(entry.id)!,
      codes: {
        kind: OPPORTUNITY_KINDS.indexOf(entry.kind),
        disciplines: positionsIn(FILTERABLE_DISCIPLINES, expandAny(entry.disciplines, FILTERABLE_DISCIPLINES)),
        status: CATALOGUE_STATUSES.indexOf(result.status),
        scope: GEOGRAPHIC_SCOPES.indexOf(entry.geographicScope),
        regions: positionsIn(REGIONS, [...new Set([entry.region, entry.eligibilityRegion].filter((value): value is string => value !== null))]),
        careerStages: positionsIn(FILTERABLE_CAREER_STAGES, expandAny(entry.careerStages, FILTERABLE_CAREER_STAGES)),
      },
    };
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

type Filter = 'kind' | 'discipline' | 'status' | 'scope' | 'region' | 'careerStage' | 'reservedToWomen' | 'freeToApply' | 'age' | 'amount';

/** Multi-valued fields where "any" means every value. */
function expandAny<T extends string>(values: readonly (T | 'any')[], all: readonly T[]): readonly T[] {
  return values.includes('any') ? all : (values as readonly T[]);
}

function intersects(values: readonly string[], wanted: readonly string[]): boolean {
  // "any" matches whatever is wanted.
  return values.some((value) => value === 'any' || wanted.includes(value));
}

type Test = (dated: DatedEntry) => boolean;

/** The filters this search uses, each as a test; unused filters are left out (they always pass). */
function activeTests(search: OpportunitySearch): { filter: Filter; test: Test }[] {
  const statuses: readonly CatalogueStatus[] = search.statuses.length > 0 ? search.statuses : DEFAULT_VISIBLE_STATUSES;
  const { age, minAmount, region } = search;
  const tests: { filter: Filter; test: Test | null }[] = [
    { filter: 'kind', test: search.kinds.length ? ({ entry }) => search.kinds.includes(entry.kind) : null },
    { filter: 'discipline', test: search.disciplines.length ? ({ entry }) => intersects(entry.disciplines, search.disciplines) : null },
    { filter: 'status', test: ({ status }) => statuses.includes(status) },
    { filter: 'scope', test: search.scopes.length ? ({ entry }) => search.scopes.includes(entry.geographicScope) : null },
    { filter: 'region', test: region !== null ? ({ entry }) => entry.region === region || entry.eligibilityRegion === region : null },
    { filter: 'careerStage', test: search.careerStages.length ? ({ entry }) => intersects(entry.careerStages, search.careerStages) : null },
    { filter: 'reservedToWomen', test: search.reservedToWomen ? ({ entry }) => entry.reservedToWomen : null },
    { filter: 'freeToApply', test: search.freeToApply ? ({ entry }) => entry.entryFeeEur === 0 : null },
    // An age limit hides the opportunity only when the visitor's age is outside it.
    { filter: 'age', test: age !== null ? ({ entry }) => (entry.ageMin === null || entry.ageMin <= age) && (entry.ageMax === null || entry.ageMax >= age) : null },
    { filter: 'amount', test: minAmount !== null ? ({ entry }) => entry.amountEur !== null && entry.amountEur >= minAmount : null },
  ];
  return tests.filter((item): item is { filter: Filter; test: Test } => item.test !== null);
}

const PASSES_ALL = -1;
const FAILS_SEVERAL = -2;

/** Whether an entry is a result of this search (words aside: they are matched by the database). */
export function matcherFor(search: OpportunitySearch): (dated: DatedEntry) => boolean {
  const tests = activeTests(search);
  return (dated) => failingTest(dated, tests) === PASSES_ALL;
}

/** PASSES_ALL, FAILS_SEVERAL, or the index (in `tests`) of the one test it fails. */
function failingTest(dated: DatedEntry, tests: readonly { test: Test }[]): number {
  let failing = PASSES_ALL;
  for (let index = 0; index < tests.length; index += 1) {
    if (tests[index]!.test(dated)) continue;
    if (failing !== PASSES_ALL) return FAILS_SEVERAL;
    failing = index;
  }
  return failing;
}

/** Counts per facet value, indexed by the value's position in its vocabulary list. */
interface FacetCounters {
  kind: Int32Array;
  discipline: Int32Array;
  status: Int32Array;
  scope: Int32Array;
  region: Int32Array;
  careerStage: Int32Array;
  reservedToWomen: number;
  freeToApply: number;
}

function newCounters(): FacetCounters {
  return {
    kind: new Int32Array(OPPORTUNITY_KINDS.length), discipline: new Int32Array(FILTERABLE_DISCIPLINES.length),
    status: new Int32Array(CATALOGUE_STATUSES.length), scope: new Int32Array(GEOGRAPHIC_SCOPES.length),
    region: new Int32Array(REGIONS.length), careerStage: new Int32Array(FILTERABLE_CAREER_STAGES.length),
    reservedToWomen: 0, freeToApply: 0,
  };
}

function addToFacet(counters: FacetCounters, filter: Filter, dated: DatedEntry): void {
  const { codes, entry } = dated;
  switch (filter) {
    case 'kind': counters.kind[codes.kind]! += 1; return;
    case 'discipline': for (const code of codes.disciplines) counters.discipline[code]! += 1; return;
    case 'status': counters.status[codes.status]! += 1; return;
    case 'scope': counters.scope[codes.scope]! += 1; return;
    case 'region': for (const code of codes.regions) counters.region[code]! += 1; return;
    case 'careerStage': for (const code of codes.careerStages) counters.careerStage[code]! += 1; return;
    case 'reservedToWomen': if (entry.reservedToWomen) counters.reservedToWomen += 1; return;
    case 'freeToApply': if (entry.entryFeeEur === 0) counters.freeToApply += 1; return;
    case 'age':
    case 'amount':
      return;
  }
}

/** A result counts in every facet (same as addToFacet for each filter, without the dispatch). */
function addToEveryFacet(counters: FacetCounters, dated: DatedEntry): void {
  const { codes, entry } = dated;
  counters.kind[codes.kind]! += 1;
  for (const code of codes.disciplines) counters.discipline[code]! += 1;
  counters.status[codes.status]! += 1;
  counters.scope[codes.scope]! += 1;
  for (const code of codes.regions) counters.region[code]! += 1;
  for (const code of codes.careerStages) counters.careerStage[code]! += 1;
  if (entry.reservedToWomen) counters.reservedToWomen += 1;
  if (entry.entryFeeEur === 0) counters.freeToApply += 1;
}

function toRecord(values: readonly string[], counts: Int32Array): Record<string, number> {
  const record: Record<string, number> = {};
  values.forEach((value, position) => {
    if (counts[position]! > 0) record[value] = counts[position]!;
  });
  return record;
}

type Comparator = (a: DatedEntry, b: DatedEntry) => number;

const byTitle: Comparator = (a, b) => a.titleRank - b.titleRank;
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
export function searchIndex(entries: readonly DatedEntry[], search: OpportunitySearch, ranks: ReadonlyMap<number, number> | null, pageSize = PAGE_SIZE): IndexResult {
  const tests = activeTests(search);
  const facets = newCounters();
  const matches: DatedEntry[] = [];
  let closedMatching = 0;
  for (const dated of entries) {
    if (ranks && !ranks.has(dated.entry.id)) continue;
    const failing = failingTest(dated, tests);
    if (failing === PASSES_ALL) {
      matches.push(dated);
      addToEveryFacet(facets, dated);
      if (dated.status === 'closed') closedMatching += 1;
    } else if (failing !== FAILS_SEVERAL) {
      const filter = tests[failing]!.filter;
      addToFacet(facets, filter, dated);
      if (filter === 'status' && dated.status === 'closed') closedMatching += 1;
    }
  }
  matches.sort(comparatorFor(search, ranks));
  const total = matches.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end (stale link) shows the last page instead of nothing.
  const page = Math.min(search.page, pageCount);
  const ids = matches.slice((page - 1) * pageSize, page * pageSize).map((dated) => dated.entry.id);
  return {
    ids, total, closedMatching, page, pageCount,
    facets: {
      kind: toRecord(OPPORTUNITY_KINDS, facets.kind), discipline: toRecord(FILTERABLE_DISCIPLINES, facets.discipline),
      status: toRecord(CATALOGUE_STATUSES, facets.status), scope: toRecord(GEOGRAPHIC_SCOPES, facets.scope),
      region: toRecord(REGIONS, facets.region), careerStage: toRecord(FILTERABLE_CAREER_STAGES, facets.careerStage),
      reservedToWomen: facets.reservedToWomen, freeToApply: facets.freeToApply,
    },
  };
}

/**
 * Opportunities like this one that one can still apply to: same kind and shared disciplines
 * count most, then the words their titles and summaries share.
 */
export function similarEntries(entries: readonly DatedEntry[], target: CatalogueEntry, limit: number): number[] {
  const specific: readonly string[] = target.disciplines.filter((discipline) => discipline !== 'any');
  const scored: { id: number; score: number; titleKey: string }[] = [];
  for (const { entry, status } of entries) {
    if (entry.id === target.id || status === 'closed') continue;
    const sameKind = entry.kind === target.kind;
    const sharesDiscipline = entry.disciplines.some((discipline) => specific.includes(discipline));
    if (!sameKind && !sharesDiscipline) continue;
    let sharedWords = 0;
    for (const word of entry.words) if (target.words.has(word)) sharedWords += 1;
    scored.push({ id: entry.id, score: (Number(sameKind) + Number(sharesDiscipline)) * 100 + sharedWords, titleKey: entry.titleKey });
  }
  scored.sort((a, b) => b.score - a.score || (a.titleKey < b.titleKey ? -1 : a.titleKey > b.titleKey ? 1 : a.id - b.id));
  return scored.slice(0, limit).map((item) => item.id);
}
