import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { opportunities, opportunityWindows } from '../../db/schema/index.ts';
import type { ContentVersions } from '../../platform/content-versions.ts';
import type { IsoDate } from '../../platform/dates.ts';
import { type CatalogueEntry, type DatedEntry, dateEntries, foldText, significantWords } from './catalogue-index.ts';

/**
 * Keeps the published catalogue in memory for the catalogue's filters and facets, rebuilt when
 * the catalogue's content version changes (any write, from any process) or the day changes.
 */
export interface CatalogueIndexStore {
  /** Published opportunities as they stand on `today`. */
  entriesOn(today: IsoDate): Promise<DatedEntry[]>;
}

export async function loadCatalogueEntries(db: Database): Promise<CatalogueEntry[]> {
  const rows = await db
    .select({
      id: opportunities.id, slug: opportunities.slug, title: opportunities.title, summary: opportunities.summary, kind: opportunities.kind, disciplines: opportunities.disciplines,
      geographicScope: opportunities.geographicScope, region: opportunities.region, eligibilityRegion: opportunities.eligibilityRegion,
      careerStages: opportunities.careerStages, reservedToWomen: opportunities.reservedToWomen, entryFeeEur: opportunities.entryFeeEur,
      ageMin: opportunities.ageMin, ageMax: opportunities.ageMax, amountEur: opportunities.amountEur, publishedAt: opportunities.publishedAt,
      isPermanent: opportunities.isPermanent, recurrence: opportunities.recurrence, typicalOpenMonth: opportunities.typicalOpenMonth,
      typicalDeadlineMonth: opportunities.typicalDeadlineMonth,
    })
    .from(opportunities)
    .where(eq(opportunities.status, 'published'));
  const windows = await db
    .select({ opportunityId: opportunityWindows.opportunityId, opensOn: opportunityWindows.opensOn, closesOn: opportunityWindows.closesOn, isEstimated: opportunityWindows.isEstimated })
    .from(opportunityWindows)
    .innerJoin(opportunities, eq(opportunities.id, opportunityWindows.opportunityId))
    .where(eq(opportunities.status, 'published'))
    .orderBy(asc(opportunityWindows.closesOn));
  const windowsById = new Map<number, CatalogueEntry['windows'][number][]>();
  for (const { opportunityId, ...window } of windows) {
    const list = windowsById.get(opportunityId) ?? [];
    list.push(window);
    windowsById.set(opportunityId, list);
  }
  // Every property written out in one literal: the objects keep one fast shape, which the
  // catalogue's per-request loop over thousands of them depends on.
  return rows.map((row): CatalogueEntry => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    titleKey: foldText(row.title),
    words: significantWords(`${row.title} ${row.summary}`),
    kind: row.kind,
    disciplines: row.disciplines as CatalogueEntry['disciplines'],
    geographicScope: row.geographicScope,
    region: row.region,
    eligibilityRegion: row.eligibilityRegion,
    careerStages: row.careerStages as CatalogueEntry['careerStages'],
    reservedToWomen: row.reservedToWomen,
    entryFeeEur: row.entryFeeEur,
    ageMin: row.ageMin,
    ageMax: row.ageMax,
    amountEur: row.amountEur,
    publishedAt: row.publishedAt?.getTime() ?? 0,
    isPermanent: row.isPermanent,
    recurrence: row.recurrence,
    typicalOpenMonth: row.typicalOpenMonth,
    typicalDeadlineMonth: row.typicalDeadlineMonth,
    windows: windowsById.get(row.id) ?? [],
  }));
}

export function createCatalogueIndexStore(db: Database, versions: ContentVersions): CatalogueIndexStore {
  let built: { version: number; entries: Promise<CatalogueEntry[]> } | null = null;
  let dated: { version: number; today: IsoDate; entries: DatedEntry[] } | null = null;
  return {
    async entriesOn(today) {
      const version = await versions.of('catalogue');
      if (built?.version !== version) {
        const entries = loadCatalogueEntries(db);
        built = { version, entries };
        // A failed load must not stay cached.
        entries.catch(() => {
          if (built?.entries === entries) built = null;
        });
      }
      const entries = await built.entries;
      if (dated?.version !== version || dated.today !== today) {
        dated = { version, today, entries: dateEntries(entries, today) };
      }
      return dated.entries;
    },
  };
}
