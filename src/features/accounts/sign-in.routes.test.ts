import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { textOf } from '../../../test/helpers/html.ts';
import { linkIn } from '../../../test/helpers/smtp-sink.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { createUser } from '../../../test/helpers/accounts.ts';
import { eq } from 'drizzle-orm';
import { emailTokens } from '../../db/schema/index.ts';

describe('signing in with an emailed link', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
    await createUser(context.database.db, context.clock, 'connue@exemple.fr');
  });
  beforeEach(() => context.smtp!.clear());
  afterAll(() => context.close());

  async function requestLink(client: TestClient, email: string, retour?: string) {
    const response = await client.post('/connexion', { email, ...(retour ? { retour } : {}) }, { page: '/connexion' });
    await context.jobs.runAll();
    return response;
  }

  it('emails a single-use link that signs in and opens the account space', async () => {
    const client = new TestClient(context.app);
    const response = await requestLink(client, '  Nouvelle@Exemple.FR ');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/connexion/envoye');
    const [mail] = context.smtp!.to('nouvelle@exemple.fr');
    expect(mail!.subject).toBe('Votre lien de connexion à Elles font la culture');
    expect(mail!.html).toContain('Me connecter');
    const link = linkIn(mail!, 'http://localhost:3000/connexion/lien/');
    const confirmPage = await client.get(link.replace('http://localhost:3000', ''));
    expect(confirmPage.statusCode).toBe(200);
    const token = link.split('/').at(-1)!;
    const signedIn = await client.post('/connexion/lien', { jeton: token });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/mon-espace');
    const cookie = signedIn.cookies.find((item) => item.name === 'eflc_session') as { httpOnly?: boolean; sameSite?: string } | undefined;
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const space = await client.get('/mon-espace');
    expect(space.statusCode).toBe(200);
    expect(textOf(space.body)).toContain('Mon espace');
  });

  it('refuses a link used twice or older than 15 minutes', async () => {
    const client = new TestClient(context.app);
    await requestLink(client, 'connue@exemple.fr');
    const token = linkIn(context.smtp!.to('connue@exemple.fr').at(-1)!, 'http://localhost:3000/connexion/lien/').split('/').at(-1)!;
    await client.get(`/connexion/lien/${token}`);
    expect((await client.post('/connexion/lien', { jeton: token })).statusCode).toBe(303);
    const again = await client.post('/connexion/lien', { jeton: token }, { page: `/connexion/lien/${token}` });
    expect(again.statusCode).toBe(400);
    expect(textOf(again.body)).toContain('Ce lien n’est plus valable');

    await requestLink(client, 'connue@exemple.fr');
    const late = linkIn(context.smtp!.to('connue@exemple.fr').at(-1)!, 'http://localhost:3000/connexion/lien/').split('/').at(-1)!;
    context.clock.advanceDays(16 / (24 * 60));
    const expired = await client.post('/connexion/lien', { jeton: late }, { page: `/connexion/lien/${late}` });
    expect(expired.statusCode).toBe(400);
  });

  it('answers the same way whether or not the address has an account', async () => {
    const known = await requestLink(new TestClient(context.app, '203.0.113.20'), 'connue@exemple.fr');
    const unknown = await requestLink(new TestClient(context.app, '203.0.113.21'), 'inconnue@exemple.fr');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.headers.location).toBe(known.headers.location);
    const knownPage = await new TestClient(context.app).get(known.headers.location as string);
    const unknownPage = await new TestClient(context.app).get(unknown.headers.location as string);
    expect(unknownPage.body).toBe(knownPage.body);
  });

  it('shows errors in French next to the field, keeping what was typed', async () => {
    const response = await new TestClient(context.app).post('/connexion', { email: 'pas-une-adresse' }, { page: '/connexion' });
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Indiquez une adresse email valide');
    expect(response.body).toContain('value="pas-une-adresse"');
    expect(response.body).toContain('id="resume-erreurs"');
    expect(context.smtp!.messages).toHaveLength(0);
  });

  it('refuses a form sent without its CSRF token', async () => {
    const response = await new TestClient(context.app).post('/connexion', { email: 'connue@exemple.fr' }, { csrf: false });
    expect(response.statusCode).toBe(403);
  });

  it('limits requests per address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await requestLink(new TestClient(context.app, `203.0.113.${100 + attempt}`), 'limitee@exemple.fr')).statusCode);
    }
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    expect(context.smtp!.to('limitee@exemple.fr')).toHaveLength(5);
  });

  it('limits requests per connection', async () => {
    const client = new TestClient(context.app, '203.0.113.250');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) statuses.push((await requestLink(client, `adresse-${attempt}@exemple.fr`)).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 303)).toHaveLength(20);
  });

  it('brings her back to the page she came from, never to another site', async () => {
    for (const [retour, expected] of [['/mon-espace/profil', '/mon-espace/profil'], ['//malveillant.example', '/mon-espace'], ['https://malveillant.example', '/mon-espace'], ['/\t/malveillant.example', '/mon-espace'], ['/\\malveillant.example', '/mon-espace']] as const) {
      context.smtp!.clear();
      const client = new TestClient(context.app, '203.0.113.60');
      await client.get(`/connexion?retour=${encodeURIComponent(retour)}`);
      await client.post('/connexion', { email: 'retour@exemple.fr', retour });
      await context.jobs.runAll();
      const token = linkIn(context.smtp!.to('retour@exemple.fr').at(-1)!, 'http://localhost:3000/connexion/lien/').split('/').at(-1)!;
      const response = await client.post('/connexion/lien', { jeton: token }, { page: `/connexion/lien/${token}` });
      expect(response.headers.location).toBe(expected);
    }
  });

  it('a return path with characters beyond ASCII signs in and brings her back, percent-encoded (it used to be a 500 that spent the link)', async () => {
    for (const [retour, expected] of [['/ā', '/%C4%81'], ['/aides?q=photo été', '/aides?q=photo%20%C3%A9t%C3%A9'], ['/aides?q=%C3%A9t%C3%A9&x=ō', '/aides?q=%C3%A9t%C3%A9&x=%C5%8D']] as const) {
      context.smtp!.clear();
      const client = new TestClient(context.app, '203.0.113.61');
      expect((await client.get(`/connexion?retour=${encodeURIComponent(retour)}`)).statusCode).toBe(200);
      await client.post('/connexion', { email: 'unicode@exemple.fr', retour });
      await context.jobs.runAll();
      const token = linkIn(context.smtp!.to('unicode@exemple.fr').at(-1)!, 'http://localhost:3000/connexion/lien/').split('/').at(-1)!;
      const response = await client.post('/connexion/lien', { jeton: token }, { page: `/connexion/lien/${token}` });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(expected);
      expect(response.cookies.some((cookie) => cookie.name === 'eflc_session')).toBe(true);
      expect((await client.get('/mon-espace')).statusCode).toBe(200);
    }
  });

  it('a link stored with a raw return path (saved before paths were encoded) signs in and is encoded when used, inside the transaction that spends it', async () => {
    context.smtp!.clear();
    const client = new TestClient(context.app, '203.0.113.62');
    await requestLink(client, 'ancien-lien@exemple.fr', '/mon-espace');
    const token = linkIn(context.smtp!.to('ancien-lien@exemple.fr').at(-1)!, 'http://localhost:3000/connexion/lien/').split('/').at(-1)!;
    await context.database.db.update(emailTokens).set({ redirectTo: '/ā' }).where(eq(emailTokens.email, 'ancien-lien@exemple.fr'));
    const response = await client.post('/connexion/lien', { jeton: token }, { page: `/connexion/lien/${token}` });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/%C4%81');
    expect((await client.get('/mon-espace')).statusCode).toBe(200);
  });

  it('signs out, here or everywhere', async () => {
    const first = new TestClient(context.app);
    const second = new TestClient(context.app);
    for (const client of [first, second]) {
      context.smtp!.clear();
      await requestLink(client, 'partout@exemple.fr');
      const token = linkIn(context.smtp!.to('partout@exemple.fr').at(-1)!, 'http://localhost:3000/connexion/lien/').split('/').at(-1)!;
      await client.post('/connexion/lien', { jeton: token }, { page: `/connexion/lien/${token}` });
      expect((await client.get('/mon-espace')).statusCode).toBe(200);
    }
    await first.post('/mon-espace/deconnexion-partout', {}, { page: '/mon-espace/donnees' });
    expect((await first.get('/mon-espace')).statusCode).toBe(303);
    expect((await second.get('/mon-espace')).headers.location).toBe('/connexion?retour=%2Fmon-espace');

    context.smtp!.clear();
    await requestLink(first, 'partout@exemple.fr');
    const token = linkIn(context.smtp!.to('partout@exemple.fr').at(-1)!, 'http://localhost:3000/connexion/lien/').split('/').at(-1)!;
    await first.post('/connexion/lien', { jeton: token }, { page: `/connexion/lien/${token}` });
    await first.post('/deconnexion', {}, { page: '/mon-espace' });
    expect((await first.get('/mon-espace')).statusCode).toBe(303);
  });

  it('refuses malformed tokens without touching the database', async () => {
    expect((await new TestClient(context.app).get('/connexion/lien/court')).statusCode).toBe(400);
    const client = new TestClient(context.app);
    const response = await client.post('/connexion/lien', { jeton: "' OR 1=1 --" }, { page: '/connexion' });
    expect(response.statusCode).toBe(400);
  });
});
