import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type UserRole, type UserRow, consents, users } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { randomToken } from '../../platform/tokens.ts';

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'execute'>;

/**
 * The account of this address, created if needed. Proving you own an address (a sign-in link
 * or an alert confirmation) is how an account comes to exist: there is no password.
 */
export async function findOrCreateUser(db: Executor, email: string, clock: Clock, creation: { purpose: string; wording: string }): Promise<{ user: UserRow; created: boolean }> {
  const now = clock.now();
  const [inserted] = await db
    .insert(users)
    .values({ email, unsubscribeToken: randomToken(), createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (inserted) {
    await db.insert(consents).values({ userId: inserted.id, purpose: creation.purpose, wording: creation.wording, grantedAt: now });
    return { user: inserted, created: true };
  }
  const [existing] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return { user: existing!, created: false };
}

/** `npm run user:create`: the first administrator, or a role given by hand. */
export async function createUserWithRole(db: Database, email: string, role: UserRole, clock: Clock): Promise<UserRow> {
  const { user } = await findOrCreateUser(db, email, clock, {
    purpose: 'account',
    wording: 'Compte créé par un administrateur du service (commande user:create).',
  });
  const [updated] = await db.update(users).set({ role, updatedAt: clock.now() }).where(eq(users.id, user.id)).returning();
  return updated!;
}

export async function recordSignIn(db: Executor, userId: number, clock: Clock): Promise<void> {
  await db.execute(sql`UPDATE users SET last_sign_in_at = ${clock.now().toISOString()} WHERE id = ${userId}`);
}
