import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { slugify } from '../../platform/slugs.ts';

/** Path segments under /index-parite that are pages, not organisations. */
const RESERVED_SLUGS = ['chiffres-cles', 'methode', 'donnees', 'mes-declarations'];

/** "Prix Niépce" -> "prix-niepce", made unique with -2, -3… */
export async function uniqueOrganizationSlug(db: Pick<Database, 'execute'>, name: string, excludeId?: number): Promise<string> {
  const base = slugify(name) || 'organisation';
  const taken = new Set((await queryRows<{ slug: string }>(db, sql`SELECT slug FROM parity_organizations WHERE (slug = ${base} OR slug LIKE ${`${base}-%`}) AND id <> ${excludeId ?? -1}`)).map((row) => row.slug));
  if (!taken.has(base) && !RESERVED_SLUGS.includes(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}
