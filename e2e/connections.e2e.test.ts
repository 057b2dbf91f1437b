import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, expectNoAxeViolations, openBrowser } from './helpers/browser.ts';
import { type RunningServer, startSeededServer } from './helpers/server.ts';
import { signInBrowser } from './helpers/sign-in.ts';

describe('mise en relation in Chromium', () => {
  let server: RunningServer;
  const browsers: Browser[] = [];
  const open = async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    return browser;
  };

  beforeAll(async () => {
    server = await startSeededServer({ smtp: true });
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.close();
  });

  it('a mentee finds a mentor and sends a request, the mentor accepts', async () => {
    const mentor = await open();
    const moderator = await open();
    const mentee = await open();
    await signInBrowser(mentor.context, server, 'mentore@exemple.fr');
    await signInBrowser(moderator.context, server, 'moderatrice@culture.gouv.fr', 'moderator');
    await signInBrowser(mentee.context, server, 'mentee@exemple.fr');

    const page = await mentor.context.newPage();
    await page.goto(`${server.baseUrl}/mon-espace/mentorat`);
    await expectNoAxeViolations(page);
    await page.click('a:has-text("Créer mon profil de mentore")');
    await expectNoAxeViolations(page);
    await page.fill('#displayName', 'Hélène Mentore');
    await page.fill('#roleTitle', 'Photographe documentaire');
    await page.fill('#bio', 'Vingt ans de commandes pour la presse, trois livres publiés ; j’aime aider à construire un dossier et fixer ses tarifs.');
    await page.check('#helpTopics-dossier', { force: true });
    await page.check('#specialties-documentary', { force: true });
    await page.click('button:has-text("Envoyer mon profil en relecture")');
    await page.waitForURL(/ok=profil/);
    await expectNoAxeViolations(page);

    const admin = await moderator.context.newPage();
    await admin.goto(`${server.baseUrl}/admin/mentorat`);
    await expectNoAxeViolations(admin);
    await admin.click('button:has-text("Publier")');
    await admin.waitForURL(/ok=publie/);

    const search = await mentee.context.newPage();
    await search.goto(`${server.baseUrl}/mentorat`);
    await expectNoAxeViolations(search);
    await search.selectOption('#sujet', 'dossier');
    await search.click('form[action="/mentorat"] button[type="submit"]');
    await search.waitForURL(/sujet=dossier/);
    await search.click('a:has-text("Hélène Mentore")');
    await expectNoAxeViolations(search);
    await search.fill('#note', 'Je prépare une bourse de création pour juin et j’aimerais un regard sur mon dossier.');
    await search.click('button:has-text("Envoyer ma demande")');
    await search.waitForURL(/ok=demande/);
    await expectNoAxeViolations(search);

    await page.goto(`${server.baseUrl}/mon-espace/mentorat`);
    await expectNoAxeViolations(page);
    await page.click('button:has-text("Accepter")');
    await page.waitForURL(/ok=reponse/);
    await search.goto(`${server.baseUrl}/mon-espace/mentorat`);
    expect(await search.locator('main').textContent()).toContain('Adresse : mentore@exemple.fr');
    await expectNoAxeViolations(search);
  });

  it('a commissioner signs the charter, is verified, finds a photographer and contacts her', async () => {
    const photographer = await open();
    const moderator = await open();
    const commissioner = await open();
    await signInBrowser(photographer.context, server, 'photographe@exemple.fr');
    await signInBrowser(moderator.context, server, 'moderatrice2@culture.gouv.fr', 'moderator');
    await signInBrowser(commissioner.context, server, 'iconographe@journal.example');

    const own = await photographer.context.newPage();
    await own.goto(`${server.baseUrl}/mon-espace/annuaire`);
    await expectNoAxeViolations(own);
    await own.check('#listed-oui', { force: true });
    await own.fill('#displayName', 'Awa Photographe');
    await own.selectOption('#nameAudience', 'public');
    await own.selectOption('#region', 'Bretagne');
    await own.selectOption('#audience_region', 'public');
    await own.check('#specialties-portrait', { force: true });
    await own.selectOption('#audience_specialties', 'commissioners');
    await own.check('#availableForCommissions-oui', { force: true });
    await own.selectOption('#audience_availability', 'commissioners');
    await own.click('button:has-text("Enregistrer ma fiche")');
    await own.waitForURL(/ok=fiche/);
    await expectNoAxeViolations(own);

    const join = await commissioner.context.newPage();
    await join.goto(`${server.baseUrl}/commanditaires`);
    await expectNoAxeViolations(join);
    await join.click('a:has-text("Signer la charte pour mon organisation")');
    await expectNoAxeViolations(join);
    await join.fill('#organizationName', 'Le Journal');
    await join.selectOption('#organizationType', 'media');
    await join.fill('#website', 'https://journal.example');
    await join.fill('#contactRole', 'Iconographe');
    await join.check('#charter-oui', { force: true });
    await join.click('button:has-text("Signer et demander la vérification")');
    await join.waitForURL(/ok=charte/);

    const admin = await moderator.context.newPage();
    await admin.goto(`${server.baseUrl}/admin/annuaire`);
    await expectNoAxeViolations(admin);
    await admin.locator('form[action*="/commanditaires/"] button:has-text("Vérifier")').click();
    await admin.waitForURL(/ok=decision/);
    await admin.locator('form[action*="/fiches/"] button:has-text("Publier")').click();
    // The address already ends with ok=decision: wait for the reviewed form to leave the page.
    await admin.locator('form[action*="/fiches/"]').waitFor({ state: 'detached' });

    await join.goto(`${server.baseUrl}/annuaire`);
    await expectNoAxeViolations(join);
    await join.selectOption('#pratique', 'portrait');
    await join.check('#disponible-oui', { force: true });
    await join.click('form[action="/annuaire"] button[type="submit"]');
    await join.waitForURL(/pratique=portrait/);
    await join.click('a:has-text("Awa Photographe")');
    await expectNoAxeViolations(join);
    await join.fill('#subject', 'Portraits pour un supplément');
    await join.fill('#body', 'Bonjour, nous préparons un supplément régional en avril : six portraits, deux jours à Brest, 900 € HT plus droits pour un an.');
    await join.click('main button:has-text("Envoyer")');
    await join.waitForURL(/ok=envoye/);
    await expectNoAxeViolations(join);
    await server.jobs.runAll();
    const relayed = server.smtp!.to('photographe@exemple.fr').find((mail) => mail.subject === 'Annuaire : Portraits pour un supplément');
    expect(relayed?.replyTo?.value[0]?.address).toBe('iconographe@journal.example');
    expect(await join.locator('main').textContent()).not.toContain('photographe@exemple.fr');

    // A visitor sees only what is public: no practices, no availability.
    const visitor = await open();
    const publicPage = await visitor.context.newPage();
    await publicPage.goto(`${server.baseUrl}/annuaire`);
    await publicPage.click('a:has-text("Awa Photographe")');
    const text = await publicPage.locator('main').textContent();
    expect(text).toContain('Région : Bretagne');
    expect(text).not.toContain('Portrait');
    await expectNoAxeViolations(publicPage);
  });
});
