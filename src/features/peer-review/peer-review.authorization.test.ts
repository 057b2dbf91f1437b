import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewRequests, reviews } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { RUBRIC, samplePdf, submitDossierAs } from '../../../test/helpers/peer-review.ts';
import { linkIn } from '../../../test/helpers/smtp-sink.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';

// Generated from the route table: every route of the peer review, for the owner's partner, a
// third member, a moderator and a visitor, on a real pair whose feedback has been released.
describe('revue de dossier: authorisation matrix', () => {
  let context: TestContext;
  let routes: { method: string; url: string }[];
  let clients: Record<'owner' | 'partner' | 'third' | 'moderator' | 'anonymous', TestClient>;
  let concrete: (url: string) => string;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
    const owner = await signedInClient(context, { email: 'proprietaire@exemple.fr' });
    const partner = await signedInClient(context, { email: 'partenaire@exemple.fr' });
    await submitDossierAs(owner.client);
    await submitDossierAs(partner.client);
    await context.jobs.runAll();
    const linkOf = (email: string) => linkIn(context.smtp!.to(email)[0]!, `${context.config.publicUrl}/revue-de-dossier/relecture/`).replace(context.config.publicUrl, '');
    const ownerLink = linkOf('proprietaire@exemple.fr');
    await owner.client.postMultipart(ownerLink, RUBRIC, {}, { page: ownerLink });
    await partner.client.postMultipart(linkOf('partenaire@exemple.fr'), RUBRIC, { attachment: { fileName: 'notes.pdf', type: 'application/pdf', content: samplePdf('Notes') } }, { page: linkOf('partenaire@exemple.fr') });
    const [ownerRequest] = await context.database.db.select().from(reviewRequests).where(eq(reviewRequests.userId, owner.user.id));
    const [received] = await context.database.db.select().from(reviews).where(eq(reviews.revieweeRequestId, ownerRequest!.id));
    const [given] = await context.database.db.select().from(reviews).where(eq(reviews.reviewerRequestId, ownerRequest!.id));
    concrete = (url) => url.replace(':id', String(ownerRequest!.id)).replace(':reviewId', String(url.includes('/partage/') ? given!.id : received!.id)).replace(':token', ownerLink.split('/').pop()!);
    clients = {
      owner: owner.client,
      partner: partner.client,
      third: (await signedInClient(context, { email: 'tierce@exemple.fr' })).client,
      moderator: (await signedInClient(context, { role: 'moderator' })).client,
      anonymous: new TestClient(context.app),
    };
    routes = context.app.routeTable.filter((route) => route.url.startsWith('/revue-de-dossier'));
  });
  afterAll(() => context.close());

  it('covers every route', () => {
    expect(routes.length).toBe(17);
  });

  const isPublic = (url: string) => url === '/revue-de-dossier';
  const isForm = (url: string) => ['/revue-de-dossier/demander', '/revue-de-dossier/benevole', '/revue-de-dossier/mes-demandes'].includes(url);
  const isLink = (url: string) => url.startsWith('/revue-de-dossier/relecture/');

  for (const role of ['owner', 'partner', 'third', 'moderator', 'anonymous'] as const) {
    it(`GET routes for ${role}`, async () => {
      const results = [];
      for (const route of routes.filter((candidate) => candidate.method === 'GET')) {
        results.push({ url: route.url, status: (await clients[role].get(concrete(route.url))).statusCode });
      }
      const expected = (url: string) => {
        if (isPublic(url)) return 200;
        if (isLink(url)) return role === 'owner' ? 200 : 404; // the link is the owner's, to read her partner's dossier
        if (role === 'anonymous') return 303; // sent to sign in, before anything is looked up
        if (isForm(url)) return 200;
        return role === 'owner' ? 200 : 404;
      };
      expect(results).toEqual(results.map(({ url }) => ({ url, status: expected(url) })));
    });

    it(`POST routes for ${role}, with a valid form token, never reach another person's data`, async () => {
      const results = [];
      for (const route of routes.filter((candidate) => candidate.method === 'POST' && !isForm(candidate.url))) {
        const response = await clients[role].post(concrete(route.url), { reason: 'Un motif assez long pour être valable.', useful: 'oui', kind: 'oui' }, { page: '/connexion' });
        results.push({ url: route.url, status: response.statusCode });
      }
      for (const { url, status } of results) {
        // Once the feedback is released she has no review left to write: no new link, no second answer.
        if (role === 'owner') expect(status, url).toBe(url.endsWith('/nouveau-lien') || isLink(url) ? 404 : 303);
        else if (role === 'anonymous' && !isLink(url)) expect(status, url).toBe(401);
        else expect(status, url).toBe(404);
      }
    });

    it(`POST routes without a CSRF token for ${role} are refused`, async () => {
      for (const route of routes.filter((candidate) => candidate.method === 'POST')) {
        expect((await clients[role].post(concrete(route.url), {}, { csrf: false })).statusCode, route.url).toBe(403);
      }
    });
  }
});
