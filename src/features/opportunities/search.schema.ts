import { z } from 'zod';
import {
  CAREER_STAGES, type CareerStage, DISCIPLINES, type Discipline, GEOGRAPHIC_SCOPES, type GeographicScope,
  OPPORTUNITY_KINDS, type OpportunityKind, REGIONS, type Region,
} from './opportunity.vocabulary.ts';
import { CATALOGUE_STATUSES, type CatalogueStatus } from './status.ts';

/**
 * The catalogue's search, as a query string. This one definition serves the results page, its
 * pagination and filter links, saved-search alerts and feeds. Unknown or malformed values are
 * dropped, never an error: a shared link with a stale filter still shows results.
 */
export const SORT_KEYS = ['closing', 'newest', 'amount', 'relevance'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface OpportunitySearch {
  text: string;
  kinds: OpportunityKind[];
  disciplines: Exclude<Discipline, 'any'>[];
  statuses: CatalogueStatus[];
  scopes: GeographicScope[];
  region: Region | null;
  careerStages: Exclude<CareerStage, 'any'>[];
  reservedToWomen: boolean;
  freeToApply: boolean;
  age: number | null;
  minAmount: number | null;
  /** null: relevance when searching for words, closing date otherwise. */
  sort: SortKey | null;
  page: number;
}

export const PAGE_SIZE = 20;
export const MAX_TEXT_LENGTH = 200;
const MAX_PAGE = 500;

// French words in URLs, English codes in the code.
const KIND_SLUGS: Record<OpportunityKind, string> = {
  prize: 'prix', grant: 'bourse', residency: 'residence', call_for_applications: 'appel-a-candidatures',
  creation_aid: 'aide-a-la-creation', mentoring: 'mentorat', festival_call: 'appel-de-festival',
  commission: 'commande', acquisition: 'acquisition',
};
const DISCIPLINE_SLUGS: Record<Exclude<Discipline, 'any'>, string> = {
  documentary: 'documentaire', photojournalism: 'photojournalisme', fine_art: 'plasticienne',
  experimental: 'experimentale', portrait: 'portrait', landscape: 'paysage', architecture: 'architecture',
  fashion: 'mode', book: 'livre',
};
const STATUS_SLUGS: Record<CatalogueStatus, string> = {
  open: 'ouverte', closing_soon: 'cloture-proche', upcoming: 'a-venir', permanent: 'permanente',
  to_confirm: 'dates-a-confirmer', closed: 'cloturee',
};
const SCOPE_SLUGS: Record<GeographicScope, string> = {
  france: 'france', region: 'region', overseas: 'outre-mer', europe: 'europe', world: 'monde',
};
const CAREER_STAGE_SLUGS: Record<Exclude<CareerStage, 'any'>, string> = {
  student: 'etudiante', emerging: 'debut-de-carriere', mid_career: 'milieu-de-carriere', established: 'confirmee',
};
const SORT_SLUGS: Record<SortKey, string> = {
  closing: 'cloture', newest: 'recent', amount: 'montant', relevance: 'pertinence',
};

export const FILTERABLE_DISCIPLINES = DISCIPLINES.filter((value): value is Exclude<Discipline, 'any'> => value !== 'any');
export const FILTERABLE_CAREER_STAGES = CAREER_STAGES.filter((value): value is Exclude<CareerStage, 'any'> => value !== 'any');

function invert<K extends string>(slugs: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(slugs).map(([code, slug]) => [slug as string, code as K]));
}

const asStrings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string');

function slugList<K extends string>(slugs: Record<K, string>, order: readonly K[]) {
  const fromSlug = invert(slugs);
  return z.unknown().optional().transform((value) => {
    const codes = new Set(asStrings(value).map((slug) => fromSlug.get(slug.trim().toLowerCase())).filter((code) => code !== undefined));
    return order.filter((code) => codes.has(code));
  });
}

const firstString = (value: unknown): string | undefined => asStrings(value)[0];

function boundedInteger(min: number, max: number) {
  return z.unknown().optional().transform((value) => {
    const raw = firstString(value)?.trim();
    if (!raw || !/^\d{1,9}$/.test(raw)) return null;
    const number = Number(raw);
    return number >= min && number <= max ? number : null;
  });
}

