import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { opportunities, type OpportunityRow, type OpportunityWindowRow } from '../../db/schema/index.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { matcherFor, similarEntries } from './catalogue-index.ts';
import type { OpportunitySearch } from './search.schema.ts';
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

/**
 * Published opportunities open today, the soonest deadline first (home page). With a profile,
 * those that fit it come first.
 */
export async function findClosingSoon(
  db: Database,
  index: CatalogueIndexStore,
  today: IsoDate,
  limit: number,
  preferred?: OpportunitySearch | null,
): Promise<OpportunityWithWindows[]> {
  const fits = preferred ? matcherFor(preferred) : () => false;
  const open = (await index.entriesOn(today))
    .filter((dated) => dated.status === 'open' || dated.status === 'closing_soon')
    .sort((a, b) => Number(fits(b)) - Number(fits(a)) || (a.sortDate! < b.sortDate! ? -1 : a.sortDate! > b.sortDate! ? 1 : a.entry.titleKey < b.entry.titleKey ? -1 : 1));
  return findOpportunitiesByIds(db, open.slice(0, limit).map((dated) => dated.entry.id));
}


/** Opportunities like this one that are still worth applying to (see similarEntries). */
export async function findSimilarOpportunities(
  db: Database,
  index: CatalogueIndexStore,
  opportunityId: number,
  today: IsoDate,
  limit: number,
): Promise<OpportunityWithWindows[]> {
  const entries = await index.entriesOn(today);
  const target = entries.find((dated) => dated.entry.id === opportunityId);
  return target ? findOpportunitiesByIds(db, similarEntries(entries, target.entry, limit)) : [];
}

/** Every opportunity whatever its status: tells an empty database from a moderated one. */
export async function countAllOpportunities(db: Database): Promise<number> {
  const result = await queryRows<{ count: string | number }>(db, sql`SELECT count(*) AS count FROM opportunities`);
  return Number(result[0]?.count ?? 0);
}
