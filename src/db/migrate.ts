import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database, DatabaseHandle, Schema } from './client.ts';
import { queryRows } from './rows.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * The key of the PostgreSQL advisory lock every process of the service takes before migrating
 * (release step, web and worker starts): whoever comes second waits, then finds nothing to do.
 */
export const MIGRATION_LOCK_KEY = 1_717_017;

export interface MigrationReport {
  /** Migration files applied by this call (0: the schema was already up to date). */
  applied: number;
  /** Migration files the code ships. */
  total: number;
  /** Another process held the lock when this one asked for it. */
  waited: boolean;
}

/** When each shipped migration was written: drizzle applies those later than the last one recorded. */
function shippedMigrationTimes(): number[] {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((migration) => migration.folderMillis);
}

/** How many shipped migrations this database has not applied yet (all of them on an empty database). */
export async function pendingMigrations(db: Database, shipped: number[] = shippedMigrationTimes()): Promise<number> {
  const [table] = await queryRows<{ present: boolean }>(db, sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!table?.present) return shipped.length;
  const [row] = await queryRows<{ last: string | number | null }>(db, sql`SELECT max(created_at) AS last FROM drizzle.__drizzle_migrations`);
  const last = row?.last === null || row?.last === undefined ? -Infinity : Number(row.last);
  return shipped.filter((time) => time > last).length;
}

/**
 * Applies the one migration set, whichever the driver; already-applied files are skipped.
 * On PostgreSQL the whole run holds an advisory lock on one connection, so processes started
 * together (several instances, a release step) never race; PGlite belongs to one process.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<MigrationReport> {
  const shipped = shippedMigrationTimes();
  if (handle.driver === 'pglite') {
    const pending = await pendingMigrations(handle.db, shipped);
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder: MIGRATIONS_FOLDER });
    return { applied: pending, total: shipped.length, waited: false };
  }
  const client = await handle.pool!.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_KEY]);
    const waited = !rows[0]?.locked;
    if (waited) await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const db = drizzlePg({ client }) as unknown as Database;
      const pending = await pendingMigrations(db, shipped);
      if (pending > 0) await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      return { applied: pending, total: shipped.length, waited };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
