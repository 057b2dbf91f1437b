import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing route is protected by default: the token check is attached when the
 * route is declared, so a new form cannot forget it. A route opts out only with
 * `config: { csrf: false }` and must then authenticate by a random token of its own.
 */
export async function registerCsrf(app: FastifyInstance, options: { cookieSecret: string; secureCookies: boolean }) {
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(formbody);
  await app.register(csrfProtection, {
    cookieKey: 'eflc_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: options.secureCookies },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      return fromBody ?? (request.headers['x-csrf-token'] as string | undefined);
    },
  });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((method) => SAFE_METHODS.has(method))) return;
    if (route.config?.csrf === false) return;
    const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    route.preHandler = [app.csrfProtection, ...existing];
  });
}
