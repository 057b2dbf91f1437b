import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  type AlertFrequency, type FollowKind, emailTokens, opportunities, opportunityFollows, savedSearches, users,
} from '../../db/schema/index.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { hashToken, isWellFormedToken, randomToken } from '../../platform/tokens.ts';
import { recordAlertsConsent, withdrawAlertsConsent } from '../accounts/consents.commands.ts';
import { consumeEmailToken } from '../accounts/sign-in.commands.ts';
import { findOrCreateUser, recordSignIn } from '../accounts/users.commands.ts';
import { type AlertRequest, alertRequestSchema } from './alert-request.ts';
import { CONFIRMATION_LINK_HOURS, confirmAlertEmail } from './confirm-alert.email.tsx';

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;


export async function followOpportunity(db: Executor, userId: number, opportunityId: number, kind: FollowKind, clock: Clock): Promise<void> {
  // She knows the dates as they are now: only later changes will be announced.
  const windowsVersionSeen = sql<number>`(SELECT windows_version FROM opportunities WHERE id = ${opportunityId})`;
  await db.insert(opportunityFollows).values({ userId, opportunityId, kind, createdAt: clock.now(), windowsVersionSeen }).onConflictDoNothing();
  await recordAlertsConsent(db, userId, clock);
}

export async function saveSearch(db: Executor, userId: number, search: { query: string; label: string; frequency: AlertFrequency }, clock: Clock): Promise<void> {
  const now = clock.now();
  await db
    .insert(savedSearches)
    .values({ userId, ...search, manageToken: randomToken(), createdAt: now, checkedUntil: now })
    .onConflictDoUpdate({ target: [savedSearches.userId, savedSearches.query], set: { frequency: search.frequency, label: search.label } });
  await recordAlertsConsent(db, userId, clock);
}

export async function applyAlertRequest(db: Executor, userId: number, request: AlertRequest, clock: Clock, labelFor: (query: string) => string): Promise<void> {
  if (request.type === 'follow') {
    const [exists] = await db.select({ id: opportunities.id }).from(opportunities)
      .where(and(eq(opportunities.id, request.opportunityId), eq(opportunities.status, 'published'))).limit(1);
    if (!exists) throw new NotFoundError();
    await followOpportunity(db, userId, request.opportunityId, request.kind, clock);
  } else {
    await saveSearch(db, userId, { query: request.query, label: labelFor(request.query), frequency: request.frequency }, clock);
  }
}

/** Only the owner can remove her follow: anyone else gets a 404, even with a valid id. */
export async function unfollow(db: Database, userId: number, followId: number): Promise<void> {
  const deleted = await db.delete(opportunityFollows).where(and(eq(opportunityFollows.id, followId), eq(opportunityFollows.userId, userId))).returning({ id: opportunityFollows.id });
  if (deleted.length === 0) throw new NotFoundError();
}

export async function deleteSavedSearch(db: Database, userId: number, searchId: number): Promise<void> {
  const deleted = await db.delete(savedSearches).where(and(eq(savedSearches.id, searchId), eq(savedSearches.userId, userId))).returning({ id: savedSearches.id });
  if (deleted.length === 0) throw new NotFoundError();
}

/**
 * Without an account: nothing is saved as an alert yet. The request waits in a single-use link
 * emailed to the address; only its confirmation creates the (light) account and the alert.
 */
export async function requestAlertConfirmation(
  db: Database,
  options: { email: string; request: AlertRequest; what: string; clock: Clock; publicUrl: string },
): Promise<number | null> {
  const token = randomToken();
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    await tx.insert(emailTokens).values({
      tokenHash: hashToken(token),
      email: options.email,
      purpose: 'confirm_alert',
      payload: JSON.stringify(options.request),
      createdAt: now,
      expiresAt: new Date(now.getTime() + CONFIRMATION_LINK_HOURS * 3_600_000),
    });
    return queueEmail(tx, {
      idempotencyKey: `confirm-alert:${hashToken(token)}`,
      recipient: options.email,
      purpose: 'confirm_alert',
      ...confirmAlertEmail({ link: `${options.publicUrl}/alertes/confirmer/${token}`, what: options.what, publicUrl: options.publicUrl }),
    });
  });
}

export async function confirmAlert(db: Database, token: unknown, clock: Clock, labelFor: (query: string) => string): Promise<{ sessionToken: string; request: AlertRequest } | null> {
  return db.transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, token, 'confirm_alert', clock);
    if (!consumed?.payload) return null;
    const request = alertRequestSchema.parse(JSON.parse(consumed.payload));
    const { user } = await findOrCreateUser(tx, consumed.email, clock, {
      purpose: 'account',
      wording: 'Création de mon espace en confirmant une alerte reçue par email ; j’accepte les conditions d’utilisation du service.',
    });
    await applyAlertRequest(tx, user.id, request, clock, labelFor);
    await recordSignIn(tx, user.id, clock);
    return { sessionToken: await createSession(tx, user.id, clock), request };
  });
}

/** One-click unsubscribe: every alert email stops (the alerts themselves are kept, paused). */
export async function unsubscribeByToken(db: Database, token: unknown, clock: Clock): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const updated = await db.update(users).set({ digestFrequency: 'none', updatedAt: clock.now() }).where(eq(users.unsubscribeToken, token)).returning({ id: users.id });
  if (updated.length === 0) return false;
  await withdrawAlertsConsent(db, updated[0]!.id, clock);
  return true;
}

export async function stopSavedSearchByToken(db: Database, token: unknown): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const deleted = await db.delete(savedSearches).where(eq(savedSearches.manageToken, token)).returning({ id: savedSearches.id });
  return deleted.length > 0;
}
