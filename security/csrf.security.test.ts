import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('a token issued to one visitor does not work for another', async () => {
    const alice = world.clients.owner;
    await alice.get('/nous-ecrire');
    const token = /name="_csrf" value="([^"]+)"/.exec(alice.lastPage)![1]!;
    const response = await world.clients.otherMember.post('/nous-ecrire', { _csrf: token, subject: 'avis', message: 'Bonjour', email: 'b@exemple.fr' }, { csrf: false });
    expect(response.statusCode).toBe(403);
  });
});
