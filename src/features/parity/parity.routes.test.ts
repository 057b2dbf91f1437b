import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parityFigures, parityOrganizations } from '../../db/schema/index.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { seedParity } from './parity-seed.commands.ts';

const organizationSlugs = (html: string) => [...html.matchAll(/class="fr-card__title"><a href="\/index-parite\/([a-z0-9-]+)"/g)].map((match) => match[1]!);

describe('the Index de la parité, seeded with the reference files', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp();
    const report = await seedParity(context.database.db, context.clock);
    expect(report.errors).toEqual([]);
  });
  afterAll(() => context.close());

  it('loads every organisation, prize and count, and reloads without duplicating', async () => {
    const db = context.database.db;
    const organizations = await db.select().from(parityOrganizations);
    // 76 from the figures file, Hyères known only through its prize, 41 prizes from the prize files.
    expect(organizations).toHaveLength(76 + 1 + 41);
    expect(organizations.filter((organization) => organization.type === 'prize')).toHaveLength(42); // the 41 prizes and the UPP prize of the figures file
    const laureateCounts = await db.select().from(parityFigures).where(eq(parityFigures.metric, 'laureates'));
    expect(laureateCounts).toHaveLength(315 + 1); // 319 rows, four prize-years of two grants each, and the UPP prize
    const hyeres = organizations.find((organization) => organization.referenceKey === 'org:86')!;
    expect(hyeres).toMatchObject({ type: 'festival', city: 'Hyères', region: "Provence-Alpes-Côte d'Azur" });
    expect(organizations.filter((organization) => organization.parentId === hyeres.id).map((prize) => prize.name)).toEqual(['Grand prix du jury Photographie']);
    expect(await seedParity(db, context.clock)).toEqual({ organizationsInserted: 0, figuresInserted: 0, errors: [] });
  });

  it('keeps a zero total as a figure and a blank one as no figure at all', async () => {
    const { body } = await context.app.inject({ url: '/index-parite/9-lives-magazine' });
    const text = textOf(body);
    expect(text).toContain('Iconographes : non calculable (0 femme sur 0)');
    expect(text).toMatch(/Non renseigné : direction, salarié·es\./);
  });

  it('searches by name or city, accents and case ignored', async () => {
    const byCity = organizationSlugs((await context.app.inject({ url: '/index-parite?q=chalon' })).body);
    expect(byCity).toEqual(['musee-niepce']);
    const byName = organizationSlugs((await context.app.inject({ url: '/index-parite?q=NIEPCE' })).body);
    expect(byName).toEqual(['musee-niepce', 'prix-niepce']);
  });

  it('filters by type, region, network and year, with counts that ignore their own facet', async () => {
    const { body } = await context.app.inject({ url: '/index-parite?type=ecole&region=auvergne-rhone-alpes' });
    expect(organizationSlugs(body)).toEqual(['bloo-ecole-photographie']);
    expect(textOf(body)).toContain('École (1)');
    expect(textOf(body)).toContain('Festival (4)');
    const diagonal = organizationSlugs((await context.app.inject({ url: '/index-parite?reseau=diagonal&tri=nom' })).body);
    expect(diagonal.length).toBeGreaterThanOrEqual(15);
    const year1990 = organizationSlugs((await context.app.inject({ url: '/index-parite?annee=1990' })).body);
    expect(year1990).toEqual(expect.arrayContaining(['prix-niepce']));
    expect(year1990).not.toContain('le-jeu-de-paume');
  });

  it('sorts by share of women, the not computable last', async () => {
    const { body } = await context.app.inject({ url: '/index-parite?type=festival&tri=part-decroissante' });
    const slugs = organizationSlugs(body);
    expect(slugs[0]).toBe('les-femmes-s-exposent'); // 14 women out of 14 exhibited
    const ascending = organizationSlugs((await context.app.inject({ url: '/index-parite?type=festival&tri=part-croissante' })).body);
    // Hyères has no figure: last both ways.
    expect(ascending[0]).not.toBe('festival-international-de-mode-de-photographie-et-d-accessoires-de-mode-d-hyeres');
    const lastPage = await context.app.inject({ url: '/index-parite?type=festival&tri=part-croissante&page=2' });
    expect(organizationSlugs(lastPage.body).at(-1)).toBe('festival-international-de-mode-de-photographie-et-d-accessoires-de-mode-d-hyeres');
  });

  it('answers nonsense in the query string with the plain index, never an error', async () => {
    for (const query of ['annee=abc&tri=zzz&page=-4', 'type[]=x&region=%00', 'q=' + 'a'.repeat(5000), 'page=99999']) {
      const response = await context.app.inject({ url: `/index-parite?${query}` });
      expect(response.statusCode, query).toBe(200);
    }
  });

  it('shows the Niépce prize’s yearly series as a chart with a summary and a table', async () => {
    const { statusCode, body } = await context.app.inject({ url: '/index-parite/prix-niepce' });
    expect(statusCode).toBe(200);
    const chart = /<svg[^>]*role="img"[^>]*aria-labelledby="serie-laureates-titre"[^>]*aria-describedby="serie-laureates-legende"[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
    expect(chart).toContain('<title id="serie-laureates-titre">Part de femmes — Lauréat·es, Prix Niépce, par année</title>');
    expect((chart.match(/<rect /g) ?? []).length).toBeGreaterThan(0);
    expect(textOf(body)).toMatch(/De 1990 à 2022, la part de femmes parmi les lauréat·es passe de 0 % à \d+ % ; sur ces 33 années, \d+ femmes? sur \d+, soit \d+ %\./);
    const table = /<caption[^>]*>Lauréat·es : effectifs par année<\/caption>[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
    expect((table.match(/<th scope="row">/g) ?? []).length).toBe(33);
    expect(textOf(table)).toContain('1990 0 1 0 % Déséquilibre');
  });

  it('links a prize and its organiser both ways', async () => {
    const prize = textOf((await context.app.inject({ url: '/index-parite/visa-d-or-news' })).body);
    expect(prize).toContain('Prix décerné par Visa pour l\'image');
    const festival = (await context.app.inject({ url: '/index-parite/visa-pour-l-image' })).body;
    expect(festival).toContain('href="/index-parite/visa-d-or-news"');
  });

  it('computes the key figures from the database: change a figure, the page changes', async () => {
    const before = textOf((await context.app.inject({ url: '/index-parite/chiffres-cles' })).body);
    expect(before).toMatch(/(\d+) % des artistes exposé·es par les \d+ festivals de l’index en 2022 sont des femmes \((\d+) femmes sur (\d+)\)/);
    const [, share, women, total] = /(\d+) % des artistes exposé·es par les \d+ festivals de l’index en 2022 sont des femmes \((\d+) femmes sur (\d+)\)/.exec(before)!;
    expect(Math.round((100 * Number(women)) / Number(total))).toBe(Number(share));
    expect(before).toContain('Prix Niépce');
    expect(before).toMatch(/Les prix depuis 1989/);

    const [paris] = await context.database.db.select().from(parityOrganizations).where(eq(parityOrganizations.slug, 'paris-photo'));
    await context.database.db.update(parityFigures).set({ women: 1466 })
      .where(and(eq(parityFigures.organizationId, paris!.id), eq(parityFigures.metric, 'exhibited_artists'), eq(parityFigures.status, 'published')));
    const after = textOf((await context.app.inject({ url: '/index-parite/chiffres-cles' })).body);
    expect(after).toContain(`(${Number(women) + 1466 - 470} femmes sur ${total})`);
    await context.database.db.update(parityFigures).set({ women: 470 })
      .where(and(eq(parityFigures.organizationId, paris!.id), eq(parityFigures.metric, 'exhibited_artists'), eq(parityFigures.status, 'published')));
  });

  it('publishes open data that a standard CSV parser reads back into the published figures', async () => {
    const response = await context.app.inject({ url: '/index-parite/donnees/chiffres.csv' });
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const records = parse(response.body, { columns: true }) as Record<string, string>[];
    const published = await context.database.db.select().from(parityFigures).where(eq(parityFigures.status, 'published'));
    expect(records).toHaveLength(published.length);
    const hyeresPrize = records.find((record) => record.organisation === 'Grand prix du jury Photographie' && record.annee === '2021')!;
    expect(hyeresPrize).toMatchObject({ decerne_par: 'festival-international-de-mode-de-photographie-et-d-accessoires-de-mode-d-hyeres', indicateur: 'laureates', femmes: '1', total: '2', part_femmes: '50', niveau: 'Parité atteinte', licence: 'Licence Ouverte / Etalab 2.0' });
    const fromCsv = records.map((record) => `${record.organisation_id}|${record.annee}|${record.indicateur}|${record.femmes}|${record.total}`).sort();
    const organizations = new Map((await context.database.db.select().from(parityOrganizations)).map((organization) => [organization.id, organization.slug]));
    const fromDatabase = published.map((figure) => `${organizations.get(figure.organizationId)}|${figure.year}|${figure.metric}|${figure.women}|${figure.total}`).sort();
    expect(fromCsv).toEqual(fromDatabase);

    const json = JSON.parse((await context.app.inject({ url: '/index-parite/donnees/chiffres.json' })).body);
    expect(json.licence).toBe('Licence Ouverte / Etalab 2.0');
    expect(json.chiffres).toHaveLength(published.length);

    const one = parse((await context.app.inject({ url: '/index-parite/prix-niepce/chiffres.csv' })).body, { columns: true }) as Record<string, string>[];
    expect(one).toHaveLength(33);
    expect(new Set(one.map((record) => record.organisation_id))).toEqual(new Set(['prix-niepce']));
  });

  it('serves a badge other sites may embed, with the share and level in words', async () => {
    const response = await context.app.inject({ url: '/index-parite/le-jeu-de-paume/badge.svg' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.body).toContain('30 % de femmes (2022)');
    expect(response.body).toContain('Déséquilibre');
    expect((await context.app.inject({ url: '/index-parite/organisation-inconnue/badge.svg' })).statusCode).toBe(404);
  });

  it('answers 404 for unknown or malformed organisation addresses', async () => {
    for (const url of ['/index-parite/inconnue', '/index-parite/%3Cscript%3E', '/index-parite/inconnue/chiffres.csv']) {
      expect((await context.app.inject({ url })).statusCode, url).toBe(404);
    }
  });

  it('explains the method and the open data', async () => {
    const method = textOf((await context.app.inject({ url: '/index-parite/methode' })).body);
    expect(method).toContain('arrondie à l’entier le plus proche');
    expect(method).toContain('Non calculable');
    expect(method).toContain('Demander une correction');
    const data = textOf((await context.app.inject({ url: '/index-parite/donnees' })).body);
    expect(data).toContain('Licence Ouverte / Etalab 2.0');
    expect(data).toContain('organisation_id');
  });
});
