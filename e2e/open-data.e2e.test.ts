import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, startLocalServer } from '../test/helpers/http-server.ts';
import { linkIn } from '../test/helpers/smtp-sink.ts';
import { type Browser, expectNoAxeViolations, openBrowser, recordRequestedHosts } from './helpers/browser.ts';
import { type RunningServer, startSeededServer } from './helpers/server.ts';

const PAGES = [
  '/stats', '/donnees-ouvertes', '/nous-ecrire', '/nous-ecrire?sujet=testeuse', '/nous-ecrire/merci', '/lettre-d-information', '/lettre-d-information/verifiez-vos-emails',
  '/mentions-legales', '/donnees-personnelles', '/conditions-d-utilisation', '/accessibilite', '/plan-du-site',
  '/aides/flux.xml', '/index-parite',
];

describe('open by default, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let hosts: Set<string>;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startSeededServer({ smtp: true });
    browser = await openBrowser();
    page = await browser.context.newPage();
    hosts = recordRequestedHosts(page);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('statistics, open data, contact, newsletter and legal pages: no accessibility violation, nothing from another host', async () => {
    for (const path of PAGES.filter((candidate) => !candidate.endsWith('.xml'))) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    // A detail page with its JSON-LD block: the strict CSP does not complain about a data block.
    const detail = (await page.goto(`${server.baseUrl}/aides`), await page.locator('.fr-card__title a').first().getAttribute('href'))!;
    await page.goto(`${server.baseUrl}${detail}`);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1);
    await expectNoAxeViolations(page);
    expect([...hosts]).toEqual([new URL(server.baseUrl).host]);
    expect(consoleErrors).toEqual([]);
  });

  it('the contact form shows its errors accessibly, then sends the message', async () => {
    await page.goto(`${server.baseUrl}/nous-ecrire`);
    await page.click('button:has-text("Envoyer le message")');
    await page.locator('#resume-erreurs').waitFor();
    expect(await page.locator('#resume-erreurs li').count()).toBe(3);
    await expectNoAxeViolations(page);
    await page.click('label[for="subject-question"]');
    await page.fill('#message', 'Les aides en Bretagne sont-elles toutes listées ?');
    await page.fill('#email', 'curieuse@exemple.fr');
    await page.click('button:has-text("Envoyer le message")');
    await page.waitForURL(/\/nous-ecrire\/merci$/);
    await server.jobs.runAll();
    expect(server.smtp!.to(server.config.mail.teamAddress).map((mail) => mail.subject)).toEqual(['[Nous écrire] Poser une question']);
  });

  it('the newsletter: subscribe, confirm from the email, with the keyboard', async () => {
    await page.goto(`${server.baseUrl}/lettre-d-information`);
    await page.focus('#email');
    await page.keyboard.type('abonnee@exemple.fr');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#consent')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/verifiez-vos-emails$/);
    await server.jobs.runAll();
    const [mail] = server.smtp!.to('abonnee@exemple.fr');
    await page.goto(linkIn(mail!, 'http://localhost:3000/lettre-d-information/confirmer/').replace('http://localhost:3000', server.baseUrl));
    await expectNoAxeViolations(page);
    await page.click('button:has-text("Confirmer mon inscription")');
    await page.locator('h1:has-text("Inscription confirmée")').waitFor();
    await expectNoAxeViolations(page);
  });
});

describe('with Matomo configured', () => {
  let server: RunningServer;
  let matomo: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    // Stands for the Ministry's Matomo (another host: another port).
    matomo = await startLocalServer((request, response) => {
      if (request.url?.startsWith('/matomo.js')) {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end('window.__matomoLoaded = true;');
        return;
      }
      response.writeHead(204);
      response.end();
    });
    server = await startSeededServer({ config: { MATOMO_URL: matomo.url, MATOMO_SITE_ID: '7' } });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await matomo?.close();
  });

  it('loads the configured tracker and nothing else from another host, and sets no cookie', async () => {
    const page = await browser.context.newPage();
    const hosts = recordRequestedHosts(page);
    await page.goto(`${server.baseUrl}/aides`);
    await page.waitForFunction(() => (window as unknown as { __matomoLoaded?: boolean }).__matomoLoaded === true);
    expect([...hosts].sort()).toEqual([new URL(server.baseUrl).host, new URL(matomo.url).host].sort());
    expect(matomo.requests.map((request) => request.path)).toEqual(['/matomo.js']);
    const queued = await page.evaluate(() => (window as unknown as { _paq: unknown[][] })._paq.map((entry) => entry[0]));
    expect(queued).toEqual(['disableCookies', 'setTrackerUrl', 'setSiteId', 'trackPageView', 'enableLinkTracking']);
    expect((await browser.context.cookies()).filter((cookie) => cookie.name.startsWith('_pk'))).toEqual([]);
    await expectNoAxeViolations(page);
  });
});
