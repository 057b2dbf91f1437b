import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { type DatabaseHandle, PGLITE_EXTENSIONS, openDatabase } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

/**
 * Backups: the database (pg_dump's custom format for PostgreSQL, a data-directory archive for
 * PGlite) and the stored files, side by side in one folder with a manifest of row counts, so a
 * restore can be checked against what was saved.
 */
export interface BackupManifest {
  createdAt: string;
  driver: 'postgres' | 'pglite';
  database: string;
  files: string | null;
  rowCounts: Record<string, number>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} a échoué (code ${code}) : ${errors.trim()}`))));
  });
}

/** Rows per table of the application (pg-boss's queue is not part of a backup's meaning). */
export async function rowCounts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(handle.db, sql`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ value: number }>(handle.db, sql`SELECT count(*)::int AS value FROM ${sql.identifier(name)}`);
    counts[name] = Number(row?.value ?? 0);
  }
  return counts;
}

export async function backUp(config: Config, target: string, now: Date): Promise<BackupManifest> {
  await mkdir(target, { recursive: true });
  let database: string;
  let counts: Record<string, number>;
  if (config.database.url) {
    database = 'base.pgdump';
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${join(target, database)}`, config.database.url]);
    const handle = await openDatabase({ driver: 'postgres', url: config.database.url, poolSize: 1 });
    try {
      counts = await rowCounts(handle);
    } finally {
      await handle.close();
    }
  } else {
    // PGlite is one process's database: stop the server first, or it may be caught mid-write.
    database = 'base-pglite.tar.gz';
    const handle = await openDatabase({ driver: 'pglite', dataDir: config.database.pgliteDataDir });
    try {
      counts = await rowCounts(handle);
      const dump = await handle.pglite!.dumpDataDir('gzip');
      await writeFile(join(target, database), Buffer.from(await dump.arrayBuffer()));
    } finally {
      await handle.close();
    }
  }
  let files: string | null = null;
  if (existsSync(config.storageDir) && (await readdir(config.storageDir)).length > 0) {
    files = 'fichiers.tar.gz';
    await run('tar', ['-czf', join(target, files), '-C', config.storageDir, '.']);
  }
  const manifest: BackupManifest = { createdAt: now.toISOString(), driver: config.database.url ? 'postgres' : 'pglite', database, files, rowCounts: counts };
  await writeFile(join(target, 'manifeste.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Replaces the database and the stored files with the backup's; returns the counts found after. */
export async function restore(config: Config, source: string): Promise<{ manifest: BackupManifest; counts: Record<string, number> }> {
  const manifest = JSON.parse(await readFile(join(source, 'manifeste.json'), 'utf8')) as BackupManifest;
  const driver = config.database.url ? 'postgres' : 'pglite';
  if (manifest.driver !== driver) throw new Error(`Cette sauvegarde vient d’une base ${manifest.driver} ; la configuration actuelle utilise ${driver}.`);
  let counts: Record<string, number>;
  if (config.database.url) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${config.database.url}`, join(source, manifest.database)]);
    const handle = await openDatabase({ driver: 'postgres', url: config.database.url, poolSize: 1 });
    try {
      counts = await rowCounts(handle);
    } finally {
      await handle.close();
    }
  } else {
    await rm(config.database.pgliteDataDir, { recursive: true, force: true });
    await mkdir(config.database.pgliteDataDir, { recursive: true });
    const archive = new Blob([await readFile(join(source, manifest.database))]);
    const pglite = await PGlite.create({ dataDir: config.database.pgliteDataDir, loadDataDir: archive, extensions: PGLITE_EXTENSIONS });
    await pglite.close();
    const handle = await openDatabase({ driver: 'pglite', dataDir: config.database.pgliteDataDir });
    try {
      counts = await rowCounts(handle);
    } finally {
      await handle.close();
    }
  }
  if (manifest.files) {
    await rm(config.storageDir, { recursive: true, force: true });
    await mkdir(config.storageDir, { recursive: true });
    await run('tar', ['-xzf', join(source, manifest.files), '-C', config.storageDir]);
  }
  return { manifest, counts };
}
