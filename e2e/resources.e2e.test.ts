import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, startLocalServer } from '../test/helpers/http-server.ts';
import { createResource } from '../test/helpers/resources.ts';
import { type Browser, expectNoAxeViolations, openBrowser, recordRequestedHosts } from './helpers/browser.ts';
import { type RunningServer, startSeededServer } from './helpers/server.ts';

describe('resources journeys in Chromium', () => {
  let server: RunningServer;
  let videoHost: LocalServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startSeededServer();
    // Stands for a third-party video platform (another host: another port).
    videoHost = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>lecteur</title><p>lecteur</p>');
    });
    await createResource(server.database.db, {
      slug: 'temoignage-video', type: 'video', title: 'Témoignage : reprendre après une naissance', summary: 'Une photographe raconte.',
      videoUrl: `${videoHost.url}/embed/1`, transcript: 'Transcription complète du témoignage.', speakers: [{ name: 'Une photographe', role: 'Photographe documentariste' }],
      themes: ['equality_inclusion'],
    });
    browser = await openBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await videoHost?.close();
    await server?.close();
  });

  it('the list, with and without filters: no accessibility violation', async () => {
    for (const path of ['/ressources', '/ressources?type=fiche&theme=administratif-et-financier', '/ressources?q=harc%C3%A8lement', '/ressources?q=zzzz']) {
      await page.goto(`${server.baseUrl}${path}`);
      await expectNoAxeViolations(page);
    }
    await page.goto(`${server.baseUrl}/ressources?q=tarif`);
    expect(await page.locator('.fr-card__title a').first().textContent()).toBe('Fixer ses tarifs : prix d’une commande et d’une licence');
  });

  it('a sheet, a template, the webinars agenda, a webinar, Entraide and the forms: no accessibility violation', async () => {
    for (const path of [
      '/ressources/face-au-harcelement-sexiste-et-sexuel', '/ressources/modele-devis-et-cession-de-droits', '/ressources/ateliers',
      '/ressources/droits-d-auteur-ce-que-dit-votre-contrat', '/entraide', '/ressources/proposer', '/ressources/parentalite-et-conge-maternite/avis?reponse=utile',
    ]) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
  });

  it('loads nothing from the video host until the play button is used', async () => {
    const hosts = recordRequestedHosts(page);
    await page.goto(`${server.baseUrl}/ressources/temoignage-video`);
    await expectNoAxeViolations(page);
    expect([...hosts]).toEqual([new URL(server.baseUrl).host]);
    expect(videoHost.requests).toEqual([]);
    await page.click('a:has-text("Lancer la vidéo")');
    await page.waitForURL(/lecture=1/);
    await page.locator('iframe').waitFor();
    await page.frameLocator('iframe').locator('p').waitFor();
    expect(videoHost.requests.map((request) => request.path)).toEqual(['/embed/1']);
    expect(hosts.has(new URL(videoHost.url).host)).toBe(true);
    await expectNoAxeViolations(page);
  });
});

describe('resources without JavaScript', () => {
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

  it('searches, filters and opens a sheet, then downloads a template', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/ressources`);
    await page.fill('#q', 'maternité');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=maternit/);
    await page.click('label[for="theme-egalite-et-inclusion"]');
    await page.click('text=Appliquer les filtres');
    await page.waitForURL(/theme=egalite-et-inclusion/);
    await page.locator('.fr-card__title a').first().click();
    expect(await page.locator('h1').textContent()).toBe('Parentalité et congé maternité quand on est photographe indépendante');
    const response = await page.request.get(`${server.baseUrl}/ressources/liste-verification-dossier-de-candidature/telecharger`);
    expect(response.headers()['content-type']).toBe('application/pdf');
  });
});
