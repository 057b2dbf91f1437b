import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { adminUrl, withDatabase } from './helpers/postgres-urls.ts';

// One template per run, so two runs on the same server (CI on PGlite then PostgreSQL) never collide.
const TEMPLATE_DATABASE = `eflc_test_template_${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshotPath: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates once for the whole run: a PGlite data directory dumped to a file (loaded by each
 * test file in ~0.4 s) and, when DATABASE_URL is set, a PostgreSQL template database that each
 * test file copies.
 */
export default async function setup(project: TestProject) {
  const directory = await mkdtemp(join(tmpdir(), 'eflc-test-'));
  const pglite = await openDatabase({ driver: 'pglite' });
  await migrateDatabase(pglite);
  const dump = await pglite.pglite!.dumpDataDir('none');
  const snapshotPath = join(directory, 'migrated.tar');
  await writeFile(snapshotPath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteSnapshotPath', snapshotPath);

  const databaseUrl = process.env.DATABASE_URL;
  project.provide('postgresTemplate', databaseUrl ? TEMPLATE_DATABASE : '');
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const template = await openDatabase({ driver: 'postgres', url: withDatabase(databaseUrl, TEMPLATE_DATABASE), poolSize: 1 });
    await migrateDatabase(template);
    await template.close();
  }

  return async () => {
    await rm(directory, { recursive: true, force: true });
    if (databaseUrl) {
      const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
      await admin.end();
    }
  };
}
