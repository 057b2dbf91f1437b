import { spawn } from 'node:child_process';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, MIGRATION_LOCK_KEY } from '../src/db/migrate.ts';
import { createEmptyDatabase } from './helpers/postgres.ts';

/** `npm run db:migrate` as a release step runs it: its own process, its exit code, its output. */
function migrate(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'db:migrate'], { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'development' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output: output.trim() }));
  });
}

describe('two release steps at once on an empty PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  const shipped = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(() => database?.drop());

  it('both exit 0; the schema is applied once, by one of them', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // So that they really start together whatever the machine's speed, the test holds the lock
      // until both processes are queued on it, then lets them race.
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const running = Promise.all([migrate(database.url), migrate(database.url)]);
      let waiting = 0;
      while (waiting < 2) {
        await new Promise((resolve) => setImmediate(resolve));
        const { rows } = await client.query<{ waiting: number }>(`
          SELECT count(*)::int AS waiting FROM pg_locks
          WHERE locktype = 'advisory' AND objid = $1 AND NOT granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [MIGRATION_LOCK_KEY]);
        waiting = rows[0]!.waiting;
      }
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      const results = await running;
      for (const result of results) expect(result.code, result.output).toBe(0);
      const outputs = results.map((result) => result.output).sort();
      expect(outputs).toEqual([
        `Schéma déjà à jour (${shipped.length} migrations, base postgres) après avoir attendu une autre migration en cours.`,
        `Schéma mis à jour : ${shipped.length} migrations appliquées sur ${shipped.length} (base postgres) après avoir attendu une autre migration en cours.`,
      ].sort());

      const { rows } = await client.query<{ hash: string }>('SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at');
      expect(rows.map((row) => row.hash)).toEqual(shipped.map((migration) => migration.hash));
      // The schema is there: a table of the first migrations and one of the last.
      const { rows: tables } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('opportunities', 'newsletter_subscribers')`);
      expect(tables.map((table) => table.name).sort()).toEqual(['newsletter_subscribers', 'opportunities']);
    } finally {
      await client.end();
    }

    // A later release with nothing new says so and changes nothing.
    const again = await migrate(database.url);
    expect(again).toEqual({ code: 0, output: `Schéma déjà à jour (${shipped.length} migrations, base postgres).` });
  });
});
