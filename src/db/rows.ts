import type { SQL } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * Runs raw SQL and returns its rows. Both drivers (PGlite and node-postgres) answer with
 * `{ rows }`, but the shared database type cannot say so: this is the one place that knows.
 */
export async function queryRows<Row>(db: Pick<Database, 'execute'>, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
