import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { ORGANIZATION_TYPES, parityFigures, parityOrganizations } from '../src/db/schema/index.ts';
import { REGIONS } from '../src/features/opportunities/opportunity.vocabulary.ts';
import { METRICS_BY_TYPE, PARITY_NETWORKS } from '../src/features/parity/parity.vocabulary.ts';
import { seededRandom } from './generate-opportunities.ts';

const WORDS = ['Centre', 'Festival', 'Maison', 'Galerie', 'École', 'Prix', 'Rencontres', 'Biennale', 'Revue', 'Agence', 'Collection'];
const PLACES = ['Arles', 'Marseille', 'Lyon', 'Lille', 'Nantes', 'Rennes', 'Bordeaux', 'Toulouse', 'Montpellier', 'Strasbourg', 'Rouen', 'Dijon', 'Sète', 'Metz', 'Brest', 'Paris'];

/**
 * Organisations of the index with figures for `years` years each (two or three metrics a year,
 * fewer for older years): a deterministic data set far larger than the real one.
 */
export async function generateParity(db: Database, count: number, years = 10): Promise<{ slug: string; figures: number }> {
  const random = seededRandom(20_261_129);
  let figures = 0;
  const batchSize = 500;
  for (let start = 0; start < count; start += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, count - start) }, (_, offset) => {
      const number = start + offset + 1;
      const place = random.pick(PLACES);
      return {
        slug: `organisation-generee-${number}`, name: `${random.pick(WORDS)} photographique de ${place} ${number}`, type: random.pick(ORGANIZATION_TYPES), city: place,
        region: random.pick(REGIONS), network: random.next() < 0.2 ? random.pick(PARITY_NETWORKS) : null,
      };
    });
    const inserted = await db.insert(parityOrganizations).values(rows).returning({ id: parityOrganizations.id, type: parityOrganizations.type });
    const values = inserted.flatMap(({ id, type }) => Array.from({ length: random.integer(1, years) }, (_, index) => 2026 - index).flatMap((year) =>
      METRICS_BY_TYPE[type].slice(0, random.integer(2, 3)).map((metric) => {
        const total = random.integer(0, 120);
        return { organizationId: id, year, metric, women: random.integer(0, total), total, source: 'Données générées', status: 'published' as const, recordedBy: 'Banc de charge', publishedAt: new Date() };
      })));
    for (let offset = 0; offset < values.length; offset += 2000) await db.insert(parityFigures).values(values.slice(offset, offset + 2000));
    figures += values.length;
  }
  await db.execute(sql`ANALYZE parity_organizations`);
  await db.execute(sql`ANALYZE parity_figures`);
  return { slug: `organisation-generee-${Math.floor(count / 2)}`, figures };
}
