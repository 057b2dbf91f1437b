import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { opportunities, type OpportunityRow, type OpportunityWindowRow } from '../../db/schema/index.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { textArray } from '../../platform/search/text-query.ts';
import type { CatalogueIndexStore } from './catalogue-index.store.ts';

export type OpportunityWithWindows = OpportunityRow & { windows: OpportunityWindowRow[] };

/** A published opportunity by its slug, with its windows; null when unknown or not public. */
export async function findPublishedOpportunityBySlug(db: Database, slug: string): Promise<OpportunityWithWindows | null> {
  const found = await db.query.opportunities.findFirst({
    where: and(eq(opportunities.slug, slug), eq(opportunities.status, 'published')),
    with: { windows: { orderBy: (windows, { asc }) => [asc(windows.closesOn)] } },
  });
  return found ?? null;
}

export async function findOpportunitiesByIds(db: Database, ids: number[]): Promise<OpportunityWithWindows[]> {
  if (ids.length === 0) return [];
  const rows = await db.query.opportunities.findMany({
    where: inArray(opportunities.id, ids),
    with: { windows: { orderBy: (windows, { asc }) => [asc(windows.closesOn)] } },
  });
  // Keep the order the caller asked for (it carries the sort).
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is OpportunityWithWindows => row !== undefined);
}

/** Published opportunities open today, the soonest deadline first (home page). */
export async function findClosingSoon(db: Database, index: CatalogueIndexStore, today: IsoDate, limit: number): Promise<OpportunityWithWindows[]> {
  const open = (await index.entriesOn(today))
    .filter((dated) => dated.status === 'open' || dated.status === 'closing_soon')
    .sort((a, b) => a.sortDate!.localeCompare(b.sortDate!) || a.entry.title.localeCompare(b.entry.title, 'fr'));
  return findOpportunitiesByIds(db, open.slice(0, limit).map((dated) => dated.entry.id));
}

export async function countPublishedOpportunities(db: Database): Promise<number> {
  const result = await queryRows<{ count: string | number }>(db, sql`SELECT count(*) AS count FROM opportunities WHERE status = 'published'`);
  return Number(result[0]?.count ?? 0);
}

/**
 * Opportunities like this one: same kind or shared disciplines first, then closest in words.
 * Closed ones are left out: a photographer looks for something she can still apply to.
 */
export async function findSimilarOpportunities(
  db: Database,
  index: CatalogueIndexStore,
  opportunity: OpportunityRow,
  today: IsoDate,
  limit: number,
): Promise<OpportunityWithWindows[]> {
  const specificDisciplines = opportunity.disciplines.filter((discipline) => discipline !== 'any');
  const sharesDisciplines = sql`o.disciplines && ${textArray(specificDisciplines)}`;
  // Any stemmed word of this opportunity's title and summary, as an OR query, ranks the rest.
  const candidates = await queryRows<{ id: number }>(db, sql`
    WITH source AS (
      SELECT array_to_string(ARRAY(
        SELECT quote_literal(lexeme)
        FROM unnest(tsvector_to_array(to_tsvector('french_unaccent', ${`${opportunity.title} ${opportunity.summary}`}))) AS lexeme
      ), ' | ')::tsquery AS words
    )
    SELECT o.id
    FROM source, opportunities o
    WHERE o.status = 'published' AND o.id <> ${opportunity.id}
      AND (o.kind = ${opportunity.kind} OR ${sharesDisciplines})
    ORDER BY (o.kind = ${opportunity.kind})::int + (${sharesDisciplines})::int DESC, ts_rank(o.search_vector, source.words) DESC, o.title
    LIMIT ${limit * 10}`);
  const statuses = new Map((await index.entriesOn(today)).map((dated) => [dated.entry.id, dated.status]));
  const stillOpen = candidates.map((row) => Number(row.id)).filter((id) => (statuses.get(id) ?? 'closed') !== 'closed');
  return findOpportunitiesByIds(db, stillOpen.slice(0, limit));
}

/** Every opportunity whatever its status: tells an empty database from a moderated one. */
export async function countAllOpportunities(db: Database): Promise<number> {
  const result = await queryRows<{ count: string | number }>(db, sql`SELECT count(*) AS count FROM opportunities`);
  return Number(result[0]?.count ?? 0);
}
