import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents, contactMessages, newsletterSubscribers, opportunityFollows, savedSearches, sessions, users } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { followOpportunity, saveSearch } from '../alerts/alerts.commands.ts';

describe('the account space', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
  });
  afterAll(() => context.close());

  it('is only for signed-in people: visitors are sent to sign in', async () => {
    for (const url of ['/mon-espace', '/mon-espace/profil', '/mon-espace/notifications', '/mon-espace/donnees', '/mon-espace/donnees.json']) {
      const response = await new TestClient(context.app).get(url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe(`/connexion?retour=${encodeURIComponent(url)}`);
    }
    const post = await new TestClient(context.app).post('/mon-espace/profil', { displayName: 'x' }, { page: '/connexion' });
    expect(post.statusCode).toBe(401);
  });

  it('saves the profile, says why each field is asked, and pre-fills the catalogue with it', async () => {
    const { client, user } = await signedInClient(context);
    const form = await client.get('/mon-espace/profil');
    expect(textOf(form.body)).toContain('Seulement pour masquer les aides dont la limite d’âge vous exclut');
    const saved = await client.post('/mon-espace/profil', {
      displayName: 'Camille', pronouns: 'elle', region: 'Bretagne', disciplines: ['documentary', 'portrait'], careerStage: 'emerging', birthYear: '1996',
    });
    expect(saved.statusCode).toBe(303);
    const [stored] = await context.database.db.select().from(users).where(eq(users.id, user.id));
    expect(stored).toMatchObject({ displayName: 'Camille', pronouns: 'elle', region: 'Bretagne', disciplines: ['documentary', 'portrait'], careerStage: 'emerging', birthYear: 1996 });
    const dashboard = await client.get('/mon-espace');
    expect(dashboard.body).toContain('href="/aides?discipline=documentaire&amp;discipline=portrait&amp;parcours=debut-de-carriere&amp;age=30"');
    const catalogue = await client.get('/aides');
    expect(textOf(catalogue.body)).toContain('Afficher les aides qui correspondent à mon profil');
  });

  it('rejects a bad profile with messages on each field and keeps what was typed', async () => {
    const { client, user } = await signedInClient(context, { profile: { displayName: 'Avant' } });
    const response = await client.post('/mon-espace/profil', { displayName: 'x'.repeat(81), region: 'Atlantide', birthYear: '96', disciplines: 'peinture' }, { page: '/mon-espace/profil' });
    expect(response.statusCode).toBe(400);
    const text = textOf(response.body);
    expect(text).toContain('Le formulaire contient 4 erreurs');
    expect(text).toContain('Choisissez une région de la liste');
    expect(text).toContain('Indiquez une année sur quatre chiffres');
    const [stored] = await context.database.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.displayName).toBe('Avant');
  });

  it('changes the digest rhythm and records the consent', async () => {
    const { client, user } = await signedInClient(context);
    expect((await client.post('/mon-espace/notifications', { digestFrequency: 'daily' }, { page: '/mon-espace/notifications' })).statusCode).toBe(303);
    expect((await client.post('/mon-espace/notifications', { digestFrequency: 'souvent' }, { page: '/mon-espace/notifications' })).statusCode).toBe(400);
    const [stored] = await context.database.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.digestFrequency).toBe('daily');
    expect(await context.database.db.select().from(consents).where(eq(consents.userId, user.id))).toEqual(
      expect.arrayContaining([expect.objectContaining({ purpose: 'alerts', withdrawnAt: null })]),
    );
    await client.post('/mon-espace/notifications', { digestFrequency: 'none' }, { page: '/mon-espace/notifications' });
    const alertsConsents = (await context.database.db.select().from(consents).where(eq(consents.userId, user.id))).filter((row) => row.purpose === 'alerts');
    expect(alertsConsents.every((row) => row.withdrawnAt !== null)).toBe(true);
  });

  it('exports everything held about her as JSON', async () => {
    const { client, user } = await signedInClient(context, { profile: { displayName: 'Inès', birthYear: 1990 } });
    const opportunity = await createOpportunity(context.database.db, { title: 'Bourse suivie' });
    await followOpportunity(context.database.db, user.id, opportunity.id, 'deadlines', context.clock);
    await saveSearch(context.database.db, user.id, { query: 'type=prix', label: 'Prix', frequency: 'daily' }, context.clock);
    await context.database.db.insert(contactMessages).values({ subject: 'question', email: user.email, message: 'Ma question à l’équipe', userId: user.id });
    await context.database.db.insert(newsletterSubscribers).values({ email: user.email, status: 'confirmed', unsubscribeToken: 'jeton-lettre-ines-0123456789', consentText: 'Accord' });
    const response = await client.get('/mon-espace/donnees.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = JSON.parse(response.body);
    expect(data.account).toMatchObject({ email: user.email, profile: { displayName: 'Inès', birthYear: 1990 } });
    expect(data.followedOpportunities).toEqual([expect.objectContaining({ title: 'Bourse suivie', kind: 'deadlines' })]);
    expect(data.savedSearches).toEqual([expect.objectContaining({ query: 'type=prix', frequency: 'daily' })]);
    expect(data.consents.map((consent: { purpose: string }) => consent.purpose).sort()).toEqual(['account', 'alerts']);
    expect(data.sessions).toHaveLength(1);
    expect(data.messagesToTheTeam).toEqual([expect.objectContaining({ subject: 'question', message: 'Ma question à l’équipe' })]);
    expect(data.newsletter).toMatchObject({ status: 'confirmed', consentText: 'Accord' });
    expect(JSON.stringify(data)).not.toContain(user.unsubscribeToken);
    expect(JSON.stringify(data)).not.toContain('jeton-lettre-ines');
  });

  it('deletes the account at once, confirms by email, and needs the box ticked', async () => {
    const { client, user } = await signedInClient(context, { email: 'partante@exemple.fr' });
    const opportunity = await createOpportunity(context.database.db);
    await followOpportunity(context.database.db, user.id, opportunity.id, 'deadlines', context.clock);
    await context.database.db.insert(contactMessages).values({ subject: 'feedback', email: user.email, message: 'Mon avis', userId: user.id });
    await context.database.db.insert(newsletterSubscribers).values({ email: user.email, status: 'confirmed', unsubscribeToken: 'jeton-lettre-partante-0123456', consentText: 'Accord' });
    const refused = await client.post('/mon-espace/supprimer', {}, { page: '/mon-espace/donnees' });
    expect(refused.statusCode).toBe(400);
    expect(textOf(refused.body)).toContain('Cochez la case pour confirmer la suppression');
    const deleted = await client.post('/mon-espace/supprimer', { confirmation: 'oui' }, { page: '/mon-espace/donnees' });
    expect(deleted.headers.location).toBe('/compte-supprime');
    await context.jobs.runAll();
    const db = context.database.db;
    expect(await db.select().from(users).where(eq(users.id, user.id))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect(await db.select().from(opportunityFollows).where(eq(opportunityFollows.userId, user.id))).toEqual([]);
    expect(await db.select().from(savedSearches).where(eq(savedSearches.userId, user.id))).toEqual([]);
    expect(await db.select().from(consents).where(eq(consents.userId, user.id))).toEqual([]);
    expect(await db.select().from(contactMessages).where(eq(contactMessages.email, 'partante@exemple.fr'))).toEqual([]);
    expect(await db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, 'partante@exemple.fr'))).toEqual([]);
    const [mail] = context.smtp!.to('partante@exemple.fr');
    expect(mail!.subject).toBe('Votre compte Elles font la culture a été supprimé');
    expect((await client.get('/mon-espace')).statusCode).toBe(303);
  });
});
