import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parityDeclarations, parityFigures, parityOrganizations } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';

// Generated from the route table: every public route of the index, for visitors and each role.
describe('Index de la parité: authorisation matrix', () => {
  let context: TestContext;
  let clients: Record<string, TestClient>;
  let routes: { method: string; url: string }[];

  beforeAll(async () => {
    context = await createTestApp();
    const db = context.database.db;
    const [organization] = await db.insert(parityOrganizations).values({ slug: 'lieu-de-test', name: 'Lieu de test', type: 'exhibition_venue' }).returning();
    await db.insert(parityFigures).values({ organizationId: organization!.id, year: 2025, metric: 'exhibited_artists', women: 3, total: 9, source: 'Test', status: 'published', recordedBy: 'Test' });
    // A declaration waiting for review: nobody outside the team may see it.
    const [declaration] = await db.insert(parityDeclarations).values({ organizationId: organization!.id, year: 2025, representativeRole: 'Directrice', representativeVerified: false, equalityText: 'Texte secret en attente' }).returning();
    await db.insert(parityFigures).values({ organizationId: organization!.id, year: 2025, metric: 'directors', women: 7, total: 7, source: 'Déclaration en attente', status: 'pending', declarationId: declaration!.id, declaredByOrganization: true, recordedBy: 'Test' });
    clients = {
      anonymous: new TestClient(context.app),
      member: (await signedInClient(context, { role: 'member' })).client,
      organisation: (await signedInClient(context, { role: 'organisation' })).client,
      moderator: (await signedInClient(context, { role: 'moderator' })).client,
    };
    routes = context.app.routeTable.filter((route) => route.url.startsWith('/index-parite'));
  });
  afterAll(() => context.close());

  const concrete = (url: string) => url.replace(':slug', 'lieu-de-test');

  it('covers every route of the index', () => {
    expect(routes.map((route) => `${route.method} ${route.url}`).sort()).toEqual([
      'GET /index-parite', 'GET /index-parite/:slug', 'GET /index-parite/:slug/badge.svg', 'GET /index-parite/:slug/chiffres.csv', 'GET /index-parite/:slug/declarer',
      'GET /index-parite/:slug/signaler', 'GET /index-parite/chiffres-cles', 'GET /index-parite/donnees', 'GET /index-parite/donnees/chiffres.csv', 'GET /index-parite/donnees/chiffres.json', 'GET /index-parite/methode',
      'POST /index-parite/:slug/declarer', 'POST /index-parite/:slug/signaler',
    ]);
  });

  for (const role of ['anonymous', 'member', 'organisation', 'moderator']) {
    it(`GET routes for ${role}: public pages open, the declaration form behind sign-in, nothing pending shown`, async () => {
      const results = [];
      for (const route of routes.filter((candidate) => candidate.method === 'GET')) {
        const url = concrete(route.url);
        const response = await clients[role]!.get(url);
        results.push({ url, status: response.statusCode, leaks: /Texte secret en attente|Déclaration en attente|7 femmes sur 7/.test(response.body) });
      }
      const expectedStatus = (url: string) => (url.endsWith('/declarer') && role === 'anonymous' ? 303 : 200);
      expect(results).toEqual(results.map(({ url }) => ({ url, status: expectedStatus(url), leaks: false })));
    });

    it(`POST routes without a CSRF token for ${role} are refused`, async () => {
      for (const route of routes.filter((candidate) => candidate.method === 'POST')) {
        expect((await clients[role]!.post(concrete(route.url), { annee: '2025' }, { csrf: false })).statusCode).toBe(403);
      }
    });
  }

  it('refuses a declaration post from a visitor even with a valid token', async () => {
    const visitor = clients.anonymous!;
    await visitor.get('/index-parite/lieu-de-test');
    // The organisation page has no form: take a token from a page that has one.
    const response = await visitor.post('/index-parite/lieu-de-test/declarer', { annee: '2025' }, { page: '/connexion' });
    expect(response.statusCode).toBe(401);
  });
});
