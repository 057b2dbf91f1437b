import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, expectNoAxeViolations, openBrowser, recordRequestedHosts } from './helpers/browser.ts';
import { type RunningServer, startSeededServer } from './helpers/server.ts';

describe('catalogue journeys in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await openBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('home page: no accessibility violation, nothing loaded from another host', async () => {
    const hosts = recordRequestedHosts(page);
    await page.goto(`${server.baseUrl}/`);
    expect(await page.locator('.fr-header__service-title').textContent()).toContain('Elles font la culture');
    await expectNoAxeViolations(page);
    expect([...hosts]).toEqual([new URL(server.baseUrl).host]);
  });

  it('catalogue, with and without filters, and its empty state: no accessibility violation', async () => {
    for (const path of ['/aides', '/aides?q=residence&type=residence&statut=a-venir', '/aides?reservee=1&age=30&tri=montant', '/aides?q=zzzzzz', '/aides?page=3']) {
      await page.goto(`${server.baseUrl}${path}`);
      await expectNoAxeViolations(page);
    }
  });

  it('detail page: no accessibility violation', async () => {
    await page.goto(`${server.baseUrl}/aides/prix-photo-fondation-yves-rocher`);
    expect(await page.locator('h1').textContent()).toBe('Prix Photo Fondation Yves Rocher');
    await expectNoAxeViolations(page);
  });

  it.each(['/a-propos', '/mentions-legales', '/donnees-personnelles', '/accessibilite', '/plan-du-site', '/ressources', '/entraide', '/index-parite', '/page-inconnue'])(
    '%s: no accessibility violation',
    async (path) => {
      await page.goto(`${server.baseUrl}${path}`);
      await expectNoAxeViolations(page);
    },
  );

  it('a phone-sized screen: no accessibility violation on the catalogue', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.baseUrl}/aides?q=bourse`);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('keyboard only: search, filter, open a result', async () => {
    await page.goto(`${server.baseUrl}/aides`);
    // Tab until the keyword field of the catalogue has the focus.
    await tabUntil(page, (element) => element.id === 'q');
    await page.keyboard.type('résidence');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=r%C3%A9sidence/);
    await tabUntil(page, (element) => element.id === 'type-residence');
    await page.keyboard.press('Space');
    await tabUntil(page, (element) => element.textContent?.trim() === 'Appliquer les filtres');
    await page.keyboard.press('Enter');
    await page.waitForURL(/type=residence/);
    expect(await page.locator('.eflc-result-count').textContent()).toMatch(/^\d+ aides? sur 101$/);
    await tabUntil(page, (element) => element.closest('.fr-card__title') !== null);
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.baseUrl}${target}`);
    expect(await page.locator('h1').textContent()).toMatch(/R[ée]sidence/);
  });
});

describe('without JavaScript', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await openBrowser({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches, filters, sorts, pages and opens an opportunity', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.fill('#recherche-accueil', 'prix');
    await page.press('#recherche-accueil', 'Enter');
    await page.waitForURL(/\/aides\?q=prix/);
    // DSFR draws its own box over the native checkbox: click the label, as a person does.
    await page.click('label[for="type-prix"]');
    await page.selectOption('#tri', 'montant');
    await page.click('text=Appliquer les filtres');
    await page.waitForURL(/type=prix/);
    expect(page.url()).toContain('tri=montant');
    const first = page.locator('.fr-card__title a').first();
    const title = await first.textContent();
    await first.click();
    expect(await page.locator('h1').textContent()).toBe(title);
    // The main navigation is reachable on a phone without the menu button's script.
    expect(await page.locator('#navigation-principale a[href="/aides"]').isVisible()).toBe(true);
  });
});

describe('the no-script rendering on a phone', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSeededServer();
    browser = await openBrowser({ blockSiteScripts: true, viewport: { width: 375, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['/', '/aides?q=prix&type=prix', '/aides/prix-photo-fondation-yves-rocher'])('%s: no accessibility violation', async (path) => {
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-fr-js'))).toBe(false);
    expect(await page.locator('#navigation-principale').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.close();
  });
});

async function tabUntil(page: Page, predicate: (element: Element) => boolean, maxTabs = 200): Promise<void> {
  for (let index = 0; index < maxTabs; index += 1) {
    await page.keyboard.press('Tab');
    const matches = await page.evaluate(`(${predicate.toString()})(document.activeElement)`);
    if (matches) return;
  }
  throw new Error('élément jamais atteint au clavier');
}
