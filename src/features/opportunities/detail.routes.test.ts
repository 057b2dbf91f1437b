import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { cardSlugs, textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';

describe('GET /aides/:slug', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp();
    const db = context.database.db;
    await createOpportunity(db, {
      slug: 'bourse-du-talent', title: 'Bourse du talent', organizer: 'Fondation Exemple', kind: 'grant', city: 'Lyon',
      summary: 'Une bourse pour un premier livre.', description: '## Déroulé\n\nUn **jury** choisit.\n\n<script>alert(1)</script>',
      amountEur: 5000, amountNote: 'Versée en deux fois', entryFeeEur: 0, ageMin: 18, ageMax: 35, reservedToWomen: true,
      geographicScope: 'region', eligibilityRegion: 'Auvergne-Rhône-Alpes', careerStages: ['emerging'], disciplines: ['book'],
      otherConditions: 'Avoir publié moins de deux livres', officialUrl: 'https://fondation.example/bourse',
      applicationUrl: 'javascript:alert(1)', juryWomenShare: 0.5, laureatesWomenShare: 0.333, paritySource: 'https://fondation.example/laureats',
      typicalDeadlineMonth: 4, sourceLinks: ['https://fondation.example/reglement'],
      windows: [{ opensOn: '2027-02-01', closesOn: '2027-04-30', isEstimated: true }, { opensOn: '2026-02-01', closesOn: '2026-04-30' }],
    });
    await createOpportunity(db, { slug: 'autre-bourse', title: 'Autre bourse pour le livre', kind: 'grant', disciplines: ['book'], windows: [{ opensOn: null, closesOn: '2027-09-01' }] });
    await createOpportunity(db, { slug: 'bourse-close', title: 'Bourse close', kind: 'grant', recurrence: 'one_off', windows: [{ closesOn: '2026-01-01' }] });
    await createOpportunity(db, { slug: 'en-relecture', title: 'Aide en relecture', status: 'in_review' });
  });

  afterAll(() => context.close());

  it('shows every field in plain French', async () => {
    const response = await context.app.inject({ url: '/aides/bourse-du-talent' });
    expect(response.statusCode).toBe(200);
    const text = textOf(response.body);
    for (const expected of [
      'Bourse du talent', 'Fondation Exemple — Lyon', 'Ouverte', 'Candidatures ouvertes jusqu’au 30 avril 2027.', 'Dates indicatives',
      'Jusqu’à 5 000 € — Versée en deux fois', 'Candidature gratuite', 'Réservée aux femmes et aux minorités de genre',
      'Personnes résidant en région Auvergne-Rhône-Alpes', 'Début de carrière', 'De 18 à 35 ans', 'Livre photo',
      'Avoir publié moins de deux livres', 'Du 1er février 2027 au 30 avril 2027 (dates indicatives)', 'Fréquence : chaque année.',
      'D’habitude, la date limite tombe en avril.', 'Part de femmes dans le jury : 50 % (estimation)',
      'Part de femmes parmi les lauréat·es : 33 % (estimation)', 'pas encore vérifiées par notre équipe',
    ]) {
      expect(text).toContain(expected);
    }
    expect(response.body).toContain('<h2>Déroulé</h2>');
  });

  it('renders the description safely and never links to an unsafe address', async () => {
    const { body } = await context.app.inject({ url: '/aides/bourse-du-talent' });
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('javascript:');
    expect(body).toMatch(/href="https:\/\/fondation.example\/bourse"[^>]*target="_blank" rel="noopener noreferrer external"/);
  });

  it('has a breadcrumb, an agenda download and similar opportunities still open', async () => {
    const { body } = await context.app.inject({ url: '/aides/bourse-du-talent' });
    expect(body).toContain('<a class="fr-breadcrumb__link" href="/aides">Aides</a>');
    expect(body).toContain('href="/aides/bourse-du-talent/agenda.ics"');
    expect(cardSlugs(body)).toEqual(['autre-bourse']);
  });

  it('answers 404 for unknown, unpublished or malformed slugs', async () => {
    for (const url of ['/aides/inconnue', '/aides/en-relecture', '/aides/..%2F..%2Fetc', '/aides/A%20B']) {
      const response = await context.app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(textOf(response.body)).toContain('Page non trouvée');
    }
  });
});

describe('GET /aides/:slug/agenda.ics', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp();
    await createOpportunity(context.database.db, {
      slug: 'prix-a-deux-sessions', title: 'Prix à deux sessions',
      windows: [{ opensOn: '2027-01-01', closesOn: '2027-03-15' }, { opensOn: '2027-09-01', closesOn: '2027-10-15' }, { opensOn: '2026-09-01', closesOn: '2026-10-15' }],
    });
  });

  afterAll(() => context.close());

  it('gives one event per deadline still to come, readable by calendar software', async () => {
    const response = await context.app.inject({ url: '/aides/prix-a-deux-sessions/agenda.ics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="prix-a-deux-sessions.ics"');
    const events = new ICAL.Component(ICAL.parse(response.body)).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events.map((event) => event.startDate.toString())).toEqual(['2027-03-15', '2027-10-15']);
    expect(events[0]!.summary).toBe('Date limite : Prix à deux sessions');
  });

  it('answers 404 for an unknown opportunity', async () => {
    expect((await context.app.inject({ url: '/aides/inconnue/agenda.ics' })).statusCode).toBe(404);
  });
});
