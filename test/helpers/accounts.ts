import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { type UserRole, users } from '../../src/db/schema/index.ts';
import { findOrCreateUser } from '../../src/features/accounts/users.commands.ts';
import { createSession, sessionCookieName } from '../../src/platform/auth/sessions.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { TestContext } from './test-app.ts';
import { TestClient } from './test-client.ts';

let sequence = 0;

/** A person with an account, and a client already signed in as her (session made in the database). */
export async function signedInClient(context: TestContext, options: { email?: string; role?: UserRole; profile?: Partial<typeof users.$inferInsert> } = {}) {
  sequence += 1;
  const email = options.email ?? `personne-${sequence}@exemple.fr`;
  const user = await createUser(context.database.db, context.clock, email, options.role ?? 'member', options.profile);
  const client = new TestClient(context.app, `198.51.100.${sequence % 250}`);
  client.cookies.set(sessionCookieName(context.config.isProduction), await createSession(context.database.db, user.id, context.clock));
  return { user, client };
}

export async function createUser(db: Database, clock: Clock, email: string, role: UserRole = 'member', profile: Partial<typeof users.$inferInsert> = {}) {
  const { user } = await findOrCreateUser(db, email, clock, { purpose: 'account', wording: 'Compte de test' });
  const [updated] = await db.update(users).set({ role, ...profile }).where(eq(users.id, user.id)).returning();
  return updated!;
}
