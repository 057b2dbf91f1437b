import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { opportunities, opportunityFeedback, opportunityReports, opportunityWindows, users } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { validOpportunityForm } from '../../../test/helpers/opportunity-form.ts';
import { linkIn } from '../../../test/helpers/smtp-sink.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';

describe('proposing an opportunity', () => {
  let context: TestContext;
  const suggestions = () => context.database.db.select().from(opportunities).where(eq(opportunities.source, 'suggestion'));

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
    await createOpportunity(context.database.db, { slug: 'deja-publiee', title: 'Déjà publiée' });
  });
  beforeEach(async () => {
    context.smtp!.clear();
    await context.database.db.delete(opportunities).where(eq(opportunities.source, 'suggestion'));
  });
  afterAll(() => context.close());

  it('creates only an item in review with the allowed fields, whatever else the request carries', async () => {
    const { client, user } = await signedInClient(context);
    const response = await client.post('/aides/proposer', validOpportunityForm({
      status: 'published', slug: 'deja-publiee', id: '1', source: 'manual', submittedBy: '999', publishedAt: '2020-01-01',
      lastVerifiedOn: '2027-01-01', juryWomenShare: '90', isLowConfidence: 'true',
    }), { page: '/aides/proposer' });
    expect(response.headers.location).toBe('/aides/proposer/merci');
    const [item, ...others] = await suggestions();
    expect(others).toHaveLength(0);
    expect(item).toMatchObject({
      status: 'in_review', source: 'suggestion', submittedBy: user.id, publishedAt: null, lastVerifiedOn: null, juryWomenShare: null,
      isLowConfidence: false, title: 'Bourse de la jeune photographie du littoral', slug: 'bourse-de-la-jeune-photographie-du-littoral',
      disciplines: ['documentary', 'landscape'], careerStages: ['emerging'], amountEur: 5000, entryFeeEur: 0, ageMax: 35,
    });
    expect(await context.database.db.select().from(opportunityWindows).where(eq(opportunityWindows.opportunityId, item!.id))).toEqual([
      expect.objectContaining({ opensOn: '2027-03-01', closesOn: '2027-05-31', isEstimated: false }),
    ]);
    const [published] = await context.database.db.select().from(opportunities).where(eq(opportunities.slug, 'deja-publiee'));
    expect(published!.title).toBe('Déjà publiée');
    expect((await new TestClient(context.app).get(`/aides/${item!.slug}`)).statusCode).toBe(404);
  });

  it('shows every problem beside its field and saves nothing', async () => {
    const { client } = await signedInClient(context);
    const response = await client.post('/aides/proposer', validOpportunityForm({
      title: '', kind: 'loterie', summary: 'court', amountEur: '5 000 €', officialUrl: 'javascript:alert(1)', ageMin: '40', ageMax: '30',
      geographicScope: 'region', window1Opens: '2027-06-01', window1Closes: '2027-05-01',
    }), { page: '/aides/proposer' });
    expect(response.statusCode).toBe(400);
    const text = textOf(response.body);
    for (const message of ['Indiquez le nom de l’aide', 'Choisissez le type d’aide', 'Résumez l’aide en 20 à 600 caractères', 'Montant : Indiquez un nombre entier d’euros',
      'Site de l’organisme : Indiquez une adresse web complète commençant par https://', 'L’âge maximum doit être supérieur', 'Indiquez la région où les candidates doivent résider', 'La date limite doit suivre']) {
      expect(text).toContain(message);
    }
    expect(response.body).toContain('value="Brest"');
    expect(await suggestions()).toEqual([]);
  });

  it('lets a visitor propose after confirming her address, and creates her light account', async () => {
    const client = new TestClient(context.app, '203.0.113.140');
    const response = await client.post('/aides/proposer', validOpportunityForm({ email: 'proposante@exemple.fr', status: 'published' }), { page: '/aides/proposer' });
    expect(response.headers.location).toBe('/aides/proposer/verifiez-vos-emails');
    expect(await suggestions()).toEqual([]);
    await context.jobs.runAll();
    const token = linkIn(context.smtp!.to('proposante@exemple.fr')[0]!, 'http://localhost:3000/aides/proposer/confirmer/').split('/').at(-1)!;
    await client.post('/aides/proposer/confirmer', { jeton: token }, { page: `/aides/proposer/confirmer/${token}` });
    const [user] = await context.database.db.select().from(users).where(eq(users.email, 'proposante@exemple.fr'));
    expect(await suggestions()).toEqual([expect.objectContaining({ status: 'in_review', submittedBy: user!.id })]);
  });

  it('tells robots it worked and keeps nothing (honeypot)', async () => {
    const { client } = await signedInClient(context);
    const response = await client.post('/aides/proposer', validOpportunityForm({ site_web_secondaire: 'https://spam.example' }), { page: '/aides/proposer' });
    expect(response.headers.location).toBe('/aides/proposer/merci');
    expect(await suggestions()).toEqual([]);
  });

  it('limits proposals per connection', async () => {
    const { client } = await signedInClient(context);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push((await client.post('/aides/proposer', validOpportunityForm({ title: `Proposition numéro ${attempt}` }), { page: '/aides/proposer' })).statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('refuses a proposal without its CSRF token', async () => {
    const { client } = await signedInClient(context);
    expect((await client.post('/aides/proposer', validOpportunityForm(), { csrf: false })).statusCode).toBe(403);
  });
});

describe('feedback and error reports on a detail page', () => {
  let context: TestContext;
  let opportunityId: number;

  beforeAll(async () => {
    context = await createTestApp();
    opportunityId = (await createOpportunity(context.database.db, { slug: 'prix-note', title: 'Prix noté' })).id;
  });
  afterAll(() => context.close());

  it('offers the three answers as links from the shared page', async () => {
    const { body } = await new TestClient(context.app).get('/aides/prix-note');
    expect(body).toContain('href="/aides/prix-note/avis?reponse=utile"');
    expect(body).toContain('href="/aides/prix-note/avis?reponse=pas-utile"');
    expect(body).toContain('href="/aides/prix-note/signaler"');
  });

  it('records an answer with reasons from the fixed list only', async () => {
    const client = new TestClient(context.app);
    const page = await client.get('/aides/prix-note/avis?reponse=pas-utile');
    expect(textOf(page.body)).toContain('Je ne sais pas quoi faire après cette lecture');
    const saved = await client.post('/aides/prix-note/avis', { answer: 'not_useful', reasons: ['what_next', 'too_complex'] });
    expect(saved.statusCode).toBe(200);
    expect(textOf(saved.body)).toContain('Merci pour votre avis');
    const refused = await client.post('/aides/prix-note/avis', { answer: 'useful', reasons: ['too_complex'] }, { page: '/aides/prix-note/avis?reponse=utile' });
    expect(refused.statusCode).toBe(400);
    const missing = await client.post('/aides/prix-note/avis', { reasons: 'clear' }, { page: '/aides/prix-note/avis' });
    expect(missing.statusCode).toBe(400);
    expect(await context.database.db.select({ answer: opportunityFeedback.answer, reasons: opportunityFeedback.reasons }).from(opportunityFeedback).where(eq(opportunityFeedback.opportunityId, opportunityId)))
      .toEqual([{ answer: 'not_useful', reasons: ['what_next', 'too_complex'] }]);
  });

  it('records an error report with an optional comment', async () => {
    const client = new TestClient(context.app);
    expect((await client.post('/aides/prix-note/signaler', { reason: 'dead_link', comment: 'Le lien renvoie une erreur 404.' }, { page: '/aides/prix-note/signaler' })).statusCode).toBe(200);
    expect((await client.post('/aides/prix-note/signaler', { reason: 'inventee' }, { page: '/aides/prix-note/signaler' })).statusCode).toBe(400);
    expect((await client.post('/aides/prix-note/signaler', { reason: 'other', comment: 'x'.repeat(1001) }, { page: '/aides/prix-note/signaler' })).statusCode).toBe(400);
    expect((await client.post('/aides/prix-note/signaler', { reason: 'other', site_web_secondaire: 'robot' }, { page: '/aides/prix-note/signaler' })).statusCode).toBe(200);
    expect(await context.database.db.select({ reason: opportunityReports.reason, comment: opportunityReports.comment }).from(opportunityReports))
      .toEqual([{ reason: 'dead_link', comment: 'Le lien renvoie une erreur 404.' }]);
  });

  it('answers 404 for unknown opportunities and 403 without CSRF token', async () => {
    const client = new TestClient(context.app);
    expect((await client.get('/aides/inconnue/avis')).statusCode).toBe(404);
    expect((await client.post('/aides/prix-note/signaler', { reason: 'closed' }, { csrf: false })).statusCode).toBe(403);
    expect((await client.post('/aides/prix-note/avis', { answer: 'useful' }, { csrf: false })).statusCode).toBe(403);
  });
});
