import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../test/helpers/html.ts';
import { TestClient } from '../test/helpers/test-client.ts';
import { type RunningApp, startApp } from './helpers/app.ts';
import { type DatabaseRelay, createDatabase, startRelay } from './helpers/postgres.ts';

/**
 * PostgreSQL goes away in the middle of a load of reads and form submissions, then comes back.
 * While it is away the service answers 503 with a French page; it recovers by itself, without a
 * restart; and every submission that was told "sent" is in the database.
 */
describe('PostgreSQL stopped under load', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let relay: DatabaseRelay;
  let running: RunningApp;
  let sequence = 0;
  const accepted: string[] = [];
  const tally = { reads: 0, submissions: 0, unavailable: 0 };

  beforeAll(async () => {
    database = await createDatabase();
    relay = await startRelay(database.url);
    running = await startApp(relay.url(database.url));
  });
  afterAll(async () => {
    console.info(`Panne de PostgreSQL : ${tally.reads} lectures et ${tally.submissions} envois de formulaire, ${tally.unavailable} réponses 503 pendant la panne, ${accepted.length} envois confirmés, tous retrouvés.`);
    await running?.close();
    await relay?.close();
    await database?.drop();
  });

  /** One visitor sends the contact form (a fresh address each time, so the per-address limit is not what answers). */
  async function submission(): Promise<LightMyRequestResponse> {
    sequence += 1;
    const id = sequence; // captured: other submissions run concurrently
    const message = `Message de charge numéro ${id}`;
    const visitor = new TestClient(running.app, `10.9.${id >> 8}.${id & 255}`);
    await visitor.get('/nous-ecrire');
    const response = await visitor.post('/nous-ecrire', { subject: 'question', message, email: `charge-${id}@exemple.fr` });
    tally.submissions += 1;
    if (response.statusCode === 303) accepted.push(message);
    return response;
  }

  async function read(): Promise<LightMyRequestResponse> {
    tally.reads += 1;
    // The deadlines calendar is never kept in memory: every read reaches the database.
    return running.app.inject({ url: '/aides/calendrier.ics' });
  }

  const load = (size: number) => Promise.all(Array.from({ length: size }, (_, index) => (index % 2 === 0 ? read() : submission())));

  it('serves the load while the database is up', async () => {
    const answers = await load(20);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([...Array(10).fill(200), ...Array(10).fill(303)].sort());
  });

  it('answers 503 with a French page while it is down, never a 500, and confirms nothing it did not keep', async () => {
    // The cut happens while a batch is in flight: some of those requests finish, some fail.
    const inFlight = load(20);
    relay.down();
    const during = [...(await inFlight), ...(await load(30))];
    const statuses = new Set(during.map((answer) => answer.statusCode));
    for (const status of statuses) expect([200, 303, 503], `status ${status} during the outage`).toContain(status);
    const unavailable = during.filter((answer) => answer.statusCode === 503);
    tally.unavailable = unavailable.length;
    expect(unavailable.length).toBeGreaterThanOrEqual(30);
    for (const answer of unavailable) {
      expect(textOf(answer.body)).toContain('Service momentanément indisponible');
      expect(answer.headers['retry-after']).toBe('30');
    }
  });

  it('recovers by itself once the database is back, without a restart', async () => {
    relay.up();
    // The pool drops its broken connections as they fail; within a few requests all is well.
    let attempts = 0;
    let status = 0;
    while (status !== 200 && attempts < 20) {
      attempts += 1;
      status = (await read()).statusCode;
    }
    expect(status).toBe(200);
    const after = await load(20);
    expect(after.every((answer) => answer.statusCode === 200 || answer.statusCode === 303)).toBe(true);
  });

  it('lost no submission that was answered "sent"', async () => {
    const direct = new pg.Client({ connectionString: database.url });
    await direct.connect();
    const { rows } = await direct.query<{ message: string }>('SELECT message FROM contact_messages');
    await direct.end();
    const stored = new Set(rows.map((row) => row.message));
    expect(accepted.length).toBeGreaterThanOrEqual(20);
    expect(accepted.filter((message) => !stored.has(message))).toEqual([]);
  });
});
