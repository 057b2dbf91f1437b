import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type UserRow, sessions, users } from '../../db/schema/index.ts';
import type { Clock } from '../clock.ts';
import { hashToken, isWellFormedToken, randomToken } from '../tokens.ts';

export const SESSION_COOKIE = 'eflc_session';
/**
 * In production the cookie carries the __Host- prefix: browsers then accept it only over HTTPS,
 * for the whole site and this host alone, so a sibling subdomain can neither set nor shadow it.
 */
export const sessionCookieName = (production: boolean) => (production ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);
export const SESSION_DAYS = 30;
/** last_seen_at is refreshed at most this often, to spare a write per request. */
const TOUCH_INTERVAL_MS = 3_600_000;

/** Opens a new session (a new random token at every sign-in: no session fixation). */
export async function createSession(db: Pick<Database, 'insert'>, userId: number, clock: Clock): Promise<string> {
  const token = randomToken();
  const now = clock.now();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
  });
  return token;
}

export async function findSessionUser(db: Database, token: string | undefined, clock: Clock): Promise<UserRow | null> {
  if (!isWellFormedToken(token)) return null;
  const now = clock.now();
  const [found] = await db
    .select({ user: users, lastSeenAt: sessions.lastSeenAt, tokenHash: sessions.tokenHash })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!found) return null;
  if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, found.tokenHash));
  }
  return found.user;
}

export async function deleteSession(db: Database, token: string | undefined): Promise<void> {
  if (!isWellFormedToken(token)) return;
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** "Se déconnecter partout": every device of this person is signed out. */
export async function deleteAllSessions(db: Database, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Database, clock: Clock): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, clock.now()));
  await db.execute(sql`DELETE FROM email_tokens WHERE expires_at < ${new Date(clock.now().getTime() - 86_400_000).toISOString()}`);
}
