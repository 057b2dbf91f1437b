import type { BrowserContext } from 'playwright-core';
import type { UserRole } from '../../src/db/schema/index.ts';
import { SESSION_COOKIE, createSession } from '../../src/platform/auth/sessions.ts';
import { createUser } from '../../test/helpers/accounts.ts';
import type { RunningServer } from './server.ts';

/** Signs a browser in as a new person by creating her session in the database (no email round trip). */
export async function signInBrowser(context: BrowserContext, server: RunningServer, email: string, role: UserRole = 'member') {
  const user = await createUser(server.database.db, server.clock, email, role);
  const token = await createSession(server.database.db, user.id, server.clock);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return user;
}
