import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, resources } from '../../db/schema/index.ts';
import { buildPdf } from '../../platform/pdf/simple-pdf.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { createResource } from '../../../test/helpers/resources.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import type { TestClient } from '../../../test/helpers/test-client.ts';

const sheet = {
  type: 'sheet', title: 'Négocier ses droits de licence', summary: 'Comment chiffrer une licence sans se brader.', objective: 'Savoir chiffrer une licence.',
  introduction: 'Une licence se négocie.', body: '## Les usages\n\nChaque usage a un prix : support, durée, territoire.', keyTakeaways: 'Un usage, un prix\nTout par écrit',
  sources: 'Code de la propriété intellectuelle | https://www.legifrance.gouv.fr | Légifrance', author: 'Équipe', themes: 'administrative_financial', careerStages: ['emerging', 'established'], tags: 'licence, droits',
};

describe('resources in the back-office', () => {
  let context: TestContext;
  let moderator: TestClient;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
    moderator = (await signedInClient(context, { role: 'moderator' })).client;
  });
  afterAll(() => context.close());

  it('creates a sheet as a draft, logged, then publishes it', async () => {
    const response = await moderator.post('/admin/ressources/nouvelle', sheet, { page: '/admin/ressources/nouvelle' });
    expect(response.statusCode).toBe(303);
    const [row] = await context.database.db.select().from(resources).where(eq(resources.title, sheet.title));
    expect(row).toMatchObject({ status: 'draft', keyTakeaways: ['Un usage, un prix', 'Tout par écrit'], sources: [{ title: 'Code de la propriété intellectuelle', url: 'https://www.legifrance.gouv.fr', publisher: 'Légifrance' }], tags: ['licence', 'droits'] });
    await moderator.post(`/admin/ressources/${row!.id}/publier`, {}, { page: `/admin/ressources/${row!.id}` });
    expect((await context.app.inject({ url: `/ressources/${row!.slug}` })).statusCode).toBe(200);
    expect((await context.database.db.select().from(auditLog).where(eq(auditLog.entityId, String(row!.id)))).map((entry) => entry.action)).toEqual(['resource.create', 'resource.publish']);
  });

  it('previews Markdown as it will be published, scripts removed, without saving', async () => {
    const response = await moderator.post('/admin/ressources/nouvelle', { ...sheet, title: 'Aperçu seulement', body: '## Titre\n\n**gras** <script>alert(1)</script> [x](javascript:alert(1))', intention: 'apercu' }, { page: '/admin/ressources/nouvelle' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h2>Titre</h2>');
    expect(response.body).toContain('<strong>gras</strong>');
    expect(response.body).not.toContain('<script>alert');
    expect(response.body).not.toContain('href="javascript:');
    expect(await context.database.db.select().from(resources).where(eq(resources.title, 'Aperçu seulement'))).toEqual([]);
  });

  it('accepts a template only when its content is a PDF or an ODT', async () => {
    const fields = { ...sheet, type: 'document', title: 'Modèle de contrat', body: '' };
    const fake = await moderator.postMultipart('/admin/ressources/nouvelle', fields, { file: { fileName: 'contrat.pdf', type: 'application/pdf', content: Buffer.from('MZ\x90\x00 not a pdf at all') } }, { page: '/admin/ressources/nouvelle' });
    expect(fake.statusCode).toBe(400);
    expect(textOf(fake.body)).toContain('Le fichier doit être un PDF ou un document ODT');
    const pdf = buildPdf([{ kind: 'title', text: 'Contrat' }], { title: 'Contrat' });
    const saved = await moderator.postMultipart('/admin/ressources/nouvelle', fields, { file: { fileName: '../../etc/Contrat de cession.pdf', type: 'application/octet-stream', content: pdf } }, { page: '/admin/ressources/nouvelle' });
    expect(saved.statusCode).toBe(303);
    const [row] = await context.database.db.select().from(resources).where(eq(resources.title, 'Modèle de contrat'));
    expect(row).toMatchObject({ fileName: 'Contrat-de-cession.pdf', fileType: 'application/pdf', fileSize: pdf.length });
    expect(row!.fileKey).toMatch(/^ressources\/modele-de-contrat-[a-z0-9]+\.pdf$/);
    await moderator.post(`/admin/ressources/${row!.id}/publier`, {}, { page: `/admin/ressources/${row!.id}` });
    const download = await context.app.inject({ url: `/ressources/${row!.slug}/telecharger` });
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses a proposal with a reason emailed to its author', async () => {
    const { user } = await signedInClient(context, { email: 'autrice@exemple.fr' });
    const proposal = await createResource(context.database.db, { status: 'in_review', source: 'suggestion', submittedBy: user.id, title: 'Lien proposé' });
    expect(textOf((await moderator.get('/admin/a-relire')).body)).toContain('Lien proposé');
    expect((await moderator.post(`/admin/ressources/${proposal.id}/refuser`, { reason: '' }, { page: `/admin/ressources/${proposal.id}` })).statusCode).toBe(400);
    await moderator.post(`/admin/ressources/${proposal.id}/refuser`, { reason: 'Ce lien ne concerne pas la photographie.' }, { page: `/admin/ressources/${proposal.id}` });
    await context.jobs.runAll();
    expect(context.smtp!.to('autrice@exemple.fr')[0]!.text).toContain('Ce lien ne concerne pas la photographie.');
  });

  it('shows each type’s required fields as errors', async () => {
    const response = await moderator.post('/admin/ressources/nouvelle', { ...sheet, type: 'video', videoUrl: '', transcript: '' }, { page: '/admin/ressources/nouvelle' });
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Une vidéo doit avoir sa transcription');
    const webinar = await moderator.post('/admin/ressources/nouvelle', { ...sheet, type: 'webinar', startsAt: '2027-02-30T18:30' }, { page: '/admin/ressources/nouvelle' });
    expect(textOf(webinar.body)).toContain('Indiquez une date et une heure valides');
  });
});
