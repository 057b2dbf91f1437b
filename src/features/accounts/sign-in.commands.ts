import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { emailTokens, type UserRow } from '../../db/schema/index.ts';
import { safeReturnPath } from '../../platform/auth/current-user.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { hashToken, isWellFormedToken, randomToken } from '../../platform/tokens.ts';
import { SIGN_IN_LINK_MINUTES, signInEmail } from './sign-in.email.tsx';
import { findOrCreateUser, recordSignIn } from './users.commands.ts';

/**
 * "Recevoir un lien de connexion": the same thing happens whether the address has an account
 * or not (an email with a link), so the answer tells nobody who is registered.
 * Returns the id of the queued email, for dispatch after commit.
 */
export async function requestSignInLink(
  db: Database,
  options: { email: string; redirectTo: string | null; clock: Clock; publicUrl: string },
): Promise<number | null> {
  const token = randomToken();
  const now = options.clock.now();
  const link = `${options.publicUrl}/connexion/lien/${token}`;
  return db.transaction(async (tx) => {
    await tx.insert(emailTokens).values({
      tokenHash: hashToken(token),
      email: options.email,
      purpose: 'sign_in',
      redirectTo: options.redirectTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
    });
    return queueEmail(tx, {
      idempotencyKey: `sign-in:${hashToken(token)}`,
      recipient: options.email,
      purpose: 'sign_in',
      ...signInEmail({ link, publicUrl: options.publicUrl }),
    });
  });
}

export interface ConsumedToken {
  email: string;
  redirectTo: string | null;
  payload: string | null;
}

/** Uses a single-use link: valid, unexpired and unused, or nothing (then it is spent). */
export async function consumeEmailToken(
  db: Pick<Database, 'execute'>,
  token: unknown,
  purpose: 'sign_in' | 'confirm_alert' | 'confirm_suggestion' | 'confirm_newsletter',
  clock: Clock,
): Promise<ConsumedToken | null> {
  if (!isWellFormedToken(token)) return null;
  const now = clock.now().toISOString();
  const [row] = await queryRows<{ email: string; redirect_to: string | null; payload: string | null }>(db, sql`
    UPDATE email_tokens SET consumed_at = ${now}
    WHERE token_hash = ${hashToken(token)} AND purpose = ${purpose} AND consumed_at IS NULL AND expires_at > ${now}
    RETURNING email, redirect_to, payload`);
  return row ? { email: row.email, redirectTo: row.redirect_to, payload: row.payload } : null;
}

export interface SignedIn {
  user: UserRow;
  sessionToken: string;
  /** A safe local path (see safeReturnPath), or null. */
  redirectTo: string | null;
}

export async function signInWithToken(db: Database, token: unknown, clock: Clock): Promise<SignedIn | null> {
  return db.transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, token, 'sign_in', clock);
    if (!consumed) return null;
    const { user } = await findOrCreateUser(tx, consumed.email, clock, {
      purpose: 'account',
      wording: 'Création de mon compte en ouvrant le lien de connexion reçu par email ; j’accepte les conditions d’utilisation du service.',
    });
    await recordSignIn(tx, user.id, clock);
    const sessionToken = await createSession(tx, user.id, clock);
    // Decided before the transaction commits: nothing about the answer can fail once the link is spent.
    return { user, sessionToken, redirectTo: safeReturnPath(consumed.redirectTo) };
  });
}
