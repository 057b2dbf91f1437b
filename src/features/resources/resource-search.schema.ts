import { z } from 'zod';
import { RESOURCE_STAGES, RESOURCE_THEMES, RESOURCE_TYPES, type ResourceStage, type ResourceTheme, type ResourceType } from '../../db/schema/index.ts';
import { RESOURCE_TYPE_SLUGS, STAGE_SLUGS, THEME_SLUGS } from './resource.vocabulary.ts';
import { fromSlug } from '../../platform/slugs.ts';

/** The resources search as a query string, parsed leniently (unknown values are dropped). */
export const RESOURCE_SORTS = ['newest', 'useful', 'relevance'] as const;
export type ResourceSort = (typeof RESOURCE_SORTS)[number];
const SORT_SLUGS: Record<ResourceSort, string> = { newest: 'recent', useful: 'utile', relevance: 'pertinence' };

export interface ResourceSearch {
  text: string;
  types: ResourceType[];
  themes: ResourceTheme[];
  stages: ResourceStage[];
  sort: ResourceSort | null;
  page: number;
}

export const RESOURCE_PAGE_SIZE = 12;

const strings = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string');

function slugList<K extends string>(slugs: Record<K, string>, order: readonly K[]) {
  return z.unknown().optional().transform((value) => {
    const codes = new Set(strings(value).map((slug) => fromSlug(slugs, slug)));
    return order.filter((code) => codes.has(code));
  });
}

const schema = z.object({
  q: z.unknown().optional().transform((value) => (strings(value)[0] ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)),
  type: slugList(RESOURCE_TYPE_SLUGS, RESOURCE_TYPES),
  theme: slugList(THEME_SLUGS, RESOURCE_THEMES),
  parcours: slugList(STAGE_SLUGS, RESOURCE_STAGES),
  tri: z.unknown().optional().transform((value) => fromSlug(SORT_SLUGS, strings(value)[0] ?? '') ?? null),
  page: z.unknown().optional().transform((value) => {
    const page = Number(strings(value)[0]);
    return Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1;
  }),
});

export function parseResourceSearch(query: unknown): ResourceSearch {
  const parsed = schema.parse(query && typeof query === 'object' ? query : {});
  return {
    text: parsed.q, types: parsed.type, themes: parsed.theme, stages: parsed.parcours,
    sort: parsed.tri === 'relevance' && !parsed.q ? null : parsed.tri, page: parsed.page,
  };
}

export function effectiveResourceSort(search: ResourceSearch): ResourceSort {
  return search.sort ?? (search.text ? 'relevance' : 'newest');
}

export function resourceSearchUrl(search: ResourceSearch, changes: Partial<ResourceSearch> = {}): string {
  const next = { ...search, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.text) params.set('q', next.text);
  for (const type of next.types) params.append('type', RESOURCE_TYPE_SLUGS[type]);
  for (const theme of next.themes) params.append('theme', THEME_SLUGS[theme]);
  for (const stage of next.stages) params.append('parcours', STAGE_SLUGS[stage]);
  if (next.sort) params.set('tri', SORT_SLUGS[next.sort]);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return query ? `/ressources?${query}` : '/ressources';
}

export const RESOURCE_SORT_SLUGS = SORT_SLUGS;
