import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, buildWorld } from './helpers/world.ts';

function headerProblems(response: LightMyRequestResponse): string[] {
  const problems: string[] = [];
  const csp = String(response.headers['content-security-policy'] ?? '');
  if (!csp) problems.push('no Content-Security-Policy');
  if (/unsafe-inline|unsafe-eval/.test(csp)) problems.push(`CSP allows unsafe code: ${csp}`);
  if (!/frame-ancestors 'none'/.test(csp)) problems.push('CSP without frame-ancestors \'none\'');
  if (!/default-src 'self'/.test(csp)) problems.push('CSP without default-src \'self\'');
  if (!/object-src 'none'/.test(csp)) problems.push('CSP without object-src \'none\'');
  // Private links (tokens in the path) send no referrer at all; everything else, the origin only.
  if (!['strict-origin-when-cross-origin', 'no-referrer'].includes(String(response.headers['referrer-policy']))) problems.push(`referrer-policy: ${response.headers['referrer-policy']}`);
  if (response.headers['x-content-type-options'] !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  if (response.headers.server) problems.push(`server banner: ${response.headers.server}`);
  if (response.headers['x-powered-by']) problems.push(`x-powered-by: ${response.headers['x-powered-by']}`);
  return problems;
}

describe('security headers on every page', () => {
  for (const mode of ['development', 'production'] as const) {
    describe(mode, () => {
      let world: World;

      beforeAll(async () => {
        world = await buildWorld(mode === 'production' ? { config: { NODE_ENV: 'production', COOKIE_SECRET: 's'.repeat(48) } } : {});
      });
      afterAll(() => world.close());

      it('sends them on every GET route of the table, public and private, and on errors', async () => {
        const failures: string[] = [];
        let checked = 0;
        for (const route of world.context.app.routeTable.filter((candidate) => candidate.method === 'GET')) {
          const client = route.url.startsWith('/admin') ? world.clients.admin : world.clients.owner;
          const url = world.concrete(route.url);
          const response = await client.get(url);
          checked += 1;
          for (const problem of headerProblems(response)) failures.push(`GET ${url}: ${problem}`);
          if (mode === 'production') {
            const hsts = String(response.headers['strict-transport-security'] ?? '');
            if (!/max-age=(\d+)/.test(hsts) || Number(/max-age=(\d+)/.exec(hsts)![1]) < 31_536_000) failures.push(`GET ${url}: HSTS missing or shorter than a year (${hsts})`);
            // Cookies a sibling subdomain could otherwise plant or shadow: __Host- (Secure, Path=/, no Domain).
            for (const cookie of [response.headers['set-cookie']].flat().filter((value): value is string => typeof value === 'string')) {
              if (!/^__Host-/.test(cookie) || !/; Secure/i.test(cookie) || !/; Path=\/(;|$)/.test(cookie) || /Domain=/i.test(cookie)) failures.push(`GET ${url}: cookie without the __Host- guarantees: ${cookie.split('=')[0]}`);
            }
          }
        }
        for (const [method, url] of [['GET', '/page-qui-nexiste-pas'], ['POST', '/nous-ecrire']] as const) {
          const response = await world.context.app.inject({ method, url });
          for (const problem of headerProblems(response)) failures.push(`${method} ${url} (error answer): ${problem}`);
        }
        expect(checked).toBeGreaterThan(100);
        expect(failures).toEqual([]);
      });

      if (mode === 'development') {
        it('sends no HSTS outside production (the site may be served over plain HTTP locally)', async () => {
          expect((await world.context.app.inject({ url: '/' })).headers['strict-transport-security']).toBeUndefined();
        });
      }
    });
  }
});
