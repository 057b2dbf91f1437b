import { readFile } from 'node:fs/promises';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { opportunities, opportunityWindows } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { parisDate } from '../../platform/dates.ts';
import { deriveNextWindow } from './derive-windows.ts';
import { seedFileSchema, seedItemToRow } from './seed-mapping.ts';

export const SEED_FILE = new URL('../../../data/seed/opportunities.json', import.meta.url);

export interface SeedReport {
  inserted: number;
  updated: number;
}

/**
 * Loads the real opportunities of data/seed/ (idempotent: run it again and nothing doubles).
 * Items a moderator has verified since (last_verified_on set) keep their dates and content.
 */
export async function seedOpportunities(db: Database, clock: Clock): Promise<SeedReport> {
  const items = seedFileSchema.parse(JSON.parse(await readFile(SEED_FILE, 'utf8')));
  const today = parisDate(clock.now());
  const now = clock.now();
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: opportunities.id, sourceRef: opportunities.sourceRef, lastVerifiedOn: opportunities.lastVerifiedOn })
      .from(opportunities)
      .where(eq(opportunities.source, 'seed'));
    const existingByRef = new Map(existing.map((row) => [row.sourceRef, row]));
    const report: SeedReport = { inserted: 0, updated: 0 };
    for (const item of items) {
      const row = seedItemToRow(item);
      const known = existingByRef.get(item.slug);
      if (known?.lastVerifiedOn) continue;
      let id: number;
      if (known) {
        await tx.update(opportunities).set({ ...row, updatedAt: now }).where(eq(opportunities.id, known.id));
        id = known.id;
        report.updated += 1;
      } else {
        const [created] = await tx.insert(opportunities).values({ ...row, publishedAt: now, createdAt: now, updatedAt: now }).returning({ id: opportunities.id });
        id = created!.id;
        report.inserted += 1;
      }
      const window = deriveNextWindow(
        { recurrence: row.recurrence, typicalOpenMonth: row.typicalOpenMonth ?? null, typicalDeadlineMonth: row.typicalDeadlineMonth ?? null },
        today,
      );
      if (known) {
        await tx.delete(opportunityWindows).where(and(eq(opportunityWindows.opportunityId, id), eq(opportunityWindows.isEstimated, true)));
      }
      if (window) await tx.insert(opportunityWindows).values({ opportunityId: id, ...window });
    }
    // Fresh statistics, or the planner may ignore the full-text index after a bulk load.
    await tx.execute(sql`ANALYZE opportunities`);
    return report;
  });
}
