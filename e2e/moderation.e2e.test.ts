import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, expectNoAxeViolations, openBrowser } from './helpers/browser.ts';
import { type RunningServer, startSeededServer } from './helpers/server.ts';
import { signInBrowser } from './helpers/sign-in.ts';

// A member proposes an opportunity; a moderator sees it beside its likely duplicate, edits and
// publishes it; the member is emailed; the opportunity is in the catalogue.
describe('suggestion and moderation journey in Chromium', () => {
  let server: RunningServer;
  let memberBrowser: Browser;
  let moderatorBrowser: Browser;
  let member: Page;
  let moderator: Page;

  beforeAll(async () => {
    server = await startSeededServer({ smtp: true });
    memberBrowser = await openBrowser();
    moderatorBrowser = await openBrowser();
    await signInBrowser(memberBrowser.context, server, 'proposante@exemple.fr');
    await signInBrowser(moderatorBrowser.context, server, 'moderatrice@culture.gouv.fr', 'moderator');
    member = await memberBrowser.context.newPage();
    moderator = await moderatorBrowser.context.newPage();
  });

  afterAll(async () => {
    await memberBrowser?.close();
    await moderatorBrowser?.close();
    await server?.close();
  });

  it('a member proposes an opportunity', async () => {
    await member.goto(`${server.baseUrl}/aides/proposer`);
    await expectNoAxeViolations(member);
    await member.click('button:has-text("Envoyer ma proposition")');
    expect(await member.locator('#resume-erreurs').textContent()).toContain('Indiquez le nom de l’aide');
    await expectNoAxeViolations(member);
    await member.fill('#title', 'Prix photo de la Fondation Yves Rocher');
    await member.fill('#organizer', 'Fondation Yves Rocher');
    await member.selectOption('#kind', 'prize');
    await member.fill('#summary', 'Un prix pour un reportage sur les liens entre les humains et la planète, remis à Perpignan.');
    await member.click('label[for="geographicScope-world"]');
    await member.click('label[for="recurrence-annual"]');
    await member.fill('#window1Opens', '2027-03-01');
    await member.fill('#window1Closes', '2027-05-31');
    await member.fill('#officialUrl', 'https://www.fondation-yves-rocher.example/prix-photo');
    await member.click('button:has-text("Envoyer ma proposition")');
    await member.waitForURL(/\/aides\/proposer\/merci$/);
    await expectNoAxeViolations(member);
  });

  it('a moderator sees it with its likely duplicate, edits and publishes it', async () => {
    await moderator.goto(`${server.baseUrl}/admin`);
    await expectNoAxeViolations(moderator);
    await moderator.click('a:has-text("À relire") >> nth=0');
    await moderator.waitForURL(/\/admin\/a-relire$/);
    await expectNoAxeViolations(moderator);
    await moderator.click('a:has-text("Prix photo de la Fondation Yves Rocher")');
    await expectNoAxeViolations(moderator);
    expect(await moderator.locator('#doublons ~ ul').textContent()).toContain('Prix Photo Fondation Yves Rocher');
    await moderator.fill('#title', 'Prix photo de la Fondation Yves Rocher (édition 2027)');
    await moderator.fill('#lastVerifiedOn', '2027-03-02');
    await moderator.click('button:has-text("Enregistrer et publier")');
    await moderator.waitForURL(/ok=publiee/);
    await expectNoAxeViolations(moderator);
    await moderator.goto(`${server.baseUrl}/admin/journal`);
    await expectNoAxeViolations(moderator);
    expect(await moderator.content()).toContain('Modification et publication de « Prix photo de la Fondation Yves Rocher (édition 2027) »');
  });

  it('the member is told by email and finds it in the catalogue', async () => {
    await server.jobs.runAll();
    const [mail] = server.smtp!.to('proposante@exemple.fr');
    expect(mail!.subject).toBe('Votre proposition est publiée : Prix photo de la Fondation Yves Rocher (édition 2027)');
    await member.goto(`${server.baseUrl}/aides?q=yves+rocher+2027`);
    await expectNoAxeViolations(member);
    expect(await member.locator('.fr-card__title a').first().textContent()).toBe('Prix photo de la Fondation Yves Rocher (édition 2027)');
  });

  it('the other back-office pages have no accessibility violation', async () => {
    for (const path of ['/admin/aides', '/admin/aides/nouvelle', '/admin/signalements', '/admin/liens', '/admin/avis']) {
      await moderator.goto(`${server.baseUrl}${path}`);
      await expectNoAxeViolations(moderator);
    }
    await member.goto(`${server.baseUrl}/aides/prix-photo-fondation-yves-rocher/avis?reponse=utile`);
    await expectNoAxeViolations(member);
    await member.goto(`${server.baseUrl}/aides/prix-photo-fondation-yves-rocher/signaler`);
    await expectNoAxeViolations(member);
    // The same browser, now signed in as an administrator: the roles page.
    await signInBrowser(moderatorBrowser.context, server, 'admin@culture.gouv.fr', 'admin');
    await moderator.goto(`${server.baseUrl}/admin/utilisateurs`);
    await expectNoAxeViolations(moderator);
    expect(await moderator.locator('h1').textContent()).toBe('Utilisateurs et rôles');
  });
});
