import { createHmac } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hashToken, isWellFormedToken } from '../tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_COOKIE = 'eflc_csrf';

declare module 'fastify' {
  interface FastifyReply {
    /** A CSRF token for a form of this page, bound to the visitor's secret and to her session. */
    issueCsrfToken(): string;
  }
}

/**
 * Every state-changing route is protected by default: the token check is attached when the
 * route is declared, so a new form cannot forget it. A route opts out only with
 * `config: { csrf: false }` and must then authenticate by a random token of its own.
 *
 * A token is bound twice: to the visitor's secret (a signed cookie) and to her session (the hash
 * of the session cookie, or "visitor" without one). A token/cookie pair obtained on an anonymous
 * visit, or in another session, is refused with someone's session cookie; signing in or out
 * changes the binding, so earlier pages' tokens stop working. In production both cookies carry
 * the __Host- prefix (HTTPS, this host only, the whole site): a subdomain cannot plant them.
 */
export async function registerCsrf(app: FastifyInstance, options: { cookieSecret: string; production: boolean; sessionCookie: string }) {
  const binding = (request: FastifyRequest) => {
    const session = request.cookies[options.sessionCookie];
    return isWellFormedToken(session) ? `session:${hashToken(session)}` : 'visitor';
  };
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(formbody);
  await app.register(csrfProtection, {
    cookieKey: options.production ? `__Host-${CSRF_COOKIE}` : CSRF_COOKIE,
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: options.production },
    // The session binding is put in the token through an HMAC: the token reveals nothing of the session.
    csrfOpts: { hmacKey: createHmac('sha256', options.cookieSecret).update('csrf-session-binding').digest('base64url') },
    getUserInfo: binding,
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      return fromBody ?? (request.headers['x-csrf-token'] as string | undefined);
    },
  });
  app.decorateReply('issueCsrfToken', function issueCsrfToken() {
    return this.generateCsrf({ userInfo: binding(this.request) });
  });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((method) => SAFE_METHODS.has(method))) return;
    if (route.config?.csrf === false) return;
    const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    route.preHandler = [app.csrfProtection, ...existing];
  });
}
