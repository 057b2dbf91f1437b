import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { createMailTransport } from '../../platform/email/transport.ts';
import { createInlineJobs } from '../../platform/jobs.ts';
import { type TestContext, createTestApp, testConfig } from '../../../test/helpers/test-app.ts';

describe('liveness and readiness', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestApp();
  });
  afterAll(() => context.close());

  it('is live without the database, and ready once the database carries every migration', async () => {
    expect((await context.app.inject({ url: '/sante' })).body).toBe('ok');
    const ready = await context.app.inject({ url: '/sante/pret' });
    expect(ready.statusCode).toBe(200);
    expect(ready.body).toBe('prêt');
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  it('is not ready while a migration of this code is missing from the database', async () => {
    const db = context.database.db;
    const [last] = await queryRows<{ id: number; hash: string; created_at: string }>(db, sql`
      SELECT id, hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`);
    await db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = ${last!.id}`);
    const response = await context.app.inject({ url: '/sante/pret' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toBe('pas prêt : 1 migration(s) en attente (npm run db:migrate)');
    // Liveness does not depend on it: the process is fine, only traffic must wait.
    expect((await context.app.inject({ url: '/sante' })).statusCode).toBe(200);
    await db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES (${last!.id}, ${last!.hash}, ${last!.created_at})`);
    expect((await context.app.inject({ url: '/sante/pret' })).statusCode).toBe(200);
  });

  it('is not ready when the database does not answer', async () => {
    // The same application on a PostgreSQL address where nothing listens.
    const unreachable = await openDatabase({ driver: 'postgres', url: 'postgres://personne@127.0.0.1:1/aucune', poolSize: 1 });
    const app = await buildApp({ config: testConfig(), db: unreachable.db, clock: context.clock, jobs: createInlineJobs(), mailTransport: createMailTransport(undefined), storage: context.storage });
    try {
      const response = await app.inject({ url: '/sante/pret' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toBe('pas prêt : la base de données ne répond pas');
      expect((await app.inject({ url: '/sante' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await unreachable.close();
    }
  });
});
