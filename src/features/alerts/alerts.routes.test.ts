import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { opportunityFollows, savedSearches, users } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { linkIn } from '../../../test/helpers/smtp-sink.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { saveSearch } from './alerts.commands.ts';

describe('alerts from the catalogue and the detail pages', () => {
  let context: TestContext;
  let opportunityId: number;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
    const opportunity = await createOpportunity(context.database.db, { slug: 'prix-suivi', title: 'Prix suivi', windows: [{ opensOn: '2027-01-01', closesOn: '2027-04-30' }] });
    opportunityId = opportunity.id;
  });
  beforeEach(() => context.smtp!.clear());
  afterAll(() => context.close());

  it('lets a signed-in person follow an opportunity from its page', async () => {
    const { client, user } = await signedInClient(context);
    const page = await client.get('/aides/prix-suivi');
    expect(page.body).toContain('action="/aides/prix-suivi/suivre"');
    const response = await client.post('/aides/prix-suivi/suivre', { type: 'rappels' });
    expect(response.headers.location).toBe('/aides/prix-suivi?suivi=ok');
    const follows = await context.database.db.select().from(opportunityFollows).where(eq(opportunityFollows.userId, user.id));
    expect(follows.map((follow) => follow.kind)).toEqual(['deadlines']);
    expect(textOf((await client.get('/aides/prix-suivi?suivi=ok')).body)).toContain('Vous suivez cette aide');
  });

  it('offers visitors a link (the shared page holds no personal token)', async () => {
    const page = await new TestClient(context.app).get('/aides/prix-suivi');
    expect(page.body).toContain('href="/aides/prix-suivi/suivre?type=rappels"');
    expect(page.body).not.toContain('name="_csrf"');
  });

  it('asks a visitor to confirm her address before anything is saved or sent (double opt-in)', async () => {
    const client = new TestClient(context.app);
    const response = await client.post('/aides/prix-suivi/suivre', { type: 'prochaine-edition', email: 'visiteuse@exemple.fr' }, { page: '/aides/prix-suivi/suivre?type=prochaine-edition' });
    expect(response.headers.location).toBe('/alertes/verifiez-vos-emails');
    await context.jobs.runAll();
    expect(await context.database.db.select().from(users).where(eq(users.email, 'visiteuse@exemple.fr'))).toEqual([]);
    const [mail] = context.smtp!.to('visiteuse@exemple.fr');
    expect(mail!.subject).toBe('Confirmez votre alerte Elles font la culture');
    expect(mail!.text).toContain('l’ouverture de la prochaine édition de « Prix suivi »');
    const token = linkIn(mail!, 'http://localhost:3000/alertes/confirmer/').split('/').at(-1)!;
    const confirmed = await client.post('/alertes/confirmer', { jeton: token }, { page: `/alertes/confirmer/${token}` });
    expect(confirmed.headers.location).toBe('/mon-espace?ok=suivi-cree');
    const [user] = await context.database.db.select().from(users).where(eq(users.email, 'visiteuse@exemple.fr'));
    const follows = await context.database.db.select().from(opportunityFollows).where(eq(opportunityFollows.userId, user!.id));
    expect(follows).toEqual([expect.objectContaining({ opportunityId, kind: 'next_edition' })]);
    expect(textOf((await client.get('/mon-espace')).body)).toContain('Prix suivi');
    const again = await client.post('/alertes/confirmer', { jeton: token }, { page: `/alertes/confirmer/${token}` });
    expect(again.statusCode).toBe(400);
  });

  it('saves the current catalogue search as an alert', async () => {
    const { client, user } = await signedInClient(context);
    const form = await client.get('/alertes/nouvelle?q=residence&type=prix&tri=montant&page=3&inconnu=1');
    expect(textOf(form.body)).toContain('« residence » · Prix');
    const response = await client.post('/alertes', { query: 'q=residence&type=prix', frequency: 'daily' });
    expect(response.headers.location).toBe('/mon-espace?ok=alerte-creee');
    const [search] = await context.database.db.select().from(savedSearches).where(eq(savedSearches.userId, user.id));
    expect(search).toMatchObject({ query: 'q=residence&type=prix', label: '« residence » · Prix', frequency: 'daily' });
    const missing = await client.post('/alertes', { query: 'type=prix' }, { page: '/alertes/nouvelle?type=prix' });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Choisissez une fréquence');
  });

  it('saves a visitor’s search only once she confirms', async () => {
    const client = new TestClient(context.app, '203.0.113.90');
    const bad = await client.post('/alertes', { query: 'type=bourse', frequency: 'weekly', email: 'pas une adresse' }, { page: '/alertes/nouvelle?type=bourse' });
    expect(bad.statusCode).toBe(400);
    await client.post('/alertes', { query: 'type=bourse', frequency: 'weekly', email: 'chercheuse@exemple.fr' }, { page: '/alertes/nouvelle?type=bourse' });
    await context.jobs.runAll();
    const token = linkIn(context.smtp!.to('chercheuse@exemple.fr')[0]!, 'http://localhost:3000/alertes/confirmer/').split('/').at(-1)!;
    await client.post('/alertes/confirmer', { jeton: token }, { page: `/alertes/confirmer/${token}` });
    const [user] = await context.database.db.select().from(users).where(eq(users.email, 'chercheuse@exemple.fr'));
    expect(await context.database.db.select({ query: savedSearches.query }).from(savedSearches).where(eq(savedSearches.userId, user!.id))).toEqual([{ query: 'type=bourse' }]);
  });

  it('keeps one person’s alerts out of another’s reach, even by guessing ids', async () => {
    const owner = await signedInClient(context);
    const other = await signedInClient(context);
    await other.client.post('/aides/prix-suivi/suivre', { type: 'rappels' }, { page: '/aides/prix-suivi' });
    const [follow] = await context.database.db.select().from(opportunityFollows).where(eq(opportunityFollows.userId, other.user.id));
    await saveSearch(context.database.db, other.user.id, { query: 'type=commande', label: 'Commande', frequency: 'weekly' }, context.clock);
    const [search] = await context.database.db.select().from(savedSearches).where(eq(savedSearches.userId, other.user.id));
    await owner.client.get('/mon-espace');
    expect((await owner.client.post(`/mon-espace/suivis/${follow!.id}/supprimer`, {})).statusCode).toBe(404);
    expect((await owner.client.post(`/mon-espace/alertes/${search!.id}/supprimer`, {})).statusCode).toBe(404);
    expect((await owner.client.post('/mon-espace/alertes/abc/supprimer', {})).statusCode).toBe(404);
    expect(textOf((await owner.client.get('/mon-espace')).body)).not.toContain('Commande');
    expect(await context.database.db.select().from(opportunityFollows).where(eq(opportunityFollows.id, follow!.id))).toHaveLength(1);
    expect((await other.client.post(`/mon-espace/suivis/${follow!.id}/supprimer`, {}, { page: '/mon-espace' })).statusCode).toBe(303);
  });

  it('unsubscribes in one click from the email link, without a session or CSRF token', async () => {
    const { user } = await signedInClient(context);
    const visitor = new TestClient(context.app);
    expect((await visitor.get(`/desabonnement/${user.unsubscribeToken}`)).statusCode).toBe(200);
    const response = await context.app.inject({ method: 'POST', url: `/desabonnement/${user.unsubscribeToken}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(response.statusCode).toBe(200);
    const [stored] = await context.database.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.digestFrequency).toBe('none');
    expect((await context.app.inject({ method: 'POST', url: '/desabonnement/ceJetonNexistePasDuToutDuToutDuTout0000' })).statusCode).toBe(404);
  });

  it('stops one saved search from its email link', async () => {
    const { user } = await signedInClient(context);
    await saveSearch(context.database.db, user.id, { query: 'type=mentorat', label: 'Mentorat', frequency: 'weekly' }, context.clock);
    const [search] = await context.database.db.select().from(savedSearches).where(eq(savedSearches.userId, user.id));
    const response = await context.app.inject({ method: 'POST', url: `/alertes/arreter/${search!.manageToken}` });
    expect(response.statusCode).toBe(200);
    expect(await context.database.db.select().from(savedSearches).where(eq(savedSearches.id, search!.id))).toEqual([]);
  });

  it('refuses every state-changing alert request without a CSRF token', async () => {
    const { client } = await signedInClient(context);
    for (const url of ['/aides/prix-suivi/suivre', '/alertes', '/alertes/confirmer', '/mon-espace/suivis/1/supprimer', '/mon-espace/alertes/1/supprimer']) {
      expect((await client.post(url, { type: 'rappels', frequency: 'daily' }, { csrf: false })).statusCode, url).toBe(403);
    }
  });

  it('answers 404 for an unknown opportunity', async () => {
    expect((await new TestClient(context.app).get('/aides/inconnue/suivre')).statusCode).toBe(404);
  });
});
