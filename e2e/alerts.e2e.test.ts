import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_JOB } from '../src/features/alerts/digest.job.ts';
import { linkIn } from '../test/helpers/smtp-sink.ts';
import { type Browser, expectNoAxeViolations, openBrowser } from './helpers/browser.ts';
import { type RunningServer, startSeededServer } from './helpers/server.ts';

// Sign in from the emailed link, follow an opportunity, save a filtered search, then leave
// through the unsubscribe link of the digest. Every page met is checked by axe.
describe('account and alerts journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const email = 'photographe@exemple.fr';

  const visit = async (path: string) => {
    await page.goto(path.startsWith('http') ? path.replace('http://localhost:3000', server.baseUrl) : `${server.baseUrl}${path}`);
    await expectNoAxeViolations(page);
  };

  beforeAll(async () => {
    server = await startSeededServer({ smtp: true });
    browser = await openBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in with the link received by email', async () => {
    await visit('/connexion');
    await page.fill('#email', 'pas-une-adresse');
    await page.click('button:has-text("Recevoir un lien de connexion")');
    expect(await page.locator('#resume-erreurs').textContent()).toContain('Indiquez une adresse email valide');
    await expectNoAxeViolations(page);
    await page.fill('#email', email);
    await page.click('button:has-text("Recevoir un lien de connexion")');
    await page.waitForURL(/\/connexion\/envoye$/);
    await expectNoAxeViolations(page);
    await server.jobs.runAll();
    const link = linkIn(server.smtp!.to(email).at(-1)!, 'http://localhost:3000/connexion/lien/');
    await visit(link);
    await page.click('button:has-text("Me connecter")');
    await page.waitForURL(/\/mon-espace$/);
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').textContent()).toBe('Mon espace');
  });

  it('fills in the profile and notification settings', async () => {
    await visit('/mon-espace/profil');
    await page.fill('#displayName', 'Camille');
    await page.click('label[for="disciplines-documentary"]');
    await page.click('label[for="careerStage-emerging"]');
    await page.click('button:has-text("Enregistrer mon profil")');
    await page.waitForURL(/ok=profil/);
    await expectNoAxeViolations(page);
    await visit('/mon-espace/notifications');
    await page.click('label[for="digestFrequency-daily"]');
    await page.click('button:has-text("Enregistrer")');
    await page.waitForURL(/ok=notifications/);
    await visit('/mon-espace/donnees');
  });

  it('follows an opportunity from its page', async () => {
    // An opportunity of the real catalogue that is open on the test's date.
    await visit('/aides?statut=ouverte&statut=cloture-proche');
    await page.locator('.fr-card__title a').first().click();
    await expectNoAxeViolations(page);
    await page.click('button:has-text("Suivre cette aide")');
    await page.waitForURL(/suivi=ok/);
    expect(await page.locator('#alertes-aide').textContent()).toBe('Ne pas laisser passer la date');
    expect(await page.content()).toContain('Vous suivez cette aide');
    await expectNoAxeViolations(page);
  });

  it('creates an alert from a filtered search', async () => {
    await visit('/aides?type=residence&discipline=documentaire');
    await page.click('a:has-text("Créer une alerte pour cette recherche")');
    await page.waitForURL(/\/alertes\/nouvelle\?type=residence&discipline=documentaire/);
    await expectNoAxeViolations(page);
    await page.click('label[for="frequency-daily"]');
    await page.click('button:has-text("Créer l’alerte")');
    await page.waitForURL(/ok=alerte-creee/);
    await expectNoAxeViolations(page);
    expect(await page.locator('#alertes ~ ul').textContent()).toContain('Résidence · Documentaire');
  });

  it('unsubscribes from the link of a digest email', async () => {
    // Far enough ahead for the followed opportunity to be within its 14-day reminder.
    const follows = await page.locator('#suivis ~ ul li a').first().getAttribute('href');
    expect(follows).toMatch(/^\/aides\//);
    server.smtp!.clear();
    for (let day = 0; day < 400 && server.smtp!.to(email).length === 0; day += 1) {
      await server.jobs.run(DIGEST_JOB);
      await server.jobs.runAll();
      server.clock.advanceDays(1);
    }
    const digest = server.smtp!.to(email)[0]!;
    expect(digest.subject).toMatch(/Date limite proche|nouveauté/);
    await visit(linkIn(digest, 'http://localhost:3000/desabonnement/'));
    await page.click('button:has-text("Me désabonner")');
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').textContent()).toBe('Vous êtes désabonnée');
    await visit('/mon-espace');
    expect(await page.content()).toContain('Vos alertes sont en pause');
  });
});
