import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { parityDeclarations } from '../src/db/schema/index.ts';
import { type Browser, expectNoAxeViolations, openBrowser } from './helpers/browser.ts';
import { type RunningServer, startSeededServer } from './helpers/server.ts';
import { signInBrowser } from './helpers/sign-in.ts';

describe('Index de la parité in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('every public page of the index: no accessibility violation', async () => {
    const page = await browser.context.newPage();
    for (const path of [
      '/index-parite', '/index-parite?type=festival&tri=part-decroissante', '/index-parite?annee=1995', '/index-parite?q=zzzz', '/index-parite?page=2',
      '/index-parite/prix-niepce', '/index-parite/le-jeu-de-paume', '/index-parite/9-lives-magazine', '/index-parite/visa-pour-l-image',
      '/index-parite/chiffres-cles', '/index-parite/methode', '/index-parite/donnees', '/index-parite/le-bal/signaler',
    ]) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    await page.close();
  });

  it('a chart is an image with a name and a description, and its table follows', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/index-parite/prix-niepce`);
    const chart = page.getByRole('img', { name: 'Part de femmes — Lauréat·es, Prix Niépce, par année' });
    await expect(chart.getAttribute('aria-describedby')).resolves.toBe('serie-laureates-legende');
    expect(await page.locator('#serie-laureates-legende').textContent()).toMatch(/^De 1990 à 2022, la part de femmes parmi les lauréat·es/);
    expect(await page.getByRole('table', { name: 'Lauréat·es : effectifs par année' }).locator('tbody tr').count()).toBe(33);
    await page.close();
  });

  it('a representative declares, a moderator publishes, the page says "déclaré par l’organisation"', async () => {
    const declarant = await openBrowser();
    const moderator = await openBrowser();
    try {
      await signInBrowser(declarant.context, server, 'direction@le-bal.fr');
      const page = await declarant.context.newPage();
      await page.goto(`${server.baseUrl}/index-parite/le-bal/declarer`);
      await expectNoAxeViolations(page);
      await page.selectOption('#annee', '2025');
      await page.fill('#femmes_exhibited_artists', '6');
      await page.fill('#total_exhibited_artists', '5');
      await page.fill('#fonction', 'Directrice');
      await page.click('button:has-text("Envoyer la déclaration")');
      // The error summary names the field; the form keeps what was typed.
      await page.locator('#resume-erreurs').waitFor();
      await expectNoAxeViolations(page);
      expect(await page.locator('#resume-erreurs').textContent()).toContain('dépasse l’effectif total');
      await page.fill('#femmes_exhibited_artists', '3');
      await page.fill('#source', 'Programme 2025');
      await page.fill('#actions', 'Nos commissions d’achat sont paritaires.');
      await page.click('button:has-text("Envoyer la déclaration")');
      await page.waitForURL(/ok=declaration/);
      expect(await page.locator('.fr-alert--success').textContent()).toContain('transmise à l’équipe');

      await signInBrowser(moderator.context, server, 'moderatrice@culture.gouv.fr', 'moderator');
      const review = await moderator.context.newPage();
      await review.goto(`${server.baseUrl}/admin/index-parite`);
      await expectNoAxeViolations(review);
      await review.click('a:has-text("Le Bal")');
      await expectNoAxeViolations(review);
      await review.click('button:has-text("Publier la déclaration")');
      await review.waitForURL(/ok=publiee/);
      const [declaration] = await server.database.db.select().from(parityDeclarations).where(eq(parityDeclarations.status, 'published'));
      expect(declaration?.year).toBe(2025);
      await review.goto(`${server.baseUrl}/admin/index-parite/organisations/${declaration!.organizationId}`);
      await expectNoAxeViolations(review);

      await page.goto(`${server.baseUrl}/index-parite/le-bal`);
      expect(await page.locator('h1').textContent()).toBe('Le Bal');
      expect(await page.locator('main').textContent()).toContain('Déclaré par l’organisation');
      expect(await page.locator('main').textContent()).toContain('Nos commissions d’achat sont paritaires.');
      await expectNoAxeViolations(page);
    } finally {
      await declarant.close();
      await moderator.close();
    }
  });
});

describe('Index de la parité without JavaScript', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await openBrowser({ javaScriptEnabled: false });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches, filters, sorts and opens a prize, then reaches its data', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/index-parite`);
    await page.click('label[for="type-prix"]');
    await page.selectOption('#tri', 'part-decroissante');
    await page.click('text=Appliquer les filtres');
    await page.waitForURL(/type=prix/);
    expect(page.url()).toContain('tri=part-decroissante');
    await page.fill('#q', 'niépce');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=ni/);
    await page.click('.fr-card__title a:has-text("Prix Niépce")');
    expect(await page.locator('h1').textContent()).toBe('Prix Niépce');
    expect(await page.locator('svg[role="img"]').count()).toBe(1);
    const csv = await page.request.get(`${server.baseUrl}/index-parite/prix-niepce/chiffres.csv`);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^organisation_id,organisation,type/);
  });
});
