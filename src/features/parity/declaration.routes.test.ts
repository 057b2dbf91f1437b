import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, parityCorrectionRequests, parityDeclarations, parityFigures, parityOrganizations, parityRepresentatives } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';

const figuresOfCsv = async (context: TestContext, slug: string) =>
  parse((await context.app.inject({ url: `/index-parite/${slug}/chiffres.csv` })).body, { columns: true }) as Record<string, string>[];

describe('declarations by organisations and their moderation', () => {
  let context: TestContext;
  let organizationId: number;
  let moderator: TestClient;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
    const db = context.database.db;
    const [organization] = await db.insert(parityOrganizations).values({ slug: 'festival-des-essais', name: 'Festival des essais', type: 'festival', city: 'Nantes', website: 'https://www.festival-essais.fr' }).returning();
    organizationId = organization!.id;
    await db.insert(parityFigures).values({ organizationId, year: 2025, metric: 'exhibited_artists', women: 10, total: 40, source: 'Import des données de référence', status: 'published', recordedBy: 'Import', publishedAt: new Date('2026-01-10T10:00:00Z') });
    moderator = (await signedInClient(context, { role: 'moderator', email: 'moderatrice@culture.gouv.fr' })).client;
  });
  afterAll(() => context.close());

  const validForm = {
    annee: '2025', femmes_exhibited_artists: '21', total_exhibited_artists: '40', femmes_directors: '1', total_directors: '1', source: 'Programme 2025',
    fonction: 'Directrice artistique', actions: 'Nous avons adopté une charte de parité.\n\nLe jury est paritaire depuis 2024.', commentaire: '',
  };

  it('sends visitors to sign in first, and refuses a post without a session', async () => {
    const visitor = new TestClient(context.app);
    const page = await visitor.get('/index-parite/festival-des-essais/declarer');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/connexion?retour=%2Findex-parite%2Ffestival-des-essais%2Fdeclarer');
    await visitor.get('/index-parite/festival-des-essais');
    expect((await visitor.post('/index-parite/festival-des-essais/declarer', validForm, { csrf: false })).statusCode).toBe(403);
  });

  it('explains each mistake on its field and keeps what was typed', async () => {
    const { client } = await signedInClient(context, { email: 'claire@gmail.com' });
    const response = await client.post('/index-parite/festival-des-essais/declarer', {
      ...validForm, femmes_exhibited_artists: '41', femmes_directors: '', total_curators: 'trois', femmes_curators: '', annee: '1850', fonction: '',
    }, { page: '/index-parite/festival-des-essais/declarer' });
    expect(response.statusCode).toBe(400);
    const text = textOf(response.body);
    expect(text).toContain('Le formulaire contient 5 erreurs');
    expect(text).toContain('Artistes exposé·es : Le nombre de femmes (41) dépasse l’effectif total (40).');
    expect(text).toContain('Direction : indiquez le nombre de femmes et l’effectif total, ou laissez les deux vides.');
    expect(text).toContain('Choisissez une année de la liste.');
    expect(text).toContain('Indiquez votre fonction dans l’organisation.');
    expect(response.body).toContain('value="Programme 2025"');
    const empty = await client.post('/index-parite/festival-des-essais/declarer', { annee: '2025', fonction: 'Chargée de mission', source: '' }, { page: '/index-parite/festival-des-essais/declarer' });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Indiquez au moins un chiffre, ou le texte sur vos actions pour l’égalité.');
    expect(await context.database.db.select().from(parityDeclarations)).toHaveLength(0);
  });

  it('keeps an unverified declaration invisible until a moderator publishes it', async () => {
    const { client, user } = await signedInClient(context, { email: 'claire.martin@gmail.com' });
    const form = await client.get('/index-parite/festival-des-essais/declarer');
    expect(textOf(form.body)).toContain('n’est pas sur le domaine du site de l’organisation');
    const sent = await client.post('/index-parite/festival-des-essais/declarer', validForm, { page: '/index-parite/festival-des-essais/declarer' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/index-parite/festival-des-essais?ok=declaration');
    expect(textOf((await client.get(sent.headers.location as string)).body)).toContain('votre déclaration est transmise à l’équipe');

    // Nothing public has changed: page, open data, badge, key figures.
    const visitor = new TestClient(context.app);
    const page = textOf((await visitor.get('/index-parite/festival-des-essais')).body);
    expect(page).toContain('Artistes exposé·es : 25 % (10 femmes sur 40)');
    expect(page).not.toContain('Déclaré par l’organisation');
    expect(page).not.toContain('charte de parité');
    expect((await figuresOfCsv(context, 'festival-des-essais')).map((row) => `${row.indicateur} ${row.femmes}/${row.total}`)).toEqual(['exhibited_artists 10/40']);
    const all = parse((await visitor.get('/index-parite/donnees/chiffres.csv')).body, { columns: true }) as Record<string, string>[];
    expect(all.some((row) => row.femmes === '21')).toBe(false);
    expect((await visitor.get('/index-parite/festival-des-essais/badge.svg')).body).toContain('25 % de femmes (2025)');

    // The moderator sees it in the queue, with the current figure beside the declared one.
    const queue = textOf((await moderator.get('/admin/a-relire')).body);
    expect(queue).toContain('Festival des essais 2025 À vérifier');
    const [declaration] = await context.database.db.select().from(parityDeclarations);
    const review = textOf((await moderator.get(`/admin/index-parite/declarations/${declaration!.id}`)).body);
    expect(review).toContain('Artistes exposé·es 21 femmes sur 40 (53 %) 10 femmes sur 40 (25 %) Programme 2025');
    expect(review).toContain('Fonction déclarée : Directrice artistique');

    const published = await moderator.post(`/admin/index-parite/declarations/${declaration!.id}/publier`, {}, { page: `/admin/index-parite/declarations/${declaration!.id}` });
    expect(published.statusCode).toBe(303);
    const after = textOf((await visitor.get('/index-parite/festival-des-essais')).body);
    expect(after).toContain('Artistes exposé·es : 53 % (21 femmes sur 40)');
    expect(after).toContain('Déclaré par l’organisation');
    expect(after).toContain('Nous avons adopté une charte de parité.');
    expect(after).toMatch(/Historique des corrections .* Artistes exposé·es 2025 10 femmes sur 40 \(25 %\) 21 femmes sur 40 \(53 %\) L’organisation/);
    expect((await figuresOfCsv(context, 'festival-des-essais')).map((row) => `${row.indicateur} ${row.femmes}/${row.total} ${row.declare_par_organisation}`).sort())
      .toEqual(['directors 1/1 oui', 'exhibited_artists 21/40 oui']);

    // History kept, representative recognised, declarant told, action logged.
    const rows = await context.database.db.select().from(parityFigures).where(and(eq(parityFigures.organizationId, organizationId), eq(parityFigures.metric, 'exhibited_artists')));
    expect(rows.map((row) => row.status).sort()).toEqual(['published', 'replaced']);
    expect(await context.database.db.select().from(parityRepresentatives)).toEqual([expect.objectContaining({ userId: user.id, organizationId, verifiedBy: 'moderator' })]);
    await context.jobs.runAll();
    const mails = context.smtp!.to('claire.martin@gmail.com');
    expect(mails.at(-1)!.subject).toBe('Index de la parité : votre déclaration pour Festival des essais est publiée');
    const [entry] = await context.database.db.select().from(auditLog).where(eq(auditLog.action, 'parity_declaration.publish'));
    expect(entry!.actorLabel).toBe('moderatrice@culture.gouv.fr');

    // Published once only.
    const again = await moderator.post(`/admin/index-parite/declarations/${declaration!.id}/publier`, {}, { page: `/admin/index-parite/declarations/${declaration!.id}` });
    expect(again.statusCode).toBe(409);
  });

  it('recognises an address on the organisation’s domain, and a refusal tells the declarant why', async () => {
    const { client, user } = await signedInClient(context, { email: 'direction@festival-essais.fr' });
    expect(textOf((await client.get('/index-parite/festival-des-essais/declarer')).body)).toContain('Adresse sur le domaine de l’organisation');
    await client.post('/index-parite/festival-des-essais/declarer', { ...validForm, femmes_exhibited_artists: '39' }, { page: '/index-parite/festival-des-essais/declarer' });
    const [declaration] = await context.database.db.select().from(parityDeclarations).where(eq(parityDeclarations.userId, user.id));
    expect(declaration!.representativeVerified).toBe(true);

    const missingReason = await moderator.post(`/admin/index-parite/declarations/${declaration!.id}/refuser`, { reason: '' }, { page: `/admin/index-parite/declarations/${declaration!.id}` });
    expect(missingReason.statusCode).toBe(400);
    expect(textOf(missingReason.body)).toContain('Indiquez le motif du refus');
    const refused = await moderator.post(`/admin/index-parite/declarations/${declaration!.id}/refuser`, { reason: 'Le programme publié compte 21 artistes femmes, pas 39.' }, { page: `/admin/index-parite/declarations/${declaration!.id}` });
    expect(refused.statusCode).toBe(303);
    expect(textOf((await new TestClient(context.app).get('/index-parite/festival-des-essais')).body)).toContain('Artistes exposé·es : 53 % (21 femmes sur 40)');
    await context.jobs.runAll();
    expect(context.smtp!.to('direction@festival-essais.fr').at(-1)!.text).toContain('Le programme publié compte 21 artistes femmes, pas 39.');
  });

  it('lets the team correct a figure directly, naming the team and not the person in public', async () => {
    const page = `/admin/index-parite/organisations/${organizationId}`;
    const invalid = await moderator.post(`${page}/chiffres`, { annee: '2025', femmes_exhibited_artists: '5', total_exhibited_artists: '4', source: 'Vérification' }, { page });
    expect(invalid.statusCode).toBe(400);
    expect(textOf(invalid.body)).toContain('dépasse l’effectif total');
    const corrected = await moderator.post(`${page}/chiffres`, { annee: '2025', femmes_exhibited_artists: '20', total_exhibited_artists: '40', source: 'Programme vérifié' }, { page });
    expect(corrected.statusCode).toBe(303);
    const text = textOf((await new TestClient(context.app).get('/index-parite/festival-des-essais')).body);
    expect(text).toContain('Artistes exposé·es : 50 % (20 femmes sur 40)');
    expect(text).toMatch(/21 femmes sur 40 \(53 %\) 20 femmes sur 40 \(50 %\) Équipe Elles font la culture/);
    expect(text).not.toContain('moderatrice@culture.gouv.fr');
  });

  it('lets the team create and edit organisations, checking the prize’s organiser', async () => {
    const created = await moderator.post('/admin/index-parite/organisations/nouvelle', { name: 'Prix des essais', type: 'prize', parent: 'festival-des-essais', website: '' }, { page: '/admin/index-parite/organisations/nouvelle' });
    expect(created.statusCode).toBe(303);
    const [prize] = await context.database.db.select().from(parityOrganizations).where(eq(parityOrganizations.slug, 'prix-des-essais'));
    expect(prize!.parentId).toBe(organizationId);
    const bad = await moderator.post(`/admin/index-parite/organisations/${prize!.id}`, { name: 'Prix des essais', type: 'cirque', parent: 'inconnue', website: 'javascript:alert(1)' }, { page: `/admin/index-parite/organisations/${prize!.id}` });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Choisissez un type de la liste.');
    const unknownParent = await moderator.post(`/admin/index-parite/organisations/${prize!.id}`, { name: 'Prix des essais', type: 'prize', parent: 'inconnue' }, { page: `/admin/index-parite/organisations/${prize!.id}` });
    expect(textOf(unknownParent.body)).toContain('Aucune organisation n’a cet identifiant.');
    const renamed = await moderator.post(`/admin/index-parite/organisations/${prize!.id}`, { name: 'Grand prix des essais', type: 'prize', parent: 'festival-des-essais', region: 'Pays de la Loire' }, { page: `/admin/index-parite/organisations/${prize!.id}` });
    expect(renamed.statusCode).toBe(303);
    const festival = textOf((await new TestClient(context.app).get('/index-parite/festival-des-essais')).body);
    expect(festival).toContain('Prix décernés Grand prix des essais');
    expect((await moderator.get('/admin/index-parite/organisations/999999')).statusCode).toBe(404);
  });

  it('exports a declarant’s declarations with her data, and unlinks them when she deletes her account', async () => {
    const { client, user } = await signedInClient(context, { email: 'equipe@festival-essais.fr' });
    await client.post('/index-parite/festival-des-essais/declarer', { annee: '2024', fonction: 'Chargée des publics', actions: 'Nos actions.' }, { page: '/index-parite/festival-des-essais/declarer' });
    const data = JSON.parse((await client.get('/mon-espace/donnees.json')).body);
    expect(data.parityDeclarations).toEqual([expect.objectContaining({ organization: 'Festival des essais', year: 2024, representativeRole: 'Chargée des publics', status: 'pending' })]);
    expect(data.parityRepresentations).toEqual([expect.objectContaining({ organization: 'Festival des essais', verifiedBy: 'domain' })]);
    await client.post('/mon-espace/supprimer', { confirmation: 'oui' }, { page: '/mon-espace/donnees' });
    const [declaration] = await context.database.db.select().from(parityDeclarations).where(eq(parityDeclarations.year, 2024));
    expect(declaration!.userId).toBeNull();
    expect(await context.database.db.select().from(parityRepresentatives).where(eq(parityRepresentatives.userId, user.id))).toEqual([]);
  });

  it('takes error reports from anyone, never publishes them, and lets the team close them', async () => {
    const visitor = new TestClient(context.app, '192.0.2.44');
    const page = '/index-parite/festival-des-essais/signaler';
    const short = await visitor.post(page, { message: 'faux' }, { page });
    expect(short.statusCode).toBe(400);
    expect(textOf(short.body)).toContain('Décrivez l’erreur en quelques mots');
    const robot = await visitor.post(page, { message: 'Message de robot publicitaire', site_web_secondaire: 'http://spam.example' }, { page });
    expect(robot.statusCode).toBe(303);
    const sent = await visitor.post(page, { message: 'Le programme 2025 compte 22 artistes femmes sur 40.' }, { page });
    expect(sent.headers.location).toBe('/index-parite/festival-des-essais?ok=signalement');
    const requests = await context.database.db.select().from(parityCorrectionRequests);
    expect(requests.map((row) => row.message)).toEqual(['Le programme 2025 compte 22 artistes femmes sur 40.']);
    expect(textOf((await visitor.get('/index-parite/festival-des-essais')).body)).not.toContain('22 artistes femmes');
    const admin = textOf((await moderator.get('/admin/index-parite')).body);
    expect(admin).toContain('Le programme 2025 compte 22 artistes femmes sur 40.');
    expect((await moderator.post(`/admin/index-parite/signalements/${requests[0]!.id}/traiter`, {}, { page: '/admin/index-parite' })).statusCode).toBe(303);
    expect((await moderator.post(`/admin/index-parite/signalements/${requests[0]!.id}/traiter`, {}, { page: '/admin/index-parite' })).statusCode).toBe(404);
    expect(textOf((await moderator.get('/admin/index-parite')).body)).toContain('Aucun signalement en attente.');
  });
});
