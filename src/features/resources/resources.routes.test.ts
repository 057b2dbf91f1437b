import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceFeedback, resources } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { createResource } from '../../../test/helpers/resources.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { seedResources } from './resource-seed.commands.ts';

const resourceSlugs = (html: string) => [...html.matchAll(/class="fr-card__title"><a href="\/ressources\/([a-z0-9-]+)"/g)].map((match) => match[1]!);

describe('the resources seeded with the service', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp();
    await seedResources(context.database.db, context.storage, context.clock);
  });
  afterAll(() => context.close());

  it('holds 12 practical sheets of 600 words or more, 4 webinars and 3 templates', async () => {
    const rows = await context.database.db.select().from(resources);
    const sheets = rows.filter((row) => row.type === 'sheet');
    expect(sheets).toHaveLength(12);
    for (const sheet of sheets) {
      const words = `${sheet.introduction} ${sheet.body} ${sheet.keyTakeaways.join(' ')}`.split(/\s+/).filter(Boolean).length;
      expect(words, sheet.slug).toBeGreaterThanOrEqual(600);
      expect(sheet.sources.length, sheet.slug).toBeGreaterThanOrEqual(3);
      expect(sheet.keyTakeaways.length, sheet.slug).toBeGreaterThanOrEqual(3);
    }
    expect(rows.filter((row) => row.type === 'webinar')).toHaveLength(4);
    expect(rows.filter((row) => row.type === 'document')).toHaveLength(3);
    expect(JSON.stringify(rows).toLowerCase()).not.toMatch(/lorem ipsum|todo/);
  });

  it('reloads idempotently', async () => {
    expect(await seedResources(context.database.db, context.storage, context.clock)).toEqual({ inserted: 0, updated: 19 });
  });

  it.each([
    ['tarif', 'fixer-ses-tarifs-commande-et-licence'],
    ['droits d’auteur', 'droits-d-auteur-et-societes-de-gestion'],
    ['maternité', 'parentalite-et-conge-maternite'],
    ['harcèlement', 'face-au-harcelement-sexiste-et-sexuel'],
    ['dossier de candidature', 'monter-un-dossier-de-candidature'],
  ])('finds the matching sheet first when searching "%s"', async (words, slug) => {
    const { body } = await context.app.inject({ url: `/ressources?q=${encodeURIComponent(words)}` });
    expect(resourceSlugs(body)[0]).toBe(slug);
  });

  it('shows a sheet with its reading time, takeaways and sources', async () => {
    const { statusCode, body } = await context.app.inject({ url: '/ressources/facturer-et-etre-payee-a-temps' });
    expect(statusCode).toBe(200);
    const text = textOf(body);
    expect(text).toMatch(/Temps de lecture : \d+ min/);
    expect(text).toContain('À retenir');
    expect(text).toContain('Sources et liens utiles');
  });

  it('serves a template as a real PDF download from storage', async () => {
    const response = await context.app.inject({ url: '/ressources/modele-devis-et-cession-de-droits/telecharger' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="modele-devis-et-cession-de-droits.pdf"');
    expect(response.rawPayload.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(response.rawPayload.subarray(-6).toString('latin1')).toBe('%%EOF\n');
    expect((await context.app.inject({ url: '/ressources/facturer-et-etre-payee-a-temps/telecharger' })).statusCode).toBe(404);
  });

  it('gathers help on the Entraide page: helplines with sources, associations, upcoming workshops', async () => {
    const text = textOf((await context.app.inject({ url: '/entraide' })).body);
    for (const expected of ['3919', '17', '112', '114', 'Défenseur des droits', 'Les Filles de la Photo', 'Atelier de lecture de portfolio entre pairs', 'Source vérifiée']) {
      expect(text).toContain(expected);
    }
  });
});

describe('searching, filtering and using resources', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp();
    const db = context.database.db;
    await createResource(db, { slug: 'fiche-promo', title: 'Se faire connaître des commanditaires', themes: ['promotion_commercial'], careerStages: ['emerging'], publishedAt: new Date('2027-01-10T10:00:00Z') });
    await createResource(db, { slug: 'fiche-admin', title: 'Déclarer ses revenus', themes: ['administrative_financial'], careerStages: ['student', 'emerging'], publishedAt: new Date('2027-02-10T10:00:00Z') });
    await createResource(db, { slug: 'lien-utile', type: 'link', title: 'Un guide externe', externalUrl: 'https://guide.example/photo', themes: ['equality_inclusion'], publishedAt: new Date('2026-12-10T10:00:00Z') });
    await createResource(db, { slug: 'brouillon', title: 'Fiche en relecture', status: 'in_review' });
    await createResource(db, { slug: 'atelier-mars', type: 'webinar', title: 'Atelier de mars', startsAt: new Date('2027-03-10T17:30:00Z'), durationMinutes: 90, transcript: 'Ce qui a été dit **pendant** l’atelier.', registrationUrl: 'https://inscription.example/atelier', replayUrl: 'https://replay.example/atelier-mars' });
    await createResource(db, { slug: 'video-temoignage', type: 'video', title: 'Témoignage d’une photographe', videoUrl: 'https://video.example/embed/42', transcript: 'Transcription complète du témoignage.', speakers: [{ name: 'Une photographe documentariste', role: 'Photographe' }] });
    await createResource(db, { slug: 'piegee', title: 'Fiche piégée', body: '<script>alert(1)</script>\n\n[clic](javascript:alert(1)) <img src=x onerror=alert(1)>' });
  });
  afterAll(() => context.close());

  it('lists published resources only, newest first, with facet counts', async () => {
    const { body } = await context.app.inject({ url: '/ressources' });
    expect(resourceSlugs(body)).not.toContain('brouillon');
    expect(resourceSlugs(body).slice(0, 1)).toEqual(['fiche-admin']);
    expect(textOf(body)).toContain('Promotion et commercial (1)');
    expect(textOf(body)).toContain('Lien utile (1)');
  });

  it('filters by type, theme and career stage, and ignores unknown values', async () => {
    expect(resourceSlugs((await context.app.inject({ url: '/ressources?type=lien' })).body)).toEqual(['lien-utile']);
    expect(resourceSlugs((await context.app.inject({ url: '/ressources?theme=administratif-et-financier' })).body)).toEqual(['fiche-admin']);
    expect(resourceSlugs((await context.app.inject({ url: '/ressources?parcours=etudiante' })).body)).toEqual(['fiche-admin']);
    const odd = await context.app.inject({ url: '/ressources?type=zzz&theme[]=x&page=-2&tri=%3Cscript%3E' });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('<script>alert');
  });

  it('sorts by usefulness', async () => {
    const [admin] = await context.database.db.select().from(resources).where(eq(resources.slug, 'fiche-admin'));
    await context.database.db.insert(resourceFeedback).values([{ resourceId: admin!.id, answer: 'useful' }, { resourceId: admin!.id, answer: 'useful' }]);
    expect(resourceSlugs((await context.app.inject({ url: '/ressources?tri=utile' })).body)[0]).toBe('fiche-admin');
  });

  it('moves a webinar from upcoming to past at its date, then shows its replay and transcript', async () => {
    const before = await context.app.inject({ url: '/ressources/atelier-mars' });
    expect(textOf(before.body)).toContain('À venir');
    expect(textOf(before.body)).toContain('mercredi 10 mars 2027 à 18 h 30 (heure de Paris)');
    expect(before.body).toContain('S’inscrire');
    expect(textOf(before.body)).not.toContain('pendant');
    expect(before.body).not.toContain('replay.example');
    expect(textOf((await context.app.inject({ url: '/ressources/ateliers' })).body)).toMatch(/À venir .*Atelier de mars.*Passés/);
    context.clock.set('2027-03-10T20:00:00+01:00');
    const after = await context.app.inject({ url: '/ressources/atelier-mars' });
    expect(textOf(after.body)).toContain('Cet événement a eu lieu');
    expect(after.body).toContain('<strong>pendant</strong>');
    expect(after.body).not.toContain('S’inscrire');
    expect(after.body).toMatch(/href="https:\/\/replay\.example\/atelier-mars"[^>]*>Voir le replay/);
    expect(textOf((await context.app.inject({ url: '/ressources/ateliers' })).body)).toMatch(/Passés.*Atelier de mars/);
  });

  it('loads nothing from the video host until the visitor asks', async () => {
    const page = await context.app.inject({ url: '/ressources/video-temoignage' });
    expect(page.body).not.toContain('<iframe');
    expect(page.body).not.toMatch(/src="https:\/\/video\.example/);
    expect(textOf(page.body)).toContain('Transcription complète du témoignage.');
    expect(String(page.headers['content-security-policy'])).not.toContain('video.example');
    const playing = await context.app.inject({ url: '/ressources/video-temoignage?lecture=1' });
    expect(playing.body).toContain('<iframe src="https://video.example/embed/42"');
    expect(String(playing.headers['content-security-policy'])).toContain('frame-src https://video.example');
    const again = await context.app.inject({ url: '/ressources/video-temoignage' });
    expect(String(again.headers['content-security-policy'])).not.toContain('video.example');
  });

  it('renders hostile Markdown harmlessly', async () => {
    const { body } = await context.app.inject({ url: '/ressources/piegee' });
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('javascript:');
    expect(body).not.toMatch(/<img[^>]+onerror/);
  });

  it('records usefulness answers with reasons from the fixed lists only', async () => {
    const client = new TestClient(context.app);
    expect((await client.post('/ressources/fiche-promo/avis', { answer: 'useful', reasons: ['not_alone', 'clear'] }, { page: '/ressources/fiche-promo/avis?reponse=utile' })).statusCode).toBe(200);
    expect((await client.post('/ressources/fiche-promo/avis', { answer: 'useful', reasons: 'poor_quality' }, { page: '/ressources/fiche-promo/avis?reponse=utile' })).statusCode).toBe(400);
    expect((await client.post('/ressources/fiche-promo/avis', { answer: 'useful' }, { csrf: false })).statusCode).toBe(403);
    const [promo] = await context.database.db.select().from(resources).where(eq(resources.slug, 'fiche-promo'));
    expect(await context.database.db.select({ answer: resourceFeedback.answer, reasons: resourceFeedback.reasons }).from(resourceFeedback).where(eq(resourceFeedback.resourceId, promo!.id)))
      .toEqual([{ answer: 'useful', reasons: ['not_alone', 'clear'] }]);
  });

  it('turns a proposal into a resource in review, with only the allowed fields', async () => {
    const { client, user } = await signedInClient(context);
    const missing = await client.post('/ressources/proposer', { kind: 'link', title: 'Un guide', url: 'ftp://x', summary: 'court' }, { page: '/ressources/proposer' });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('commençant par https://');
    const response = await client.post('/ressources/proposer', {
      kind: 'link', title: 'Le guide des droits des photographes', url: 'https://guide.example/droits', summary: 'Un guide clair sur les contrats et les droits.',
      themes: 'administrative_financial', status: 'published', slug: 'fiche-promo', type: 'document',
    }, { page: '/ressources/proposer' });
    expect(response.headers.location).toBe('/ressources/proposer/merci');
    const [proposal] = await context.database.db.select().from(resources).where(eq(resources.title, 'Le guide des droits des photographes'));
    expect(proposal).toMatchObject({ status: 'in_review', source: 'suggestion', type: 'link', submittedBy: user.id, externalUrl: 'https://guide.example/droits', slug: 'le-guide-des-droits-des-photographes' });
    expect((await context.app.inject({ url: `/ressources/${proposal!.slug}` })).statusCode).toBe(404);
  });

  it('answers 404 for unknown resources', async () => {
    expect((await context.app.inject({ url: '/ressources/inconnue' })).statusCode).toBe(404);
    expect((await context.app.inject({ url: '/ressources/brouillon' })).statusCode).toBe(404);
  });
});
