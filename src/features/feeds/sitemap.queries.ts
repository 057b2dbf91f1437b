import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

export interface PublicPage {
  path: string;
  updatedAt: Date | string;
}

/** Every public detail page: published opportunities and resources, and the organisations of the parity index. */
export async function publicDetailPages(db: Database): Promise<PublicPage[]> {
  return queryRows<PublicPage>(db, sql`
    SELECT '/aides/' || slug AS path, updated_at AS "updatedAt" FROM opportunities WHERE status = 'published'
    UNION ALL
    SELECT '/ressources/' || slug, updated_at FROM resources WHERE status = 'published'
    UNION ALL
    SELECT '/index-parite/' || slug, updated_at FROM parity_organizations
    ORDER BY 1`);
}
