import type { Database } from '../../src/db/client.ts';
import { type NewResourceRow, resources } from '../../src/db/schema/index.ts';

let sequence = 0;

/** A published resource (a practical sheet unless told otherwise). */
export async function createResource(db: Database, overrides: Partial<NewResourceRow> = {}) {
  sequence += 1;
  const [row] = await db.insert(resources).values({
    slug: `ressource-de-test-${sequence}`,
    type: 'sheet',
    title: `Ressource de test ${sequence}`,
    summary: 'Une ressource utilisée par les tests.',
    introduction: 'Introduction.',
    body: 'Corps de la fiche.',
    status: 'published',
    source: 'manual',
    publishedAt: new Date(Date.UTC(2027, 0, 1) + sequence * 60_000),
    ...overrides,
  }).returning();
  return row!;
}
