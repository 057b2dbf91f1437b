import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type UserRole, parityDeclarations, parityOrganizations, reviewPairs, reviewReports, reviewRequests, reviews } from '../../db/schema/index.ts';
import { createUser, signedInClient } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { createResource } from '../../../test/helpers/resources.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';

// Generated from the route table: every back-office route, for every role and for visitors.
describe('back-office authorisation matrix', () => {
  let context: TestContext;
  let clients: Record<'anonymous' | UserRole, TestClient>;
  let routes: { method: string; url: string }[];
  let opportunityId: number;
  let resourceId: number;
  let organizationId: number;
  let declarationId: number;
  let peerReviewIds: { pair: number; report: number; request: number };

  beforeAll(async () => {
    context = await createTestApp();
    opportunityId = (await createOpportunity(context.database.db, { status: 'in_review' })).id;
    resourceId = (await createResource(context.database.db, { status: 'in_review' })).id;
    const [organization] = await context.database.db.insert(parityOrganizations).values({ slug: 'lieu-de-test', name: 'Lieu de test', type: 'exhibition_venue' }).returning();
    organizationId = organization!.id;
    const [declaration] = await context.database.db.insert(parityDeclarations).values({ organizationId, year: 2026, representativeRole: 'Directrice', representativeVerified: false }).returning();
    declarationId = declaration!.id;
    // A released pair whose feedback was reported: what moderators may open.
    const db = context.database.db;
    const [first, second] = [await createUser(db, context.clock, 'relue@exemple.fr'), await createUser(db, context.clock, 'relectrice@exemple.fr')];
    await context.storage.put('revue-de-dossier/matrice.pdf', Buffer.from('%PDF-1.4 test'));
    const now = context.clock.now();
    const [requestA, requestB] = await db.insert(reviewRequests).values([
      { userId: first.id, kind: 'dossier', status: 'paired', languages: ['fr'], fileKey: 'revue-de-dossier/matrice.pdf', waitingSince: now, rulesAcceptedAt: now },
      { userId: second.id, kind: 'dossier', status: 'paired', languages: ['fr'], fileKey: 'revue-de-dossier/matrice.pdf', waitingSince: now, rulesAcceptedAt: now },
    ]).returning();
    const [pair] = await db.insert(reviewPairs).values({ requestAId: requestA!.id, requestBId: requestB!.id, userLowId: first.id, userHighId: second.id, pairedBy: 'test', pairedAt: now }).returning();
    const [review] = await db.insert(reviews).values({ pairId: pair!.id, reviewerRequestId: requestB!.id, revieweeRequestId: requestA!.id, tokenHash: 'x'.repeat(64), dueAt: now }).returning();
    const [report] = await db.insert(reviewReports).values({ reviewId: review!.id, reason: 'Motif de test' }).returning();
    peerReviewIds = { pair: pair!.id, report: report!.id, request: requestA!.id };
    clients = {
      anonymous: new TestClient(context.app),
      member: (await signedInClient(context, { role: 'member' })).client,
      organisation: (await signedInClient(context, { role: 'organisation' })).client,
      moderator: (await signedInClient(context, { role: 'moderator' })).client,
      admin: (await signedInClient(context, { role: 'admin' })).client,
    };
    routes = context.app.routeTable.filter((route) => route.url.startsWith('/admin'));
  });
  afterAll(() => context.close());

  const idFor = (url: string) => {
    if (url.startsWith('/admin/ressources')) return resourceId;
    if (url.startsWith('/admin/index-parite/declarations')) return declarationId;
    if (url.startsWith('/admin/index-parite/organisations')) return organizationId;
    if (url.startsWith('/admin/revue-de-dossier/paires')) return peerReviewIds.pair;
    if (url.startsWith('/admin/revue-de-dossier/signalements')) return peerReviewIds.report;
    if (url.startsWith('/admin/revue-de-dossier/demandes')) return peerReviewIds.request;
    return opportunityId;
  };
  const concrete = (url: string) => url.replace(':id', String(idFor(url))).replace(/\/$/, '') || '/admin';
  const expectedGet = (role: keyof typeof clients, url: string) => {
    if (role === 'moderator') return url.startsWith('/admin/utilisateurs') ? 404 : 200;
    return role === 'admin' ? 200 : 404;
  };

  it('covers the whole back-office', () => {
    expect(routes.length).toBeGreaterThanOrEqual(28);
    expect(routes.filter((route) => route.url.startsWith('/admin/index-parite')).length).toBe(10);
    expect(routes.filter((route) => route.url.startsWith('/admin/revue-de-dossier')).length).toBe(6);
  });

  for (const role of ['anonymous', 'member', 'organisation', 'moderator', 'admin'] as const) {
    it(`GET routes for ${role}`, async () => {
      const results = [];
      for (const route of routes.filter((candidate) => candidate.method === 'GET')) {
        const url = concrete(route.url);
        results.push({ url, status: (await clients[role].get(url)).statusCode });
      }
      expect(results).toEqual(results.map(({ url }) => ({ url, status: expectedGet(role, url) })));
    });

    it(`POST routes without a CSRF token for ${role}`, async () => {
      const results = [];
      for (const route of routes.filter((candidate) => candidate.method === 'POST')) {
        const url = concrete(route.url);
        results.push({ url, status: (await clients[role].post(url, {}, { csrf: false })).statusCode });
      }
      // Outsiders cannot even learn the route exists; staff are stopped by the missing token.
      const expected = role === 'moderator' || role === 'admin' ? 403 : 404;
      expect(results).toEqual(results.map(({ url }) => ({ url, status: expected })));
    });
  }

  it('keeps role changes for administrators, even with a valid token', async () => {
    const moderator = clients.moderator;
    await moderator.get('/admin');
    expect((await moderator.post(`/admin/utilisateurs/1/role`, { role: 'admin' })).statusCode).toBe(404);
  });
});
