import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../src/db/schema/index.ts';
import { TestClient } from '../test/helpers/test-client.ts';
import { type World, buildWorld } from './helpers/world.ts';

/** Parameters that carry a return address, found by crawling (see below) and tried here. */
const RETURN_PARAMETERS = ['retour'];

const HOSTILE_TARGETS = [
  'https://evil.example/', '//evil.example', '/\\evil.example', '\\\\evil.example', '/\t/evil.example', '/%2F/evil.example', '%2F%2Fevil.example',
  'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http:evil.example', '/\r\nLocation: https://evil.example', ' //evil.example', 'https:/\\evil.example',
  // Not hostile but beyond ASCII: it once made the answer a 500 after the link was spent.
  '/ā', '/aides?q=été',
];

const ORIGIN = 'http://localhost:3000';
const isLocal = (location: string) => {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\]/.test(location)) return false;
  const resolved = new URL(location, `${ORIGIN}/depart`);
  return resolved.origin === ORIGIN;
};

describe('no open redirect', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.close());

  it('knows every parameter that carries a return address (found by crawling every page)', async () => {
    const found = new Set<string>();
    for (const route of world.context.app.routeTable.filter((candidate) => candidate.method === 'GET')) {
      for (const client of [world.clients.anonymous, world.clients.owner]) {
        const response = await client.get(world.concrete(route.url));
        const location = String(response.headers.location ?? '');
        const body = `${response.body} href="${location}"`;
        for (const match of body.matchAll(/[?&]([a-z_]+)=(%2F|\/)/gi)) found.add(match[1]!);
        for (const match of body.matchAll(/name="([a-z_]+)"[^>]*value="\//g)) found.add(match[1]!);
      }
    }
    expect([...found].filter((name) => !RETURN_PARAMETERS.includes(name))).toEqual([]);
    expect([...found]).toContain('retour');
  });

  it('never redirects elsewhere, whatever is put in a return parameter, through the whole sign-in', async () => {
    const failures: string[] = [];
    let index = 0;
    for (const target of HOSTILE_TARGETS) {
      index += 1;
      const visitor = new TestClient(world.context.app, `203.0.113.${index}`);
      const page = await visitor.get(`/connexion?retour=${encodeURIComponent(target)}`);
      if (page.statusCode >= 500) failures.push(`GET /connexion?retour=${target}: ${page.statusCode}`);
      const email = `redirection-${index}@exemple.fr`;
      const sent = await visitor.post('/connexion', { email, retour: target }, { page: `/connexion?retour=${encodeURIComponent(target)}` });
      if (sent.statusCode !== 303) failures.push(`POST /connexion retour=${JSON.stringify(target)}: ${sent.statusCode}`);
      const [mail] = await world.context.database.db.select().from(emails).where(eq(emails.recipient, email)).orderBy(desc(emails.id)).limit(1);
      const token = /\/connexion\/lien\/([\w-]+)/.exec(mail!.text)![1]!;
      const signedIn = await visitor.post('/connexion/lien', { jeton: token }, { page: `/connexion/lien/${token}` });
      const location = String(signedIn.headers.location ?? '');
      if (signedIn.statusCode !== 303 || !isLocal(location)) failures.push(`sign-in with retour=${JSON.stringify(target)} → ${signedIn.statusCode} ${location}`);
    }
    expect(failures).toEqual([]);
  });

  it('sends nowhere else from any route when every return parameter is hostile', async () => {
    const failures: string[] = [];
    for (const route of world.context.app.routeTable.filter((candidate) => candidate.method === 'GET')) {
      for (const target of HOSTILE_TARGETS.slice(0, 5)) {
        const query = RETURN_PARAMETERS.map((name) => `${name}=${encodeURIComponent(target)}`).join('&');
        const url = `${world.concrete(route.url)}?${query}`;
        for (const client of [world.clients.anonymous, world.clients.owner]) {
          const response = await client.get(url);
          const location = response.headers.location;
          if (response.statusCode >= 500) failures.push(`GET ${url}: ${response.statusCode}`);
          if (location && !isLocal(String(location))) failures.push(`GET ${url}: redirects to ${location}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
