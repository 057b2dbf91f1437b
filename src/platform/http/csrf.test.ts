import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, sessionCookieName } from '../auth/sessions.ts';
import { createUser, signedInClient } from '../../../test/helpers/accounts.ts';
import { csrfTokenFrom } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';

const post = (context: TestContext, cookies: string, token: string) => context.app.inject({
  method: 'POST', url: '/essai/csrf', headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}`,
});
const extraRoutes = (app: TestContext['app']) => {
  app.post('/essai/csrf', async (request) => ({ signedIn: request.currentUser !== null }));
};

describe('CSRF tokens bound to the session', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ extraRoutes });
  });
  afterAll(() => context.close());

  /** The CSRF cookie and a token of a page, as this client got them. */
  async function tokenOf(client: TestClient) {
    await client.get('/nous-ecrire');
    return { token: csrfTokenFrom(client.lastPage), csrfCookie: `eflc_csrf=${client.cookies.get('eflc_csrf')}` };
  }

  it('accepts a token with the session it was issued in', async () => {
    const { client } = await signedInClient(context);
    const { token } = await tokenOf(client);
    const response = await post(context, client.cookieHeader, token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedIn: true });
  });

  it('refuses a token/cookie pair from an anonymous visit sent with a member’s session cookie', async () => {
    const { token, csrfCookie } = await tokenOf(new TestClient(context.app));
    const { client: member } = await signedInClient(context);
    // The pair is valid on its own…
    expect((await post(context, csrfCookie, token)).statusCode).toBe(200);
    // …but not with her session.
    const response = await post(context, `${csrfCookie}; eflc_session=${member.cookies.get('eflc_session')}`, token);
    expect(response.statusCode).toBe(403);
  });

  it('refuses a token from another session, even of the same person, and one issued before signing in', async () => {
    const { user, client } = await signedInClient(context);
    const { token, csrfCookie } = await tokenOf(client);
    const otherSession = await createSession(context.database.db, user.id, context.clock);
    expect((await post(context, `${csrfCookie}; eflc_session=${otherSession}`, token)).statusCode).toBe(403);

    const visitor = new TestClient(context.app);
    const before = await tokenOf(visitor);
    const member = await createUser(context.database.db, context.clock, 'apres-connexion@exemple.fr');
    visitor.cookies.set('eflc_session', await createSession(context.database.db, member.id, context.clock));
    expect((await post(context, visitor.cookieHeader, before.token)).statusCode).toBe(403);
    expect((await post(context, visitor.cookieHeader, (await tokenOf(visitor)).token)).statusCode).toBe(200);
  });
});

describe('cookies in production', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ extraRoutes, config: { NODE_ENV: 'production', COOKIE_SECRET: 'p'.repeat(48) } });
  });
  afterAll(() => context.close());

  it('carry the __Host- prefix, Secure, for the whole site and no domain; the session works under that name', async () => {
    const { client } = await signedInClient(context);
    expect(sessionCookieName(true)).toBe('__Host-eflc_session');
    const page = await client.get('/nous-ecrire');
    const setCookies = [page.headers['set-cookie']].flat().filter((value): value is string => typeof value === 'string');
    expect(setCookies.length).toBeGreaterThan(0);
    for (const header of setCookies) {
      expect(header).toMatch(/^__Host-/);
      expect(header).toMatch(/; Secure/i);
      expect(header).toMatch(/; Path=\/(;|$)/);
      expect(header).not.toMatch(/Domain=/i);
    }
    expect((await post(context, client.cookieHeader, csrfTokenFrom(page.body))).json()).toEqual({ signedIn: true });
  });
});
