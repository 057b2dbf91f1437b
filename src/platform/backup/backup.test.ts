import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactMessages } from '../../db/schema/index.ts';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { testConfig } from '../../../test/helpers/test-app.ts';
import { backUp, restore, rowCounts } from './backup.ts';

describe('backup and restore (embedded database and files)', () => {
  let directory: string;
  let config: ReturnType<typeof testConfig>;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'eflc-sauvegarde-'));
    config = testConfig({ PGLITE_DATA_DIR: join(directory, 'base'), STORAGE_DIR: join(directory, 'fichiers') });
    const handle = await openDatabase({ driver: 'pglite', dataDir: config.database.pgliteDataDir });
    await migrateDatabase(handle);
    for (let index = 0; index < 3; index += 1) await createOpportunity(handle.db, { slug: `sauvegardee-${index}` });
    await handle.db.insert(contactMessages).values({ subject: 'question', email: 'a@exemple.fr', message: 'Avant la sauvegarde' });
    await handle.close();
    await mkdir(join(config.storageDir, 'ressources'), { recursive: true });
    await writeFile(join(config.storageDir, 'ressources', 'modele.pdf'), '%PDF-1.4 modèle');
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('round-trips the database and the files, and checks every table after', async () => {
    const target = join(directory, 'sauvegarde');
    const manifest = await backUp(config, target, new Date('2027-03-02T09:00:00Z'));
    expect(manifest).toMatchObject({ driver: 'pglite', files: 'fichiers.tar.gz', createdAt: '2027-03-02T09:00:00.000Z' });
    expect(manifest.rowCounts.opportunities).toBe(3);
    expect(manifest.rowCounts.contact_messages).toBe(1);

    // Things go wrong after the backup: rows deleted and added, a file lost.
    const handle = await openDatabase({ driver: 'pglite', dataDir: config.database.pgliteDataDir });
    await handle.db.delete(contactMessages);
    await createOpportunity(handle.db, { slug: 'apres-la-sauvegarde' });
    await handle.close();
    await rm(join(config.storageDir, 'ressources', 'modele.pdf'));

    const { counts } = await restore(config, target);
    expect(counts).toEqual(manifest.rowCounts);
    expect(await readFile(join(config.storageDir, 'ressources', 'modele.pdf'), 'utf8')).toBe('%PDF-1.4 modèle');
    const reopened = await openDatabase({ driver: 'pglite', dataDir: config.database.pgliteDataDir });
    expect(await rowCounts(reopened)).toEqual(manifest.rowCounts);
    await reopened.close();
  });

  it('refuses a backup made from the other kind of database', async () => {
    const target = join(directory, 'sauvegarde');
    const postgresConfig = testConfig({ DATABASE_URL: 'postgres://personne@127.0.0.1:1/aucune', STORAGE_DIR: config.storageDir });
    await expect(restore(postgresConfig, target)).rejects.toThrow('Cette sauvegarde vient d’une base pglite');
  });
});
