import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opportunities } from '../../db/schema/index.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { negotiateEncoding } from './page-cache.ts';

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, and respects refusals', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding(undefined)).toBe('identity');
  });
});

describe('the page cache', () => {
  let context: TestContext;
  let renders = 0;

  function addCountingRoutes(app: FastifyInstance) {
    app.get('/__test/compte', { config: { pageCache: true } }, async (request, reply) => {
      renders += 1;
      return reply.view(<p>{`rendu ${renders}`}</p>);
    });
    app.get('/__test/formulaire', { config: { pageCache: true } }, async (request, reply) => {
      renders += 1;
      return reply.view(<input type="hidden" name="_csrf" value={request.pageContext().csrfToken()} />);
    });
  }

  beforeAll(async () => {
    context = await createTestApp({ extraRoutes: addCountingRoutes });
    await createOpportunity(context.database.db, { slug: 'aide-cachee', title: 'Titre d’origine', windows: [{ opensOn: '2027-01-01', closesOn: '2027-03-20' }] });
  });

  afterAll(() => context.close());

  it('serves a shared page again without running its handler', async () => {
    const before = renders;
    const first = await context.app.inject({ url: '/__test/compte', headers: { 'accept-encoding': 'gzip' } });
    const second = await context.app.inject({ url: '/__test/compte', headers: { 'accept-encoding': 'gzip' } });
    expect(renders).toBe(before + 1);
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('keeps one entry per encoding', async () => {
    const before = renders;
    const plain = await context.app.inject({ url: '/__test/compte?v=2' });
    const brotli = await context.app.inject({ url: '/__test/compte?v=2', headers: { 'accept-encoding': 'br' } });
    expect(renders).toBe(before + 2);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('rendu');
    expect(brotli.headers['content-encoding']).toBe('br');
  });

  it('never shares a page holding a CSRF token', async () => {
    const first = await context.app.inject({ url: '/__test/formulaire' });
    const second = await context.app.inject({ url: '/__test/formulaire' });
    expect(first.headers['set-cookie']).toBeDefined();
    expect(second.headers['set-cookie']).toBeDefined();
    expect(first.body).not.toBe(second.body);
  });

  it('shows a change made in the database at once', async () => {
    expect(textOf((await context.app.inject({ url: '/aides/aide-cachee' })).body)).toContain('Titre d’origine');
    await context.database.db.update(opportunities).set({ title: 'Titre corrigé' }).where(eq(opportunities.slug, 'aide-cachee'));
    const after = textOf((await context.app.inject({ url: '/aides/aide-cachee' })).body);
    expect(after).toContain('Titre corrigé');
    expect(textOf((await context.app.inject({ url: '/aides' })).body)).toContain('Titre corrigé');
  });

  it('renders again when the Paris day changes', async () => {
    expect(textOf((await context.app.inject({ url: '/aides/aide-cachee' })).body)).toContain('Candidatures ouvertes jusqu’au 20 mars 2027.');
    context.clock.advanceDays(5);
    expect(textOf((await context.app.inject({ url: '/aides/aide-cachee' })).body)).toContain('plus que 13 jours');
  });
});
