import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../test/helpers/test-client.ts';
import { type World, buildWorld } from './helpers/world.ts';

/** Routes that take no CSRF token, and the private token that stands in for it. */
const EXEMPT = {
  // One-click unsubscribe from an email client (RFC 8058): the random token in the path is the proof.
  '/desabonnement/:token': 'jeton de désabonnement',
  '/alertes/arreter/:token': 'jeton de l’alerte',
};

describe('CSRF on every state-changing route', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.close());

  const stateChanging = () => world.context.app.routeTable.filter((route) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method));

  it('protects every one but the listed token routes', () => {
    expect(stateChanging().length).toBeGreaterThan(70);
    expect(stateChanging().filter((route) => !route.csrf).map((route) => route.url).sort()).toEqual(Object.keys(EXEMPT).sort());
  });

  it('refuses each without a token, and with a forged one, from the person who may use it', async () => {
    const failures: string[] = [];
    for (const route of stateChanging().filter((candidate) => candidate.csrf)) {
      // Staff for the back-office, the signed-in owner elsewhere: the only refusal left is the token's.
      const actor = route.url.startsWith('/admin') ? 'admin' : 'owner';
      const url = world.concrete(route.url);
      const client = world.clients[actor];
      const missing = await client.post(url, { email: 'a@exemple.fr' }, { csrf: false });
      const forged = await client.post(url, { _csrf: 'jeton-invente', email: 'a@exemple.fr' }, { csrf: false });
      for (const [how, response] of [['without a token', missing], ['with a forged token', forged]] as const) {
        if (response.statusCode !== 403) failures.push(`${route.method} ${url} ${how} as ${actor}: ${response.statusCode}`);
        else if (!response.body.includes('Accès refusé')) failures.push(`${route.method} ${url} ${how} as ${actor}: 403 without the French page`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses each without a token from a visitor too (403, or 404 where the route is hidden from her)', async () => {
    const failures: string[] = [];
    for (const route of stateChanging().filter((candidate) => candidate.csrf)) {
      const url = world.concrete(route.url);
      const response = await world.clients.anonymous.post(url, { email: 'a@exemple.fr' }, { csrf: false });
      const expected = route.url.startsWith('/admin') ? 404 : 403;
      if (response.statusCode !== expected) failures.push(`${route.method} ${url} without a token as a visitor: ${response.statusCode}, expected ${expected}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses on each a valid token/cookie pair from an anonymous visit sent with the owner’s session cookie (tokens are bound to the session)', async () => {
    const visitor = new TestClient(world.context.app, '203.0.113.250');
    await visitor.get('/nous-ecrire');
    const token = /name="_csrf" value="([^"]+)"/.exec(visitor.lastPage)![1]!;
    const failures: string[] = [];
    for (const route of stateChanging().filter((candidate) => candidate.csrf)) {
      const actor = route.url.startsWith('/admin') ? 'admin' : 'owner';
      const url = world.concrete(route.url);
      // The visitor's CSRF cookie with the signed-in person's session cookie: what a planted cookie would give.
      const mixed = new TestClient(world.context.app, visitor.ip);
      for (const [name, value] of visitor.cookies) mixed.cookies.set(name, value);
      for (const [name, value] of world.clients[actor].cookies) if (name.includes('session')) mixed.cookies.set(name, value);
      const response = await mixed.post(url, { _csrf: token, email: 'a@exemple.fr' }, { csrf: false });
      if (response.statusCode !== 403) failures.push(`${route.method} ${url} with a visitor's token and ${actor}'s session: ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('a token issued to one visitor does not work for another', async () => {
    const alice = world.clients.owner;
    await alice.get('/nous-ecrire');
    const token = /name="_csrf" value="([^"]+)"/.exec(alice.lastPage)![1]!;
    const response = await world.clients.otherMember.post('/nous-ecrire', { _csrf: token, subject: 'avis', message: 'Bonjour', email: 'b@exemple.fr' }, { csrf: false });
    expect(response.statusCode).toBe(403);
  });
});
