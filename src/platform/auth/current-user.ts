import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserRole, UserRow } from '../../db/schema/index.ts';
import { AppError, NotFoundError } from '../http/errors.ts';
import { SESSION_DAYS, findSessionUser, sessionCookieName } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Read from the session cookie on every request. */
    currentUser: UserRow | null;
  }
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, secure, sameSite: 'lax' as const, path: '/', maxAge: SESSION_DAYS * 86_400 };
}

/** The session token sent by the browser, if any (the one place that knows the cookie's name). */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(request.server.config.isProduction)];
}

/** Signs the person in on this browser: a new token at every sign-in (no session fixation). */
export function setSessionCookie(reply: FastifyReply, sessionToken: string): void {
  const production = reply.server.config.isProduction;
  void reply.setCookie(sessionCookieName(production), sessionToken, sessionCookieOptions(production));
}

export function clearSessionCookie(reply: FastifyReply): void {
  const production = reply.server.config.isProduction;
  // Same attributes as when it was set: a browser ignores a __Host- cookie without Secure, even to delete it.
  const { maxAge: _maxAge, ...options } = sessionCookieOptions(production);
  void reply.clearCookie(sessionCookieName(production), options);
}

export function registerCurrentUser(app: FastifyInstance): void {
  app.decorateRequest('currentUser', null);
  app.addHook('preHandler', async (request) => {
    const token = sessionTokenOf(request);
    if (token) request.currentUser = await findSessionUser(app.db, token, app.clock);
  });
}

/**
 * Only for a safe local path: never an open redirect to another site. The answer is ASCII only
 * (anything beyond is percent-encoded here, once), so it can always be sent in a Location header:
 * Node refuses a header with a character above U+00FF, and that refusal came after the sign-in
 * link was spent.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  // Browsers drop tabs and line breaks from URLs and read "\" as "/": "/\t/site" or "/\site"
  // would become "//site", another host. No control character, no backslash, anywhere.
  // eslint-disable-next-line no-control-regex
  if (!value.startsWith('/') || value.startsWith('//') || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  try {
    // A lone surrogate cannot be encoded (URIError): such a path is refused.
    return value.replace(/[^\u0021-\u007e]+/gu, (characters) => encodeURIComponent(characters));
  } catch {
    return null;
  }
}

/**
 * Route preHandler for pages of signed-in people: a visitor asking for a page is sent to the
 * sign-in page (and brought back after); any other request is refused with 401.
 */
export async function mustBeSignedIn(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.currentUser) return;
  if (request.method === 'GET') {
    await reply.redirect(`/connexion?retour=${encodeURIComponent(request.url)}`, 303);
    return;
  }
  throw new AppError('unauthorized', 401, 'Connexion nécessaire');
}

/** The signed-in person of a route protected by mustBeSignedIn. */
export function userOf(request: FastifyRequest): UserRow {
  if (!request.currentUser) throw new AppError('unauthorized', 401, 'Connexion nécessaire');
  return request.currentUser;
}

/** Back-office and other role-bound resources: unknown to anyone without the role (404). */
export function requireRole(request: FastifyRequest, roles: readonly UserRole[]): UserRow {
  const user = request.currentUser;
  if (!user || !roles.includes(user.role)) throw new NotFoundError();
  return user;
}
