import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { slugify } from '../../platform/slugs.ts';

/** A URL-safe slug from a title, unique among resources (-2, -3… when taken). */
export async function uniqueResourceSlug(db: Pick<Database, 'execute'>, title: string, excludeId?: number): Promise<string> {
  const base = slugify(title) || 'ressource';
  const taken = new Set((await queryRows<{ slug: string }>(db, sql`SELECT slug FROM resources WHERE (slug = ${base} OR slug LIKE ${`${base}-%`}) AND id <> ${excludeId ?? -1}`)).map((row) => row.slug));
  if (!taken.has(base) && !['ateliers', 'proposer'].includes(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}
