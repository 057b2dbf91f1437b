import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { RESOURCE_STAGES, RESOURCE_THEMES, RESOURCE_TYPES, type ResourceRow, resources } from '../../db/schema/index.ts';
import { buildTextQuery, textArray, toTsQuery, type TextQuery } from '../../platform/search/text-query.ts';
import { RESOURCE_PAGE_SIZE, type ResourceSearch, effectiveResourceSort } from './resource-search.schema.ts';

export interface ResourceFacets {
  type: Record<string, number>;
  theme: Record<string, number>;
  stage: Record<string, number>;
}

export interface ResourceSearchResult {
  items: ResourceRow[];
  total: number;
  published: number;
  page: number;
  pageCount: number;
  facets: ResourceFacets;
  textQuery: TextQuery | null;
}

const alias = (name: string) => sql.raw(`"${name}"`);

/** French full-text search and facets over published resources (a few thousand rows at most). */
export async function searchResources(db: Database, search: ResourceSearch): Promise<ResourceSearchResult> {
  const textQuery = search.text ? await buildTextQuery(db, search.text) : null;
  let result = await runSearch(db, search, textQuery?.allTerms ?? null);
  if (result.total === 0 && textQuery && textQuery.terms.length > 1) result = await runSearch(db, search, textQuery.anyTerm);
  return { ...result, textQuery };
}

async function runSearch(db: Database, search: ResourceSearch, tsQuery: string | null) {
  const filters: Record<'type' | 'theme' | 'stage', SQL> = {
    type: search.types.length ? sql`r.type = ANY(${textArray(search.types)})` : sql`true`,
    theme: search.themes.length ? sql`r.themes && ${textArray(search.themes)}` : sql`true`,
    stage: search.stages.length ? sql`r.career_stages && ${textArray(search.stages)}` : sql`true`,
  };
  const all = sql`${filters.type} AND ${filters.theme} AND ${filters.stage}`;
  const except = (name: keyof typeof filters) => sql.join(Object.entries(filters).filter(([key]) => key !== name).map(([, value]) => value), sql` AND `);
  const textMatch = tsQuery ? sql`AND r.search_vector @@ ${toTsQuery(tsQuery)}` : sql``;
  const base = sql`(SELECT r.*, ${tsQuery ? sql`ts_rank_cd(r.search_vector, ${toTsQuery(tsQuery)})` : sql`0`} AS rank FROM resources r WHERE r.status = 'published' ${textMatch}) AS r`;
  const aggregates = [
    sql`count(*) FILTER (WHERE ${all}) AS total`,
    ...RESOURCE_TYPES.map((type) => sql`count(*) FILTER (WHERE ${except('type')} AND r.type = ${type}) AS ${alias(`type:${type}`)}`),
    ...RESOURCE_THEMES.map((theme) => sql`count(*) FILTER (WHERE ${except('theme')} AND ${theme} = ANY(r.themes)) AS ${alias(`theme:${theme}`)}`),
    ...RESOURCE_STAGES.map((stage) => sql`count(*) FILTER (WHERE ${except('stage')} AND ${stage} = ANY(r.career_stages)) AS ${alias(`stage:${stage}`)}`),
    sql`(SELECT count(*) FROM resources WHERE status = 'published') AS published`,
  ];
  const [counts] = await queryRows<Record<string, string | number>>(db, sql`SELECT ${sql.join(aggregates, sql`, `)} FROM ${base}`);
  const facets: ResourceFacets = { type: {}, theme: {}, stage: {} };
  for (const [key, value] of Object.entries(counts ?? {})) {
    const [facet, name] = key.split(':');
    if (name && facet && facet in facets) facets[facet as keyof ResourceFacets][name] = Number(value);
  }
  const total = Number(counts?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / RESOURCE_PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const order = {
    relevance: sql`r.rank DESC, r.published_at DESC, r.id DESC`,
    newest: sql`r.published_at DESC, r.id DESC`,
    // Most useful: more "useful" than "not useful" answers, then the newest.
    useful: sql`coalesce(f.score, 0) DESC, r.published_at DESC, r.id DESC`,
  }[effectiveResourceSort(search)];
  const ids = await queryRows<{ id: number }>(db, sql`
    SELECT r.id FROM ${base}
    LEFT JOIN (SELECT resource_id, count(*) FILTER (WHERE answer = 'useful') - count(*) FILTER (WHERE answer = 'not_useful') AS score FROM resource_feedback GROUP BY resource_id) AS f
      ON f.resource_id = r.id
    WHERE ${all}
    ORDER BY ${order}
    LIMIT ${RESOURCE_PAGE_SIZE} OFFSET ${(page - 1) * RESOURCE_PAGE_SIZE}`);
  const items = await findResourcesByIds(db, ids.map((row) => Number(row.id)));
  return { items, total, published: Number(counts?.published ?? 0), page, pageCount, facets };
}

export async function findResourcesByIds(db: Database, ids: number[]): Promise<ResourceRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(resources).where(sql`${resources.id} = ANY(${sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::int[]`})`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is ResourceRow => row !== undefined);
}

export async function findPublishedResourceBySlug(db: Database, slug: string): Promise<ResourceRow | null> {
  const [row] = await db.select().from(resources).where(and(eq(resources.slug, slug), eq(resources.status, 'published'))).limit(1);
  return row ?? null;
}

/** Webinars and workshops: upcoming (not yet over) soonest first, past ones latest first. */
export async function listWebinars(db: Database, now: Date) {
  const webinars = await db.select().from(resources).where(and(eq(resources.type, 'webinar'), eq(resources.status, 'published')));
  const endOf = (row: ResourceRow) => (row.startsAt?.getTime() ?? 0) + (row.durationMinutes ?? 60) * 60_000;
  return {
    upcoming: webinars.filter((row) => endOf(row) > now.getTime()).sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0)),
    past: webinars.filter((row) => endOf(row) <= now.getTime()).sort((a, b) => (b.startsAt?.getTime() ?? 0) - (a.startsAt?.getTime() ?? 0)),
  };
}

export function isPastWebinar(row: Pick<ResourceRow, 'startsAt' | 'durationMinutes'>, now: Date): boolean {
  return (row.startsAt?.getTime() ?? 0) + (row.durationMinutes ?? 60) * 60_000 <= now.getTime();
}

export async function resourceFeedbackSummary(db: Database) {
  return queryRows<{ id: number; slug: string; title: string; useful: number; not_useful: number }>(db, sql`
    SELECT r.id, r.slug, r.title, count(*) FILTER (WHERE f.answer = 'useful') AS useful, count(*) FILTER (WHERE f.answer = 'not_useful') AS not_useful
    FROM resource_feedback f JOIN resources r ON r.id = f.resource_id GROUP BY r.id ORDER BY count(*) DESC LIMIT 500`);
}

export async function resourceReasons(db: Database, resourceId: number): Promise<Record<string, number>> {
  const rows = await queryRows<{ reason: string; n: number }>(db, sql`
    SELECT reason, count(*) AS n FROM resource_feedback, unnest(reasons) AS reason WHERE resource_id = ${resourceId} GROUP BY reason`);
  return Object.fromEntries(rows.map((row) => [row.reason, Number(row.n)]));
}

