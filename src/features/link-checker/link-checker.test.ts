import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkChecks } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { type LocalServer, startLocalServer } from '../../../test/helpers/http-server.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { checkUrl } from './check-url.ts';
import { runLinkCheck } from './link-checker.job.ts';

describe('the link checker', () => {
  let server: LocalServer;
  let context: TestContext;
  // Generous: on a loaded machine a local answer can take longer than 200 ms (seen in a full run); /lent never answers anyway.
  const options = { timeoutMs: 2_000, maxRedirects: 5 };

  beforeAll(async () => {
    server = await startLocalServer((request, response) => {
      const path = request.url ?? '/';
      if (path === '/ok') return void response.writeHead(200).end('ok');
      if (path === '/deplace') return void response.writeHead(301, { location: '/ok' }).end();
      if (path === '/boucle') return void response.writeHead(302, { location: '/boucle' }).end();
      if (path === '/ailleurs') return void response.writeHead(301, { location: 'javascript:alert(1)' }).end();
      if (path === '/absent') return void response.writeHead(404).end();
      if (path === '/panne') return void response.writeHead(500).end();
      if (path === '/sans-head') return void response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
      if (path === '/lent') return; // never answers
      response.writeHead(404).end();
    });
    context = await createTestApp();
  });
  afterAll(async () => {
    await server.close();
    await context.close();
  });

  it('tells working addresses from broken ones', async () => {
    expect(await checkUrl(`${server.url}/ok`, options)).toEqual({ isBroken: false, statusCode: 200, error: null });
    expect(await checkUrl(`${server.url}/deplace`, options)).toEqual({ isBroken: false, statusCode: 200, error: null });
    expect(await checkUrl(`${server.url}/sans-head`, options)).toEqual({ isBroken: false, statusCode: 200, error: null });
    expect(await checkUrl(`${server.url}/absent`, options)).toEqual({ isBroken: true, statusCode: 404, error: null });
    expect(await checkUrl(`${server.url}/panne`, options)).toEqual({ isBroken: true, statusCode: 500, error: null });
    expect(await checkUrl(`${server.url}/lent`, options)).toEqual({ isBroken: true, statusCode: null, error: 'délai dépassé' });
    expect(await checkUrl(`${server.url}/boucle`, options)).toEqual({ isBroken: true, statusCode: null, error: 'trop de redirections' });
    expect(await checkUrl(`${server.url}/ailleurs`, options)).toMatchObject({ isBroken: true, error: 'redirection vers une adresse invalide' });
    expect(await checkUrl('http://127.0.0.1:1/ferme', options)).toEqual({ isBroken: true, statusCode: null, error: 'pas de réponse' });
  });

  it('checks every address of the catalogue, waits between two requests to one host, and records the result', async () => {
    const db = context.database.db;
    await createOpportunity(db, { officialUrl: `${server.url}/ok`, applicationUrl: `${server.url}/absent` });
    await createOpportunity(db, { officialUrl: `${server.url}/panne` });
    await createOpportunity(db, { officialUrl: `${server.url}/absent`, status: 'draft' });
    const waits: number[] = [];
    let fakeNow = 0;
    const report = await runLinkCheck(db, context.clock, {
      ...options, perHostDelayMs: 2000, recheckAfterDays: 7, limit: 100,
      now: () => fakeNow,
      sleep: async (milliseconds) => {
        waits.push(milliseconds);
        fakeNow += milliseconds;
      },
    });
    expect(report).toEqual({ checked: 3, broken: 2 });
    // Three addresses on one host: two waits of the full politeness delay.
    expect(waits).toEqual([2000, 2000]);
    const rows = await db.select().from(linkChecks);
    expect(rows.map((row) => [row.url.replace(server.url, ''), row.isBroken, row.statusCode]).sort()).toEqual([['/absent', true, 404], ['/ok', false, 200], ['/panne', true, 500]]);

    const again = await runLinkCheck(db, context.clock, { ...options, perHostDelayMs: 0, recheckAfterDays: 7, limit: 100, sleep: async () => undefined });
    expect(again.checked).toBe(0);
    context.clock.advanceDays(8);
    await runLinkCheck(db, context.clock, { ...options, perHostDelayMs: 0, recheckAfterDays: 7, limit: 100, sleep: async () => undefined });
    const [absent] = await db.select().from(linkChecks).where(eq(linkChecks.url, `${server.url}/absent`));
    expect(absent!.failures).toBe(2);

    const moderator = (await signedInClient(context, { role: 'moderator' })).client;
    const page = textOf((await moderator.get('/admin/liens')).body);
    expect(page).toContain(`${server.url}/absent`);
    expect(page).toContain('HTTP 500');
    expect(page).not.toContain(`${server.url}/ok`);
  });
});
