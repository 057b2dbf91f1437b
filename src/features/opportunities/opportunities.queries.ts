import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { opportunities, type OpportunityRow, type OpportunityWindowRow } from '../../db/schema/index.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { textArray } from '../../platform/search/text-query.ts';
import { catalogueStatusExpression, windowSummaryJoin } from './status.sql.ts';

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

/** Published opportunities still open, the soonest deadline first (home page). */
export async function findClosingSoon(db: Database, today: IsoDate, limit: number): Promise<OpportunityWithWindows[]> {
  const result = await queryRows<{ id: number }>(db, sql`
    SELECT o.id FROM opportunities o ${windowSummaryJoin(today)}
    WHERE o.status = 'published' AND w.current_close IS NOT NULL
    ORDER BY w.current_close, o.title
    LIMIT ${limit}`);
  return findOpportunitiesByIds(db, result.map((row) => Number(row.id)));
}

export async function countPublishedOpportunities(db: Database): Promise<number> {
  const result = await queryRows<{ count: string | number }>(db, sql`SELECT count(*) AS count FROM opportunities WHERE status = 'published'`);
  return Number(result[0]?.count ?? 0);
}

/**
 * Opportunities like this one: same kind or shared disciplines, and text close to it, open ones
 * first. Closed ones are left out: a photographer looks for something she can still apply to.
 */
export async function findSimilarOpportunities(
  db: Database,
  opportunity: OpportunityRow,
  today: IsoDate,
  limit: number,
): Promise<OpportunityWithWindows[]> {
  const specificDisciplines = opportunity.disciplines.filter((discipline) => discipline !== 'any');
  const words = `${opportunity.title} ${opportunity.summary}`;
  const sharesDisciplines = sql`o.disciplines && ${textArray(specificDisciplines)}`;
  // Any stemmed word of this opportunity's title and summary, as an OR query, ranks the rest.
  const result = await queryRows<{ id: number }>(db, sql`
    WITH source AS (
      SELECT array_to_string(ARRAY(
        SELECT quote_literal(lexeme) FROM unnest(tsvector_to_array(to_tsvector('french_unaccent', ${words}))) AS lexeme
      ), ' | ')::tsquery AS words
    )
    SELECT o.id
    FROM source, opportunities o ${windowSummaryJoin(today)}
    WHERE o.status = 'published' AND o.id <> ${opportunity.id}
      AND (${catalogueStatusExpression(today)}) <> 'closed'
      AND (o.kind = ${opportunity.kind} OR ${sharesDisciplines})
    ORDER BY
      (o.kind = ${opportunity.kind})::int + (${sharesDisciplines})::int DESC,
      ts_rank(o.search_vector, source.words) DESC,
      o.title
    LIMIT ${limit}`);
  return findOpportunitiesByIds(db, result.map((row) => Number(row.id)));
}

/** Every opportunity whatever its status: tells an empty database from a moderated one. */
export async function countAllOpportunities(db: Database): Promise<number> {
  const result = await queryRows<{ count: string | number }>(db, sql`SELECT count(*) AS count FROM opportunities`);
  return Number(result[0]?.count ?? 0);
}
