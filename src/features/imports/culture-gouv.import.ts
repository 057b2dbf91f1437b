import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { importRuns, opportunities } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { IMPORT_ACTOR, recordAudit } from '../audit/audit.commands.ts';
import { insertOpportunity, replaceWindows, windowsOf } from '../opportunities/opportunity-editing.commands.ts';
import { type ImportedFields, mapProcedure, pageSchema } from './culture-gouv.mapping.ts';

export const CULTURE_SOURCE = 'culture.gouv.fr';
export const PAGE_SIZE = 50;

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Why items were set aside, with how many each time. */
  skippedReasons: Record<string, number>;
  error?: string;
}

export class ImportSourceError extends Error {}

const emptyReport = (): ImportReport => ({ created: 0, updated: 0, unchanged: 0, skipped: 0, skippedReasons: {} });

/**
 * Upserts by source id: a new procedure becomes an item in review; a known one gets only the
 * fields whose source value changed since the last import (the team's corrections survive),
 * with a line in the audit log. Running twice on the same data changes nothing.
 */
export async function importProcedures(db: Database, items: readonly unknown[], clock: Clock, report = emptyReport()): Promise<ImportReport> {
  for (const raw of items) {
    const mapped = mapProcedure(raw);
    if (!mapped.kept) {
      report.skipped += 1;
      report.skippedReasons[mapped.reason] = (report.skippedReasons[mapped.reason] ?? 0) + 1;
      continue;
    }
    const outcome = await db.transaction((tx) => upsertProcedure(tx, mapped.sourceRef, mapped.fields, clock));
    report[outcome] += 1;
  }
  return report;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function upsertProcedure(tx: Tx, sourceRef: string, fields: ImportedFields, clock: Clock): Promise<'created' | 'updated' | 'unchanged'> {
  const now = clock.now();
  const { windows, ...columns } = fields;
  const [existing] = await tx.select().from(opportunities)
    .where(and(eq(opportunities.source, 'import'), eq(opportunities.sourceRef, sourceRef))).for('update');
  if (!existing) {
    const row = await insertOpportunity(tx, { ...columns, status: 'in_review', source: 'import', sourceRef, sourceSnapshot: fields, createdAt: now, updatedAt: now }, windows);
    await recordAudit(tx, IMPORT_ACTOR, { action: 'opportunity.import_create', entityType: 'opportunity', entityId: row.id, summary: `Import de « ${row.title} » (à relire)`, after: fields }, clock);
    return 'created';
  }
  const previous = (existing.sourceSnapshot ?? {}) as Partial<ImportedFields>;
  const changedKeys = (Object.keys(fields) as (keyof ImportedFields)[]).filter((key) => JSON.stringify(previous[key] ?? null) !== JSON.stringify(fields[key]));
  if (changedKeys.length === 0) return 'unchanged';
  const changedColumns = Object.fromEntries(changedKeys.filter((key) => key !== 'windows').map((key) => [key, columns[key as keyof typeof columns]]));
  const before: Record<string, unknown> = Object.fromEntries(changedKeys.filter((key) => key !== 'windows').map((key) => [key, existing[key as keyof typeof existing]]));
  if (changedKeys.includes('windows')) before.windows = await windowsOf(tx, existing.id);
  await tx.update(opportunities).set({ ...changedColumns, sourceSnapshot: fields, updatedAt: now }).where(eq(opportunities.id, existing.id));
  if (changedKeys.includes('windows')) await replaceWindows(tx, existing.id, windows);
  const after: Record<string, unknown> = { ...changedColumns, ...(changedKeys.includes('windows') ? { windows } : {}) };
  await recordAudit(tx, IMPORT_ACTOR, {
    action: 'opportunity.import_update', entityType: 'opportunity', entityId: existing.id,
    summary: `Mise à jour par l’import de « ${existing.title} » (${changedKeys.join(', ')})`, before, after,
  }, clock);
  return 'updated';
}

export type PageFetcher = (offset: number, limit: number) => Promise<unknown>;

/** Fetches the Ministry's API page by page (limit/offset) with a time limit per request. */
export function httpPageFetcher(baseUrl: string, timeoutMs = 15_000): PageFetcher {
  return async (offset, limit) => {
    const url = new URL(baseUrl);
    url.searchParams.set('limit', String(limit));
    url.searchParams.set('offset', String(offset));
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json', 'user-agent': 'ElleFontLaCulture-import/1.0 (+https://ellesfontlaculture.culture.gouv.fr)' } });
    } catch (error) {
      throw new ImportSourceError(`source injoignable (${(error as Error).message})`);
    }
    if (!response.ok) throw new ImportSourceError(`réponse HTTP ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new ImportSourceError('réponse qui n’est pas du JSON valide');
    }
  };
}

/** Runs a whole import (every page), records it, and returns its report. */
export async function runCultureImport(db: Database, fetchPage: PageFetcher, clock: Clock): Promise<ImportReport> {
  const [run] = await db.insert(importRuns).values({ source: CULTURE_SOURCE, startedAt: clock.now() }).returning();
  const report = emptyReport();
  try {
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = pageSchema.safeParse(await fetchPage(offset, PAGE_SIZE));
      if (!page.success) throw new ImportSourceError('page au format inattendu (count et results attendus)');
      await importProcedures(db, page.data.results, clock, report);
      if (page.data.results.length === 0 || offset + PAGE_SIZE >= page.data.count) break;
    }
  } catch (error) {
    report.error = error instanceof ImportSourceError ? error.message : 'erreur inattendue';
    await db.update(importRuns).set({ finishedAt: clock.now(), report }).where(eq(importRuns.id, run!.id));
    throw error;
  }
  await db.update(importRuns).set({ finishedAt: clock.now(), report }).where(eq(importRuns.id, run!.id));
  return report;
}
