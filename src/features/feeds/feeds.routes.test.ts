import ICAL from 'ical.js';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parityOrganizations } from '../../db/schema/index.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { createResource } from '../../../test/helpers/resources.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';

const BASE = 'http://localhost:3000';

function calendarEvents(body: string) {
  const component = new ICAL.Component(ICAL.parse(body));
  return component.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
}

function jsonLdOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(match, 'no JSON-LD block').not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, unknown>;
}

describe('feeds, calendar, sitemap and link previews', () => {
  let context: TestContext;
  const parser = new Parser();

  beforeAll(async () => {
    context = await createTestApp(); // today: 2 March 2027
    const db = context.database.db;
    await createOpportunity(db, { slug: 'prix-ancien', title: 'Prix ancien', kind: 'prize', publishedAt: new Date('2027-01-05T10:00:00Z'), windows: [{ closesOn: '2027-04-15' }] });
    await createOpportunity(db, { slug: 'prix-recent', title: 'Prix récent & <nouveau>', kind: 'prize', amountEur: 3000, publishedAt: new Date('2027-02-20T10:00:00Z'), windows: [{ closesOn: '2027-05-31' }, { closesOn: '2028-05-31', isEstimated: true }] });
    await createOpportunity(db, { slug: 'residence-ouverte', title: 'Résidence ouverte', kind: 'residency', publishedAt: new Date('2027-02-01T10:00:00Z'), windows: [{ closesOn: '2027-03-20' }] });
    await createOpportunity(db, { slug: 'bourse-permanente', title: 'Bourse permanente', kind: 'grant', isPermanent: true, publishedAt: new Date('2027-02-10T10:00:00Z') });
    await createOpportunity(db, { slug: 'prix-clos', title: 'Prix clos', kind: 'prize', recurrence: 'one_off', windows: [{ closesOn: '2026-12-01' }] });
    await createOpportunity(db, { slug: 'prix-en-relecture', title: 'Prix en relecture', kind: 'prize', status: 'in_review', publishedAt: null, windows: [{ closesOn: '2027-06-01' }] });
    await createOpportunity(db, { slug: 'prix-injection', title: 'Prix </script><script>alert(1)</script>', kind: 'prize', recurrence: 'one_off', windows: [{ closesOn: '2026-11-01' }] });
    await createResource(db, { slug: 'fiche-tarifs', title: 'Fixer ses tarifs', type: 'sheet', status: 'published' });
    await createResource(db, { slug: 'fiche-brouillon', title: 'Brouillon', type: 'sheet', status: 'draft' });
    await db.insert(parityOrganizations).values({ slug: 'festival-exemple', name: 'Festival exemple', type: 'festival', city: 'Arles', region: 'Provence-Alpes-Côte d’Azur' });
  });
  afterAll(() => context.close());

  it('RSS: every published, current item of the search, newest first, and nothing else', async () => {
    const all = await context.app.inject({ url: '/aides/flux.xml' });
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toContain('application/rss+xml');
    // Served again from the page cache: same type and headers.
    const again = await context.app.inject({ url: '/aides/flux.xml' });
    expect(again.headers['content-type']).toContain('application/rss+xml');
    expect(again.headers['access-control-allow-origin']).toBe('*');
    expect(again.headers['cache-control']).toContain('max-age=900');
    expect(again.body).toBe(all.body);
    const feed = await parser.parseString(all.body);
    expect(feed.title).toBe('Nouvelles aides — Elles font la culture');
    expect(feed.items.map((item) => item.link)).toEqual(
      ['prix-recent', 'bourse-permanente', 'residence-ouverte', 'prix-ancien'].map((slug) => `${BASE}/aides/${slug}`),
    );
    const recent = feed.items[0]!;
    expect(recent.title).toBe('Prix récent & <nouveau>');
    expect(recent.guid).toBe(`${BASE}/aides/prix-recent`);
    expect(new Date(recent.pubDate!).toISOString()).toBe('2027-02-20T10:00:00.000Z');
    expect(recent.content).toMatch(/3[\s\u202f]000/);

    const prizes = await parser.parseString((await context.app.inject({ url: '/aides/flux.xml?type=prix' })).body);
    expect(prizes.title).toContain('votre recherche');
    expect(prizes.items.map((item) => item.link)).toEqual([`${BASE}/aides/prix-recent`, `${BASE}/aides/prix-ancien`]);
    expect(prizes.feedUrl).toBe(`${BASE}/aides/flux.xml?type=prix`);
    // Closed prizes only when the search asks for them, as on the catalogue page.
    const closed = await parser.parseString((await context.app.inject({ url: '/aides/flux.xml?type=prix&statut=cloturee' })).body);
    expect(closed.items.map((item) => item.link).sort()).toEqual([`${BASE}/aides/prix-clos`, `${BASE}/aides/prix-injection`]);
    expect(closed.items.find((item) => item.link?.endsWith('prix-injection'))!.title).toBe('Prix </script><script>alert(1)</script>');
  });

  it('iCalendar: one event per deadline ahead for the items of the search, parsed by ical.js', async () => {
    const response = await context.app.inject({ url: '/aides/calendrier.ics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.headers['content-disposition']).toBeUndefined();
    const events = calendarEvents(response.body);
    expect(events.map((event) => [event.component.getFirstPropertyValue('url'), event.startDate.toString()])).toEqual([
      [`${BASE}/aides/residence-ouverte`, '2027-03-20'],
      [`${BASE}/aides/prix-ancien`, '2027-04-15'],
      [`${BASE}/aides/prix-recent`, '2027-05-31'],
      [`${BASE}/aides/prix-recent`, '2028-05-31'],
    ]);
    expect(new Set(events.map((event) => event.uid)).size).toBe(4);
    expect(events[3]!.description).toContain('Date indicative');
    const prizes = calendarEvents((await context.app.inject({ url: '/aides/calendrier.ics?type=prix' })).body);
    expect(prizes.map((event) => event.summary)).toEqual(['Date limite : Prix ancien', 'Date limite : Prix récent & <nouveau>', 'Date limite : Prix récent & <nouveau>']);
    const none = calendarEvents((await context.app.inject({ url: '/aides/calendrier.ics?type=residence&q=zzzzzz' })).body);
    expect(none).toEqual([]);
  });

  it('bad query strings give a feed, never an error', async () => {
    for (const url of ['/aides/flux.xml?type=%00&page=-1', '/aides/calendrier.ics?statut[]=x&q=' + 'a'.repeat(3000), '/aides/flux.xml?q=%3Cscript%3E']) {
      const response = await context.app.inject({ url });
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body).not.toContain('<script>');
    }
  });

  it('the catalogue page links its own search to both', async () => {
    const page = (await context.app.inject({ url: '/aides?type=prix' })).body;
    expect(page).toContain('href="/aides/flux.xml?type=prix"');
    expect(page).toContain('href="/aides/calendrier.ics?type=prix"');
    expect(page).toContain('<link rel="alternate" type="application/rss+xml"');
  });

  it('sitemap.xml lists the public pages and no private or unpublished one; robots.txt points to it', async () => {
    const sitemap = await context.app.inject({ url: '/sitemap.xml' });
    expect(sitemap.headers['content-type']).toContain('application/xml');
    const locations = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    for (const path of ['', '/aides', '/ressources', '/index-parite', '/aides/prix-recent', '/aides/prix-clos', '/ressources/fiche-tarifs', '/index-parite/festival-exemple', '/mentions-legales']) {
      expect(locations, path).toContain(`${BASE}${path}`);
    }
    for (const path of ['/aides/prix-en-relecture', '/ressources/fiche-brouillon']) expect(locations).not.toContain(`${BASE}${path}`);
    expect(locations.some((location) => /mon-espace|admin/.test(location!))).toBe(false);
    const robots = await context.app.inject({ url: '/robots.txt' });
    expect(robots.body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(robots.body).toMatch(/Disallow: \/mon-espace/);
    expect(robots.body).toMatch(/Disallow: \/admin/);
  });

  it('detail pages carry OpenGraph and schema.org JSON-LD that no record text can break out of', async () => {
    const opportunity = (await context.app.inject({ url: '/aides/prix-recent' })).body;
    expect(opportunity).toContain(`<meta property="og:url" content="${BASE}/aides/prix-recent"/>`);
    expect(opportunity).toContain('<meta property="og:title" content="Prix récent &amp; &lt;nouveau>"/>');
    expect(jsonLdOf(opportunity)).toMatchObject({ '@context': 'https://schema.org', '@type': 'MonetaryGrant', name: 'Prix récent & <nouveau>', amount: { currency: 'EUR', value: 3000 }, url: `${BASE}/aides/prix-recent` });
    const hostile = (await context.app.inject({ url: '/aides/prix-injection' })).body;
    expect(hostile).not.toContain('</script><script>alert(1)');
    expect(jsonLdOf(hostile).name).toBe('Prix </script><script>alert(1)</script>');
    expect(jsonLdOf((await context.app.inject({ url: '/ressources/fiche-tarifs' })).body)).toMatchObject({ '@type': 'Article', name: 'Fixer ses tarifs' });
    expect(jsonLdOf((await context.app.inject({ url: '/index-parite/festival-exemple' })).body)).toMatchObject({ '@type': 'Organization', name: 'Festival exemple', address: { addressLocality: 'Arles' } });
  });
});
