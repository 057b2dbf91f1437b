import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { adminUrl, withDatabase } from './postgres-urls.ts';

export const usesPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A migrated, empty database for one test file: PGlite loaded from the run's snapshot, or a
 * fresh copy of the PostgreSQL template when DATABASE_URL is set. Closing it drops the copy.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const snapshot = await readFile(inject('pgliteSnapshotPath'));
    return openDatabase({ driver: 'pglite', loadDataDir: new Blob([snapshot]) });
  }
  const name = `eflc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ driver: 'postgres', url: withDatabase(databaseUrl, name), poolSize: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl(databaseUrl) });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
