import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { cleanText } from './input-cleaning.ts';

describe('input cleaning', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({
      extraRoutes: (app) => {
        app.get('/essai/echo', async (request) => ({ query: request.query }));
        app.post('/essai/echo', { config: { csrf: false } }, async (request) => ({ body: request.body }));
      },
    });
  });
  afterAll(() => context.close());

  it('removes NUL and replaces lone surrogates, keeping real characters', () => {
    expect(cleanText('a\u0000b')).toBe('ab');
    expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
    expect(cleanText('photo 📷 été')).toBe('photo 📷 été');
  });

  it('cleans query strings and form bodies before any handler sees them', async () => {
    const query = await context.app.inject({ url: '/essai/echo?q=a%00b&type=x%00&type=%ED%A0%80' });
    // A malformed escape is left as typed by the parser: text, harmless.
    expect(query.json()).toEqual({ query: { q: 'ab', type: ['x', '%ED%A0%80'] } });
    const body = await context.app.inject({ method: 'POST', url: '/essai/echo', payload: 'message=nul%00ici&nom=L%C3%A9a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(body.json()).toEqual({ body: { message: 'nulici', nom: 'Léa' } });
  });

  it('a NUL in a search no longer reaches the database (it used to be a 500)', async () => {
    for (const url of ['/index-parite?q=%00', '/aides?q=nul%00', '/ressources?q=%00', '/annuaire?q=%00']) {
      expect((await context.app.inject({ url })).statusCode, url).toBe(200);
    }
  });
});
