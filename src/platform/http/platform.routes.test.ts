import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { ASSETS_VERSION } from './static-assets.ts';

// A route that fails, to see what visitors get from the error handler.
function addFailingRoute(app: FastifyInstance) {
  app.get('/__test/panne', async () => {
    throw new Error('panne simulée avec des détails internes');
  });
}

describe('platform', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ config: { LOG_LEVEL: 'fatal' }, extraRoutes: addFailingRoute });
  });

  afterAll(() => context.close());

  it('sends a strict Content-Security-Policy and the other security headers', async () => {
    const response = await context.app.inject({ url: '/a-propos' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers.server).toBeUndefined();
  });

  it('puts no inline script or style in pages', async () => {
    const { body } = await context.app.inject({ url: '/' });
    expect(body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(body).not.toMatch(/\sstyle="/);
    expect(body).not.toMatch(/\son[a-z]+="/);
  });

  it('compresses pages for clients that accept it', async () => {
    const response = await context.app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('serves the DSFR and our stylesheet with long-lived caching', async () => {
    const dsfr = await context.app.inject({ url: `/dsfr/${ASSETS_VERSION}/dsfr.min.css` });
    expect(dsfr.statusCode).toBe(200);
    expect(dsfr.headers['cache-control']).toContain('immutable');
    expect((await context.app.inject({ url: `/static/${ASSETS_VERSION}/css/app.css` })).statusCode).toBe(200);
    expect((await context.app.inject({ url: `/static/${ASSETS_VERSION}/../../package.json` })).statusCode).toBe(404);
  });

  it('answers unknown pages with a French 404 page in the site layout', async () => {
    const response = await context.app.inject({ url: '/nulle-part' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(textOf(response.body)).toContain('Page non trouvée');
    expect(response.body).toContain('class="fr-header"');
  });

  it('answers failures with a French 500 page', async () => {
    const response = await context.app.inject({ url: '/__test/panne' });
    expect(response.statusCode).toBe(500);
    expect(textOf(response.body)).toContain('Erreur inattendue');
  });

  it('answers a malformed form body with a 4xx page, not a crash', async () => {
    const response = await context.app.inject({ method: 'POST', url: '/aides', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '%%%' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });

  it('has a liveness route and a database readiness route', async () => {
    expect((await context.app.inject({ url: '/sante' })).body).toBe('ok');
    expect((await context.app.inject({ url: '/sante/base-de-donnees' })).body).toBe('ok');
  });

  it.each(['/a-propos', '/mentions-legales', '/donnees-personnelles', '/accessibilite', '/plan-du-site', '/ressources', '/entraide', '/index-parite'])(
    'renders %s with the main navigation marking the current section',
    async (url) => {
      const response = await context.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('aria-label="Menu principal"');
      expect(response.body).toContain('<html lang="fr"');
    },
  );
});

describe('errors in production', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ config: { NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(40), LOG_LEVEL: 'fatal' }, extraRoutes: addFailingRoute });
  });

  afterAll(() => context.close());

  it('never shows a stack trace or the internal message', async () => {
    const response = await context.app.inject({ url: '/__test/panne' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('panne simulée');
    expect(response.body).not.toContain('.ts:');
  });

  it('sends HSTS', async () => {
    const response = await context.app.inject({ url: '/a-propos' });
    expect(response.headers['strict-transport-security']).toContain('max-age=');
  });
});
