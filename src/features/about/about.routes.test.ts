import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp, testConfig } from '../../../test/helpers/test-app.ts';
import { LEGAL_LINKS, MAIN_NAVIGATION, SECONDARY_PAGES, SERVICE_LINKS } from '../../ui/navigation.ts';

describe('legal and trust pages', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp();
  });
  afterAll(() => context.close());

  it('answers every page of the site map, and the site map lists them all', async () => {
    const map = (await context.app.inject({ url: '/plan-du-site' })).body;
    for (const entry of [...MAIN_NAVIGATION, ...SECONDARY_PAGES, ...SERVICE_LINKS, ...LEGAL_LINKS]) {
      expect((await context.app.inject({ url: entry.href })).statusCode, entry.href).toBe(200);
      if (entry.href !== '/plan-du-site') expect(map, entry.href).toContain(`href="${entry.href}"`);
    }
  });

  it('says what is processed, why, on which basis and for how long, feature by feature', async () => {
    const text = textOf((await context.app.inject({ url: '/donnees-personnelles' })).body);
    for (const phrase of ['Responsable du traitement', 'Bases légales', 'article 6.1.e', 'Messages « Nous écrire »', 'Lettre d’information', 'Un an, puis effacés', 'CNIL', 'Revue de dossier']) {
      expect(text, phrase).toContain(phrase);
    }
    expect(text).toContain('Aucun outil de mesure d’audience');
    const terms = textOf((await context.app.inject({ url: '/conditions-d-utilisation' })).body);
    expect(terms).toContain('Règles de l’entraide');
    const accessibility = textOf((await context.app.inject({ url: '/accessibilite' })).body);
    expect(accessibility).toContain('non conforme');
    expect(accessibility).toContain('axe-core');
    expect(accessibility).toContain('Voies de recours');
  });

  it('loads no audience measurement and allows no other host unless configured', async () => {
    const response = await context.app.inject({ url: '/' });
    expect(response.body).not.toContain('mesure-audience.js');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/https?:\/\//);
  });
});

describe('Matomo, when configured', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ config: { MATOMO_URL: 'https://stats.culture.example/matomo', MATOMO_SITE_ID: '42' } });
  });
  afterAll(() => context.close());

  it('adds its cookie-less script from our own origin and opens the CSP to its server only', async () => {
    const response = await context.app.inject({ url: '/aides' });
    expect(response.body).toContain('js/mesure-audience.js" data-matomo-url="https://stats.culture.example/matomo/" data-site-id="42"');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self' https://stats.culture.example;");
    expect(policy).toContain("connect-src 'self' https://stats.culture.example;");
    expect(policy).not.toContain('unsafe-inline');
    expect(textOf((await context.app.inject({ url: '/donnees-personnelles' })).body)).toContain('en mode sans cookie');
    const script = await context.app.inject({ url: response.body.match(/src="([^"]+mesure-audience\.js)"/)![1]! });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain("'disableCookies'");
  });

  it('refuses half a configuration', () => {
    expect(() => testConfig({ MATOMO_URL: 'https://stats.culture.example/' })).toThrow(ConfigError);
    expect(() => testConfig({ MATOMO_URL: 'https://stats.culture.example/', MATOMO_SITE_ID: 'abc' })).toThrow(/MATOMO_SITE_ID/);
  });
});
