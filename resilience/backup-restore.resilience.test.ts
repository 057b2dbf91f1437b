import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from '../src/bootstrap.ts';
import { openDatabase } from '../src/db/client.ts';
import { contactMessages, opportunities } from '../src/db/schema/index.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createDiskStorage } from '../src/platform/storage.ts';
import { rowCounts } from '../src/platform/backup/backup.ts';
import { TEST_NOW } from '../test/helpers/test-app.ts';
import { createDatabase } from './helpers/postgres.ts';

/** npm run db:backup then npm run db:restore, as the README says, on a seeded PostgreSQL. */
describe('backup and restore on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let directory: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createDatabase();
    directory = await mkdtemp(join(tmpdir(), 'eflc-sauvegarde-pg-'));
    env = { ...process.env, DATABASE_URL: database.url, STORAGE_DIR: join(directory, 'fichiers'), LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    const handle = await openDatabase({ driver: 'postgres', url: database.url, poolSize: 2 });
    await seedAll(handle, createDiskStorage(join(directory, 'fichiers')), fixedClock(TEST_NOW));
    await handle.close();
  });
  afterAll(async () => {
    await database?.drop();
    await rm(directory, { recursive: true, force: true });
  });

  const npm = (args: string[]) => spawnSync('npm', ['run', '-s', ...args], { env, encoding: 'utf8' });

  it('round-trips the seeded database and its files through the npm scripts', async () => {
    const target = join(directory, 'sauvegarde');
    const backup = npm(['db:backup', '--', '--vers', target]);
    expect(backup.status, backup.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(target, 'manifeste.json'), 'utf8')) as { rowCounts: Record<string, number> };
    expect(manifest.rowCounts.opportunities).toBe(101);

    // After the backup: a bad day. Rows deleted, rows added.
    const handle = await openDatabase({ driver: 'postgres', url: database.url, poolSize: 2 });
    await handle.db.delete(opportunities);
    await handle.db.insert(contactMessages).values({ subject: 'other', email: 'x@exemple.fr', message: 'après la sauvegarde' });
    expect((await rowCounts(handle)).opportunities).toBe(0);
    await handle.close();

    expect(npm(['db:restore', '--', '--depuis', target]).status).not.toBe(0); // without --oui, nothing happens
    const restored = npm(['db:restore', '--', '--depuis', target, '--oui']);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('toutes au même nombre de lignes');
    const reopened = await openDatabase({ driver: 'postgres', url: database.url, poolSize: 2 });
    expect(await rowCounts(reopened)).toEqual(manifest.rowCounts);
    await reopened.close();
  });
});
