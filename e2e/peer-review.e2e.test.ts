import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUBRIC, samplePdf } from '../test/helpers/peer-review.ts';
import { linkIn } from '../test/helpers/smtp-sink.ts';
import { type Browser, expectNoAxeViolations, openBrowser } from './helpers/browser.ts';
import { type RunningServer, startSeededServer } from './helpers/server.ts';
import { signInBrowser } from './helpers/sign-in.ts';

describe('revue de dossier: two members in two browsers', () => {
  let server: RunningServer;
  let alice: Browser;
  let berthe: Browser;
  let moderator: Browser;
  let dossierPath: string;

  beforeAll(async () => {
    server = await startSeededServer({ smtp: true });
    alice = await openBrowser();
    berthe = await openBrowser();
    moderator = await openBrowser();
    const directory = await mkdtemp(join(tmpdir(), 'eflc-dossiers-'));
    dossierPath = join(directory, 'mon dossier.pdf');
    await writeFile(dossierPath, samplePdf());
  });

  afterAll(async () => {
    await alice?.close();
    await berthe?.close();
    await moderator?.close();
    await server?.close();
  });

  async function deposit(page: Page, message: string) {
    await page.goto(`${server.baseUrl}/revue-de-dossier`);
    await expectNoAxeViolations(page);
    await page.click('a:has-text("Faire relire mon dossier")');
    await expectNoAxeViolations(page);
    await page.setInputFiles('#dossier', dossierPath);
    await page.selectOption('#targetKind', 'residency');
    await page.check('#disciplines-documentary', { force: true });
    await page.fill('#message', message);
    await page.check('#rules-oui', { force: true });
    await page.click('button:has-text("Déposer mon dossier")');
    await page.waitForURL(/ok=deposee/);
    await expectNoAxeViolations(page);
  }

  async function review(page: Page, email: string, readiness: string) {
    const mail = server.smtp!.to(email).find((item) => item.subject === 'Revue de dossier : votre partenaire de relecture')!;
    await page.goto(linkIn(mail, `${server.config.publicUrl}/revue-de-dossier/relecture/`).replace(server.config.publicUrl, server.baseUrl));
    await expectNoAxeViolations(page);
    // A rubric too short first: the error summary names the fields.
    await page.fill('#strengths', 'Bien.');
    await page.click('button:has-text("Envoyer mon retour")');
    await page.locator('#resume-erreurs').waitFor();
    await expectNoAxeViolations(page);
    await page.fill('#strengths', RUBRIC.strengths);
    await page.fill('#improvements', RUBRIC.improvements);
    await page.fill('#advice', RUBRIC.advice);
    await page.check(`#readiness-${readiness}`, { force: true });
    await page.click('button:has-text("Envoyer mon retour")');
    await page.waitForURL(/ok=envoye/);
    await expectNoAxeViolations(page);
  }

  it('both deposit, are paired, review with the rubric, receive their feedback and rate it', async () => {
    await signInBrowser(alice.context, server, 'alice@exemple.fr');
    await signInBrowser(berthe.context, server, 'berthe@exemple.fr');
    const alicePage = await alice.context.newPage();
    const berthePage = await berthe.context.newPage();
    await deposit(alicePage, 'Regardez surtout ma note d’intention.');
    await deposit(berthePage, 'Le budget me pose question.');
    await server.jobs.runAll();

    await review(alicePage, 'alice@exemple.fr', 'almost');
    expect(await alicePage.locator('main').textContent()).toContain('Votre retour est envoyé');
    await review(berthePage, 'berthe@exemple.fr', 'needs_work');
    await server.jobs.runAll();
    expect(server.smtp!.to('alice@exemple.fr').map((mail) => mail.subject)).toContain('Revue de dossier : votre retour est arrivé');

    const released = linkIn(server.smtp!.to('alice@exemple.fr').find((mail) => mail.subject === 'Revue de dossier : votre retour est arrivé')!, `${server.config.publicUrl}/revue-de-dossier/mes-demandes/`);
    await alicePage.goto(released.replace(server.config.publicUrl, server.baseUrl));
    expect(await alicePage.locator('main').textContent()).toContain('À retravailler sur des points importants');
    await expectNoAxeViolations(alicePage);
    await alicePage.check('input[name="useful"][value="oui"]', { force: true });
    await alicePage.check('input[name="kind"][value="oui"]', { force: true });
    await alicePage.click('button:has-text("Enregistrer mon avis")');
    await alicePage.waitForURL(/ok=avis/);
    await expectNoAxeViolations(alicePage);
    await alicePage.goto(`${server.baseUrl}/revue-de-dossier/mes-demandes`);
    await expectNoAxeViolations(alicePage);

    // The other's private link does not open for her.
    const bertheLink = linkIn(server.smtp!.to('berthe@exemple.fr')[0]!, `${server.config.publicUrl}/revue-de-dossier/relecture/`).replace(server.config.publicUrl, server.baseUrl);
    const refused = await alicePage.goto(bertheLink);
    expect(refused?.status()).toBe(404);
    await expectNoAxeViolations(alicePage);

    await signInBrowser(moderator.context, server, 'moderatrice@culture.gouv.fr', 'moderator');
    const admin = await moderator.context.newPage();
    await admin.goto(`${server.baseUrl}/admin/revue-de-dossier`);
    expect(await admin.locator('main').textContent()).toContain('échanges terminés');
    await expectNoAxeViolations(admin);
  });

  it('the volunteer form and the not-found link page: no accessibility violation', async () => {
    const page = await berthe.context.newPage();
    await page.goto(`${server.baseUrl}/revue-de-dossier/benevole`);
    await expectNoAxeViolations(page);
    const visitor = await openBrowser();
    try {
      const anonymous = await visitor.context.newPage();
      const response = await anonymous.goto(`${server.baseUrl}/revue-de-dossier/relecture/${'a'.repeat(43)}`);
      expect(response?.status()).toBe(404);
      await expectNoAxeViolations(anonymous);
    } finally {
      await visitor.close();
    }
  });
});
