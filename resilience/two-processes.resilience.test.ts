import { desc, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../src/db/schema/index.ts';
import { type Jobs, createPgBossJobs } from '../src/platform/jobs.ts';
import { TestClient } from '../test/helpers/test-client.ts';
import { type RunningApp, startApp } from './helpers/app.ts';
import { createDatabase } from './helpers/postgres.ts';

/**
 * Two application processes (each its own connection pool and its own pg-boss) on one
 * PostgreSQL: a scheduled job runs once, a session opened on one works on the other, and a rate
 * limit counts requests wherever they land.
 */
describe('two application processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let first: RunningApp;
  let second: RunningApp;
  const probeRuns: string[] = [];
  let probeRan: () => void = () => undefined;
  const probeDone = new Promise<void>((resolve) => { probeRan = resolve; });

  /** The process's real job runner, plus a probe job that records which process ran it. */
  const jobsOf = (label: string) => (handle: Parameters<typeof createPgBossJobs>[0]): Jobs => {
    const jobs = createPgBossJobs(handle, { work: true });
    jobs.define({ name: 'resilience-probe', handle: async () => { probeRuns.push(label); probeRan(); } });
    return jobs;
  };

  beforeAll(async () => {
    database = await createDatabase();
    first = await startApp(database.url, { jobs: jobsOf('premier') });
    second = await startApp(database.url, { jobs: jobsOf('second') });
    await Promise.all([first.jobs.start(), second.jobs.start()]);
  });
  afterAll(async () => {
    await first?.jobs.stop();
    await second?.jobs.stop();
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<Row>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  it('keeps one schedule per job and runs an occurrence once, though both processes fire it', async () => {
    const schedules = await query<{ name: string; count: number }>('SELECT name, count(*)::int AS count FROM pgboss.schedule GROUP BY name ORDER BY name');
    expect(schedules.length).toBeGreaterThanOrEqual(8);
    expect(schedules.every((schedule) => schedule.count === 1)).toBe(true);
    expect(schedules.map((schedule) => schedule.name)).toContain('alerts-digest');
    // Both timekeepers fire the same occurrence at the same minute: one job is created, one runs.
    const occurrence = 'resilience-probe:2027-03-03T07:00';
    await Promise.all([first.jobs.send('resilience-probe', {}, { singletonKey: occurrence }), second.jobs.send('resilience-probe', {}, { singletonKey: occurrence })]);
    await probeDone;
    const jobs = await query<{ count: number }>("SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'resilience-probe'");
    expect(jobs[0]!.count).toBe(1);
    expect(probeRuns).toHaveLength(1);
  });

  it('opens a session on one process that works on the other, and closes it everywhere', async () => {
    const onFirst = new TestClient(first.app, '198.51.100.201');
    await onFirst.post('/connexion', { email: 'deux-processus@exemple.fr' }, { page: '/connexion' });
    const [mail] = await first.database.db.select().from(emails).where(eq(emails.recipient, 'deux-processus@exemple.fr')).orderBy(desc(emails.id)).limit(1);
    const token = /\/connexion\/lien\/([\w-]+)/.exec(mail!.text)![1]!;
    // The link is opened on the other process.
    const onSecond = new TestClient(second.app, '198.51.100.201');
    for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);
    const signedIn = await onSecond.post('/connexion/lien', { jeton: token }, { page: `/connexion/lien/${token}` });
    expect(signedIn.headers.location).toBe('/mon-espace');
    for (const [name, value] of onSecond.cookies) onFirst.cookies.set(name, value);
    expect((await onFirst.get('/mon-espace')).statusCode).toBe(200);
    expect((await onSecond.get('/mon-espace')).statusCode).toBe(200);
    await onFirst.post('/deconnexion', {}, { page: '/mon-espace' });
    for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);
    const afterSignOut = await onSecond.get('/mon-espace');
    expect(afterSignOut.statusCode).toBe(303);
    expect(afterSignOut.headers.location).toMatch(/^\/connexion/);
  });

  it('counts a rate limit across both processes', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const app = index % 2 === 0 ? first.app : second.app;
      const visitor = new TestClient(app, '198.51.100.202');
      await visitor.get('/nous-ecrire');
      statuses.push((await visitor.post('/nous-ecrire', { subject: 'avis', message: `Avis ${index}`, email: `avis-${index}@exemple.fr` })).statusCode);
    }
    // Five an hour from one address, wherever they land.
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
  });
});
