import { z } from 'zod';
import { ORGANIZATION_TYPES, type OrganizationType } from '../../db/schema/index.ts';
import { fromSlug, slugify } from '../../platform/slugs.ts';
import { REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import { ORGANIZATION_TYPE_SLUGS, PARITY_NETWORKS } from './parity.vocabulary.ts';

/** The index's search as a query string, parsed leniently (unknown values are dropped). */
export const PARITY_SORTS = ['name', 'share_desc', 'share_asc'] as const;
export type ParitySort = (typeof PARITY_SORTS)[number];
export const PARITY_SORT_SLUGS: Record<ParitySort, string> = { name: 'nom', share_desc: 'part-decroissante', share_asc: 'part-croissante' };
export const PARITY_SORT_LABELS: Record<ParitySort, string> = {
  name: 'Nom (A à Z)',
  share_desc: 'Part de femmes, de la plus forte à la plus faible',
  share_asc: 'Part de femmes, de la plus faible à la plus forte',
};

export const REGION_SLUGS = Object.fromEntries(REGIONS.map((region) => [region, slugify(region)])) as Record<(typeof REGIONS)[number], string>;
export const NETWORK_SLUGS = Object.fromEntries(PARITY_NETWORKS.map((network) => [network, slugify(network)])) as Record<(typeof PARITY_NETWORKS)[number], string>;

export interface ParitySearch {
  text: string;
  types: OrganizationType[];
  regions: string[];
  networks: string[];
  year: number | null;
  sort: ParitySort;
  page: number;
}

export const PARITY_PAGE_SIZE = 20;

const strings = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string');

function slugList<K extends string>(slugs: Record<K, string>, order: readonly K[]) {
  return z.unknown().optional().transform((value) => {
    const codes = new Set(strings(value).map((slug) => fromSlug(slugs, slug)));
    return order.filter((code) => codes.has(code));
  });
}

const schema = z.object({
  q: z.unknown().optional().transform((value) => (strings(value)[0] ?? '').replace(/\s+/g, ' ').trim().slice(0, 100)),
  type: slugList(ORGANIZATION_TYPE_SLUGS, ORGANIZATION_TYPES),
  region: slugList(REGION_SLUGS, REGIONS),
  reseau: slugList(NETWORK_SLUGS, PARITY_NETWORKS),
  annee: z.unknown().optional().transform((value) => {
    const year = Number(strings(value)[0]);
    return Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : null;
  }),
  tri: z.unknown().optional().transform((value) => fromSlug(PARITY_SORT_SLUGS, strings(value)[0] ?? '') ?? 'name'),
  page: z.unknown().optional().transform((value) => {
    const page = Number(strings(value)[0]);
    return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
  }),
});

export function parseParitySearch(query: unknown): ParitySearch {
  const parsed = schema.parse(query && typeof query === 'object' ? query : {});
  return { text: parsed.q, types: parsed.type, regions: parsed.region, networks: parsed.reseau, year: parsed.annee, sort: parsed.tri, page: parsed.page };
}

export function paritySearchUrl(search: ParitySearch, changes: Partial<ParitySearch> = {}): string {
  const next = { ...search, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.text) params.set('q', next.text);
  for (const type of next.types) params.append('type', ORGANIZATION_TYPE_SLUGS[type]);
  for (const region of next.regions) params.append('region', REGION_SLUGS[region as keyof typeof REGION_SLUGS]);
  for (const network of next.networks) params.append('reseau', NETWORK_SLUGS[network as keyof typeof NETWORK_SLUGS]);
  if (next.year) params.set('annee', String(next.year));
  if (next.sort !== 'name') params.set('tri', PARITY_SORT_SLUGS[next.sort]);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return query ? `/index-parite?${query}` : '/index-parite';
}
