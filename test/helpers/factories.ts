import type { Database } from '../../src/db/client.ts';
import { type NewOpportunityRow, opportunities, opportunityWindows } from '../../src/db/schema/index.ts';
import type { ApplicationWindow } from '../../src/features/opportunities/status.ts';

let sequence = 0;

type OpportunityOverrides = Partial<NewOpportunityRow> & { windows?: Partial<ApplicationWindow>[] };

/** Builds and stores a published opportunity with its application windows. */
export async function createOpportunity(db: Database, overrides: OpportunityOverrides = {}) {
  sequence += 1;
  const { windows = [], ...fields } = overrides;
  const [row] = await db
    .insert(opportunities)
    .values({
      slug: `aide-de-test-${sequence}`,
      title: `Aide de test ${sequence}`,
      organizer: 'Organisme de test',
      kind: 'grant',
      disciplines: ['any'],
      summary: 'Une aide utilisée par les tests.',
      recurrence: 'annual',
      status: 'published',
      source: 'manual',
      publishedAt: new Date('2027-01-01T10:00:00Z'),
      ...fields,
    })
    .returning();
  for (const window of windows) {
    await db.insert(opportunityWindows).values({
      opportunityId: row!.id,
      opensOn: window.opensOn ?? null,
      closesOn: window.closesOn ?? '2027-12-31',
      isEstimated: window.isEstimated ?? false,
    });
  }
  return row!;
}