const flag = z.unknown().optional().transform((value) => ['1', 'oui', 'true', 'on'].includes(firstString(value)?.toLowerCase() ?? ''));

const searchQuerySchema = z.object({
  q: z.unknown().optional().transform((value) => (firstString(value) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_LENGTH)),
  type: slugList(KIND_SLUGS, OPPORTUNITY_KINDS),
  discipline: slugList(DISCIPLINE_SLUGS, FILTERABLE_DISCIPLINES),
  statut: slugList(STATUS_SLUGS, CATALOGUE_STATUSES),
  perimetre: slugList(SCOPE_SLUGS, GEOGRAPHIC_SCOPES),
  region: z.unknown().optional().transform((value) => REGIONS.find((region) => region === firstString(value)?.trim()) ?? null),
  parcours: slugList(CAREER_STAGE_SLUGS, FILTERABLE_CAREER_STAGES),
  reservee: flag,
  gratuite: flag,
  age: boundedInteger(10, 120),
  montant_min: boundedInteger(1, 10_000_000),
  tri: z.unknown().optional().transform((value) => invert(SORT_SLUGS).get(firstString(value) ?? '') ?? null),
  page: boundedInteger(1, MAX_PAGE),
});

export function parseOpportunitySearch(query: unknown): OpportunitySearch {
  const source = query && typeof query === 'object' ? query : {};
  const parsed = searchQuerySchema.parse(source);
  return {
    text: parsed.q,
    kinds: parsed.type,
    disciplines: parsed.discipline,
    statuses: parsed.statut,
    scopes: parsed.perimetre,
    region: parsed.region,
    careerStages: parsed.parcours,
    reservedToWomen: parsed.reservee,
    freeToApply: parsed.gratuite,
    age: parsed.age,
    minAmount: parsed.montant_min,
    // Relevance only means something when there are words to match.
    sort: parsed.tri === 'relevance' && !parsed.q ? null : parsed.tri,
    page: parsed.page ?? 1,
  };
}

export const EMPTY_SEARCH: OpportunitySearch = parseOpportunitySearch({});

export function effectiveSort(search: OpportunitySearch): SortKey {
  return search.sort ?? (search.text ? 'relevance' : 'closing');
}

/** The canonical query string of a search (stable order, defaults left out), without "?". */
export function toQueryString(search: OpportunitySearch): string {
  const params = new URLSearchParams();
  if (search.text) params.set('q', search.text);
  for (const kind of search.kinds) params.append('type', KIND_SLUGS[kind]);
  for (const discipline of search.disciplines) params.append('discipline', DISCIPLINE_SLUGS[discipline]);
  for (const status of search.statuses) params.append('statut', STATUS_SLUGS[status]);
  for (const scope of search.scopes) params.append('perimetre', SCOPE_SLUGS[scope]);
  if (search.region) params.set('region', search.region);
  for (const stage of search.careerStages) params.append('parcours', CAREER_STAGE_SLUGS[stage]);
  if (search.reservedToWomen) params.set('reservee', '1');
  if (search.freeToApply) params.set('gratuite', '1');
  if (search.age !== null) params.set('age', String(search.age));
  if (search.minAmount !== null) params.set('montant_min', String(search.minAmount));
  if (search.sort) params.set('tri', SORT_SLUGS[search.sort]);
  if (search.page > 1) params.set('page', String(search.page));
  return params.toString();
}

export function searchUrl(search: OpportunitySearch, changes: Partial<OpportunitySearch> = {}): string {
  // Any change of criteria sends the visitor back to the first page of results.
  const next = { ...search, page: 1, ...changes };
  const query = toQueryString(next);
  return query ? `/aides?${query}` : '/aides';
}

export const SEARCH_SLUGS = {
  kind: KIND_SLUGS, discipline: DISCIPLINE_SLUGS, status: STATUS_SLUGS, scope: SCOPE_SLUGS,
  careerStage: CAREER_STAGE_SLUGS, sort: SORT_SLUGS,
} as const;

/** True when the visitor narrowed the catalogue in any way (words or filters). */
export function hasCriteria(search: OpportunitySearch): boolean {
  const { sort: _sort, page: _page, ...criteria } = search;
  return toQueryString({ ...EMPTY_SEARCH, ...criteria }) !== '';
}
