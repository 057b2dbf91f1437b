import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { cardSlugs, textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';

// "Today" in these tests is 2 March 2027 (see TEST_NOW).
describe('GET /aides', () => {
  let context: TestContext;
  const get = async (url: string) => {
    const response = await context.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  const slugsFor = async (query: string) => cardSlugs(await get(`/aides?${query}`));

  beforeAll(async () => {
    context = await createTestApp();
    const db = context.database.db;
    await createOpportunity(db, {
      slug: 'residence-arles', title: 'Résidence d’artistes à Arles', kind: 'residency', disciplines: ['documentary'],
      summary: 'Deux mois pour un projet de photographie documentaire.', region: 'Provence-Alpes-Côte d\'Azur', geographicScope: 'france',
      amountEur: 6000, careerStages: ['emerging'], ageMax: 35, entryFeeEur: 0, publishedAt: new Date('2027-02-01T10:00:00Z'),
      windows: [{ opensOn: '2027-01-15', closesOn: '2027-03-10' }],
    });
    await createOpportunity(db, {
      slug: 'prix-portrait', title: 'Prix du portrait', kind: 'prize', disciplines: ['portrait'], summary: 'Un prix pour une série de portraits.',
      reservedToWomen: true, amountEur: 10000, ageMin: 40, geographicScope: 'world', publishedAt: new Date('2027-01-10T10:00:00Z'),
      windows: [{ opensOn: '2027-02-01', closesOn: '2027-06-30' }],
    });
    await createOpportunity(db, {
      slug: 'bourse-jeune-creation', title: 'Bourse jeune création', kind: 'grant', disciplines: ['any'], summary: 'Pour les jeunes photographes.',
      careerStages: ['student', 'emerging'], geographicScope: 'region', eligibilityRegion: 'Occitanie', entryFeeEur: 15,
      publishedAt: new Date('2027-02-20T10:00:00Z'), windows: [{ opensOn: '2027-05-01', closesOn: '2027-06-15', isEstimated: true }],
    });
    await createOpportunity(db, {
      slug: 'appel-cloture', title: 'Appel clôturé de photographie', kind: 'festival_call', disciplines: ['landscape'], summary: 'Édition passée.',
      recurrence: 'one_off', windows: [{ opensOn: '2026-10-01', closesOn: '2026-12-01' }],
    });
    await createOpportunity(db, { slug: 'aide-brouillon', title: 'Résidence en brouillon', status: 'draft', kind: 'residency' });
    await createOpportunity(db, { slug: 'commande-permanente', title: 'Commande permanente', kind: 'commission', isPermanent: true, summary: 'Ouverte toute l’année.' });
  });

  afterAll(() => context.close());

  it('lists published opportunities, closed and drafts hidden, closing date first', async () => {
    const html = await get('/aides');
    expect(cardSlugs(html)).toEqual(['residence-arles', 'bourse-jeune-creation', 'prix-portrait', 'commande-permanente']);
    expect(textOf(html)).toContain('4 aides sur 5');
    expect(textOf(html)).toContain('Voir aussi les aides clôturées (1)');
  });

  it('finds words without accents, in capitals, or by their beginning', async () => {
    expect(await slugsFor('q=residence')).toEqual(['residence-arles']);
    expect(await slugsFor('q=R%C3%89SIDENCE')).toEqual(['residence-arles']);
    expect(await slugsFor('q=photo')).toContain('residence-arles');
    expect(await slugsFor('q=documentaire')).toEqual(['residence-arles']);
  });

  it('tolerates a misspelt word and says how it widened the search', async () => {
    const html = await get('/aides?q=residance');
    expect(cardSlugs(html)).toEqual(['residence-arles']);
    expect(textOf(html)).toContain('orthographes proches');
  });

  it('falls back to any word when nothing has them all', async () => {
    const html = await get('/aides?q=portrait+arles');
    expect(cardSlugs(html).sort()).toEqual(['prix-portrait', 'residence-arles']);
    expect(textOf(html)).toContain('Aucune aide ne contient tous vos mots');
  });

  it('filters by kind and counts the other kinds', async () => {
    const html = await get('/aides?type=prix');
    expect(cardSlugs(html)).toEqual(['prix-portrait']);
    expect(textOf(html)).toContain('Résidence (1)');
    expect(html).toMatch(/value="prix" checked/);
  });

  it('filters by discipline, counting opportunities open to every practice', async () => {
    expect((await slugsFor('discipline=portrait')).sort()).toEqual(['bourse-jeune-creation', 'commande-permanente', 'prix-portrait']);
  });

  it('filters by status, and shows closed ones on request', async () => {
    expect(await slugsFor('statut=cloture-proche')).toEqual(['residence-arles']);
    expect(await slugsFor('statut=a-venir')).toEqual(['bourse-jeune-creation']);
    expect(await slugsFor('statut=cloturee')).toEqual(['appel-cloture']);
    expect(await slugsFor('statut=permanente')).toEqual(['commande-permanente']);
  });

  it('filters by geographic scope and region', async () => {
    expect(await slugsFor('perimetre=monde')).toEqual(['prix-portrait', 'commande-permanente']);
    expect(await slugsFor('region=Occitanie')).toEqual(['bourse-jeune-creation']);
    expect(await slugsFor(`region=${encodeURIComponent("Provence-Alpes-Côte d'Azur")}`)).toEqual(['residence-arles']);
  });

  it('filters by career stage, reserved opportunities and free applications', async () => {
    expect(await slugsFor('parcours=etudiante')).toEqual(['bourse-jeune-creation', 'prix-portrait', 'commande-permanente']);
    expect(await slugsFor('reservee=1')).toEqual(['prix-portrait']);
    expect(await slugsFor('gratuite=1')).toEqual(['residence-arles']);
  });

  it('hides opportunities whose age limits exclude the visitor', async () => {
    expect(await slugsFor('age=30')).toEqual(['residence-arles', 'bourse-jeune-creation', 'commande-permanente']);
    expect(await slugsFor('age=45')).toEqual(['bourse-jeune-creation', 'prix-portrait', 'commande-permanente']);
  });

  it('keeps opportunities of at least the minimum amount', async () => {
    expect(await slugsFor('montant_min=8000')).toEqual(['prix-portrait']);
  });

  it('sorts by newest, by amount and by relevance', async () => {
    expect(await slugsFor('tri=recent')).toEqual(['bourse-jeune-creation', 'residence-arles', 'prix-portrait', 'commande-permanente']);
    expect((await slugsFor('tri=montant')).slice(0, 2)).toEqual(['prix-portrait', 'residence-arles']);
    expect((await slugsFor('q=photographie+documentaire&tri=pertinence'))[0]).toBe('residence-arles');
  });

  it('shows active filters as links that remove them', async () => {
    const html = await get('/aides?type=prix&reservee=1');
    expect(html).toContain('href="/aides?reservee=1" aria-label="Retirer le filtre Prix"');
    expect(html).toContain('href="/aides?type=prix" aria-label="Retirer le filtre Réservées aux femmes et minorités de genre"');
  });

  it('ignores invalid query-string values', async () => {
    const html = await get('/aides?type=zzz&age=abc&page=-3&tri=%3Cscript%3E&region=Nulle+part&statut[]=x&q=');
    expect(cardSlugs(html)).toHaveLength(4);
    expect(html).not.toContain('<script>');
  });

  it('suggests widening the search when nothing matches', async () => {
    const html = await get('/aides?q=zzzzzzzz&type=acquisition');
    expect(cardSlugs(html)).toEqual([]);
    expect(textOf(html)).toContain('Aucune aide ne correspond à cette recherche');
    expect(textOf(html)).toContain('retirez un ou plusieurs filtres');
  });

  it('escapes the searched words wherever it shows them', async () => {
    const html = await get(`/aides?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('value="&lt;img src=x onerror=alert(1)>"');
  });
});

describe('pagination of /aides', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp();
    for (let index = 1; index <= 45; index += 1) {
      const day = String(10 + (index % 18)).padStart(2, '0');
      await createOpportunity(context.database.db, { slug: `aide-${index}`, title: `Aide numéro ${index}`, windows: [{ opensOn: '2027-01-01', closesOn: `2027-05-${day}` }] });
    }
  });

  afterAll(() => context.close());

  it('shows 20 results a page with links to the others', async () => {
    const first = await context.app.inject({ url: '/aides' });
    expect(cardSlugs(first.body)).toHaveLength(20);
    expect(first.body).toContain('href="/aides?page=2"');
    const third = await context.app.inject({ url: '/aides?page=3' });
    expect(cardSlugs(third.body)).toHaveLength(5);
    expect(third.body).toMatch(/aria-current="page"[^>]*>3</);
    const all = [...cardSlugs(first.body), ...cardSlugs((await context.app.inject({ url: '/aides?page=2' })).body), ...cardSlugs(third.body)];
    expect(new Set(all).size).toBe(45);
  });

  it('brings a page number past the end back to the last page', async () => {
    const response = await context.app.inject({ url: '/aides?page=99' });
    expect(response.statusCode).toBe(200);
    expect(cardSlugs(response.body)).toHaveLength(5);
  });
});
