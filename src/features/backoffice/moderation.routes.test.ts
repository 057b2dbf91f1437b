import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, opportunities, opportunityFeedback, opportunityReports, users } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { cardSlugs, textOf } from '../../../test/helpers/html.ts';
import { validOpportunityForm } from '../../../test/helpers/opportunity-form.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import type { TestClient } from '../../../test/helpers/test-client.ts';

describe('moderation in the back-office', () => {
  let context: TestContext;
  let moderator: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
    moderator = (await signedInClient(context, { role: 'moderator', email: 'moderatrice@culture.gouv.fr', profile: { displayName: 'Inès' } })).client;
    admin = (await signedInClient(context, { role: 'admin', email: 'admin@culture.gouv.fr' })).client;
    await createOpportunity(context.database.db, { slug: 'bourse-littoral', title: 'Bourse de la photographie du littoral', organizer: 'Association Regards de la côte' });
  });
  beforeEach(() => context.smtp!.clear());
  afterAll(() => context.close());

  async function suggest(title: string) {
    const member = await signedInClient(context, { email: `proposante-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@exemple.fr` });
    await member.client.post('/aides/proposer', validOpportunityForm({ title }), { page: '/aides/proposer' });
    const [row] = await context.database.db.select().from(opportunities).where(eq(opportunities.title, title));
    return { row: row!, member };
  }

  it('shows a suggestion in the queue with its likely duplicate', async () => {
    const { row } = await suggest('Bourse de la jeune photographie du littoral');
    const queue = await moderator.get('/admin/a-relire');
    expect(queue.body).toContain(`href="/admin/aides/${row.id}"`);
    const page = await moderator.get(`/admin/aides/${row.id}`);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Doublons probables');
    expect(text).toMatch(/Bourse de la photographie du littoral — Association Regards de la côte \(Publiée, ressemblance \d+ %\)/);
  });

  it('edits then publishes, logs before and after, tells the submitter, and shows it in the catalogue', async () => {
    const { row, member } = await suggest('Résidence des photographes du bocage');
    const response = await moderator.post(`/admin/aides/${row.id}`, {
      ...validOpportunityForm({ title: 'Résidence des photographes du bocage normand', kind: 'residency', window1Closes: '2027-06-30' }),
      lastVerifiedOn: '2027-03-02', sourceLinks: 'https://bocage.example/appel', intention: 'publier',
    }, { page: `/admin/aides/${row.id}` });
    expect(response.headers.location).toBe(`/admin/aides/${row.id}?ok=publiee`);
    const [published] = await context.database.db.select().from(opportunities).where(eq(opportunities.id, row.id));
    expect(published).toMatchObject({ status: 'published', title: 'Résidence des photographes du bocage normand', kind: 'residency', lastVerifiedOn: '2027-03-02', sourceLinks: ['https://bocage.example/appel'] });
    const [entry] = await context.database.db.select().from(auditLog).where(eq(auditLog.entityId, String(row.id)));
    expect(entry).toMatchObject({ action: 'opportunity.edit_and_publish', actorLabel: 'Inès (moderatrice@culture.gouv.fr)' });
    expect(entry!.before).toMatchObject({ status: 'in_review', title: 'Résidence des photographes du bocage', kind: 'grant' });
    expect(entry!.after).toMatchObject({ status: 'published', title: 'Résidence des photographes du bocage normand', kind: 'residency' });
    await context.jobs.runAll();
    const [mail] = context.smtp!.to(member.user.email);
    expect(mail!.subject).toBe('Votre proposition est publiée : Résidence des photographes du bocage normand');
    const catalogue = await context.app.inject({ url: '/aides?q=bocage' });
    expect(cardSlugs(catalogue.body)).toEqual([published!.slug]);
  });

  it('refuses with a reason that is emailed, and requires that reason', async () => {
    const { row, member } = await suggest('Prix inventé pour le test');
    const missing = await moderator.post(`/admin/aides/${row.id}/refuser`, { reason: '' }, { page: `/admin/aides/${row.id}` });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Indiquez le motif du refus');
    await moderator.post(`/admin/aides/${row.id}/refuser`, { reason: 'Cet appel est réservé aux étudiantes d’une seule école.' }, { page: `/admin/aides/${row.id}` });
    const [refused] = await context.database.db.select().from(opportunities).where(eq(opportunities.id, row.id));
    expect(refused).toMatchObject({ status: 'refused', refusalReason: 'Cet appel est réservé aux étudiantes d’une seule école.' });
    await context.jobs.runAll();
    expect(context.smtp!.to(member.user.email)[0]!.text).toContain('Cet appel est réservé aux étudiantes d’une seule école.');
  });

  it('archives and restores, each step in the audit log', async () => {
    const opportunity = await createOpportunity(context.database.db, { title: 'Aide à archiver' });
    await moderator.post(`/admin/aides/${opportunity.id}/archiver`, {}, { page: `/admin/aides/${opportunity.id}` });
    expect((await context.app.inject({ url: `/aides/${opportunity.slug}` })).statusCode).toBe(404);
    await moderator.post(`/admin/aides/${opportunity.id}/restaurer`, {}, { page: `/admin/aides/${opportunity.id}` });
    expect((await context.app.inject({ url: `/aides/${opportunity.slug}` })).statusCode).toBe(200);
    const again = await moderator.post(`/admin/aides/${opportunity.id}/restaurer`, {}, { page: `/admin/aides/${opportunity.id}` });
    expect(again.statusCode).toBe(409);
    const actions = (await context.database.db.select().from(auditLog).where(eq(auditLog.entityId, String(opportunity.id)))).map((entry) => [entry.action, entry.before, entry.after]);
    expect(actions).toEqual([
      ['opportunity.archive', { status: 'published', refusalReason: null }, { status: 'archived', refusalReason: null }],
      ['opportunity.restore', { status: 'archived', refusalReason: null }, { status: 'published', refusalReason: null }],
    ]);
  });

  it('refuses an invalid edit with messages and keeps the published version', async () => {
    const opportunity = await createOpportunity(context.database.db, { title: 'Aide intacte' });
    const response = await moderator.post(`/admin/aides/${opportunity.id}`, { ...validOpportunityForm({ title: '' }), juryWomenShare: '150' }, { page: `/admin/aides/${opportunity.id}` });
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Indiquez un pourcentage entre 0 et 100');
    const [row] = await context.database.db.select().from(opportunities).where(eq(opportunities.id, opportunity.id));
    expect(row!.title).toBe('Aide intacte');
  });

  it('creates an opportunity from scratch as a draft', async () => {
    const response = await moderator.post('/admin/aides/nouvelle', { ...validOpportunityForm({ title: 'Commande publique de portraits' }), sourceLinks: '' }, { page: '/admin/aides/nouvelle' });
    expect(response.statusCode).toBe(303);
    const [row] = await context.database.db.select().from(opportunities).where(eq(opportunities.title, 'Commande publique de portraits'));
    expect(row).toMatchObject({ status: 'draft', source: 'manual' });
  });

  it('marks reports as handled', async () => {
    const opportunity = await createOpportunity(context.database.db, { title: 'Aide signalée' });
    const [report] = await context.database.db.insert(opportunityReports).values({ opportunityId: opportunity.id, reason: 'wrong_date', comment: 'La date a changé.' }).returning();
    expect(textOf((await moderator.get('/admin/signalements')).body)).toContain('La date a changé.');
    await moderator.post(`/admin/signalements/${report!.id}/traiter`, {});
    const [resolved] = await context.database.db.select().from(opportunityReports).where(eq(opportunityReports.id, report!.id));
    expect(resolved!.status).toBe('resolved');
    expect((await moderator.post(`/admin/signalements/${report!.id}/traiter`, {}, { page: '/admin/signalements' })).statusCode).toBe(404);
  });

  it('lets an administrator change a role, logged, and finds it in the searchable log', async () => {
    const { user } = await signedInClient(context, { email: 'future-moderatrice@exemple.fr' });
    await admin.post(`/admin/utilisateurs/${user.id}/role`, { role: 'moderator' }, { page: '/admin/utilisateurs' });
    const [updated] = await context.database.db.select().from(users).where(eq(users.id, user.id));
    expect(updated!.role).toBe('moderator');
    const bad = await admin.post(`/admin/utilisateurs/${user.id}/role`, { role: 'reine' }, { page: '/admin/utilisateurs' });
    expect(bad.statusCode).toBe(400);
    const log = await admin.get(`/admin/journal?q=${encodeURIComponent('Rôle')}`);
    expect(textOf(log.body)).toContain(`Rôle de l’utilisateur n° ${user.id} : member → moderator`);
  });

  it('exports the catalogue and the feedback as CSV, neutralising formulas', async () => {
    const opportunity = await createOpportunity(context.database.db, { title: '=HYPERLINK("https://piege.example")' });
    await context.database.db.insert(opportunityFeedback).values({ opportunityId: opportunity.id, answer: 'useful', reasons: ['clear', 'will_apply'] });
    const catalogue = await moderator.get('/admin/export/aides.csv');
    expect(catalogue.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(catalogue.body.split('\r\n')[0]).toBe('id,slug,title,organizer,kind,status,source,disciplines,amountEur,entryFeeEur,geographicScope,eligibilityRegion,ageMin,ageMax,careerStages,reservedToWomen,recurrence,officialUrl,applicationUrl,city,region,lastVerifiedOn,publishedAt,updatedAt');
    expect(catalogue.body).toContain(`"'=HYPERLINK(""https://piege.example"")"`);
    const feedback = await moderator.get('/admin/export/avis.csv');
    expect(feedback.body).toContain(`,${opportunity.id},useful,clear|will_apply,`);
  });

  it('summarises the day on the dashboard', async () => {
    const text = textOf((await moderator.get('/admin')).body);
    expect(text).toMatch(/Propositions et déclarations à relire \d+/);
    expect(text).toContain('Les 30 derniers jours');
  });
});
