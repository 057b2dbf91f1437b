import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { emailTokens, newsletterSubscribers } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { simpleEmail } from '../../platform/email/simple-email.tsx';
import { hashToken, isWellFormedToken, randomToken } from '../../platform/tokens.ts';
import { consumeEmailToken } from '../accounts/sign-in.commands.ts';

export const NEWSLETTER_CONSENT = 'J’accepte de recevoir la lettre d’information d’Elles font la culture, environ une fois par mois ; je peux me désinscrire à tout moment.';
export const NEWSLETTER_LINK_HOURS = 48;
/** An address never confirmed is forgotten after this many days. */
export const PENDING_RETENTION_DAYS = 7;

/**
 * First step of the double opt-in: the address waits, unconfirmed, and gets a single-use link.
 * An address already confirmed gets nothing new (and the visitor sees the same answer, so the
 * form tells no one who is subscribed).
 */
export async function requestNewsletterSubscription(db: Database, email: string, clock: Clock, publicUrl: string): Promise<number | null> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email));
    if (existing?.status === 'confirmed') return null;
    if (!existing) await tx.insert(newsletterSubscribers).values({ email, unsubscribeToken: randomToken(), consentText: NEWSLETTER_CONSENT, createdAt: now });
    const token = randomToken();
    await tx.insert(emailTokens).values({
      tokenHash: hashToken(token), email, purpose: 'confirm_newsletter', createdAt: now, expiresAt: new Date(now.getTime() + NEWSLETTER_LINK_HOURS * 3_600_000),
    });
    return queueEmail(tx, {
      idempotencyKey: `confirm-newsletter:${hashToken(token)}`,
      recipient: email,
      purpose: 'confirm_newsletter',
      ...simpleEmail({
        subject: 'Confirmez votre inscription à la lettre d’Elles font la culture',
        title: 'Confirmez votre inscription',
        paragraphs: [
          'Vous avez demandé à recevoir la lettre d’information d’Elles font la culture : les nouvelles aides, ressources et rendez-vous, environ une fois par mois.',
          `Confirmez votre adresse pour être inscrite. Sans confirmation, nous ne vous écrirons pas et votre adresse sera effacée sous ${PENDING_RETENTION_DAYS} jours. Le lien est valable ${NEWSLETTER_LINK_HOURS} heures.`,
        ],
        button: { label: 'Confirmer mon inscription', href: `${publicUrl}/lettre-d-information/confirmer/${token}` },
        publicUrl,
      }),
    });
  });
}

export async function confirmNewsletterSubscription(db: Database, token: unknown, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, token, 'confirm_newsletter', clock);
    if (!consumed) return false;
    // Confirming twice (two links) keeps the first date.
    const updated = await tx.update(newsletterSubscribers)
      .set({ status: 'confirmed', confirmedAt: sql`coalesce(${newsletterSubscribers.confirmedAt}, ${clock.now().toISOString()}::timestamptz)` })
      .where(eq(newsletterSubscribers.email, consumed.email)).returning({ id: newsletterSubscribers.id });
    return updated.length > 0;
  });
}

/** Unsubscribing forgets the address altogether: there is nothing to keep it for. */
export async function unsubscribeFromNewsletter(db: Database, token: unknown): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const deleted = await db.delete(newsletterSubscribers).where(eq(newsletterSubscribers.unsubscribeToken, token)).returning({ id: newsletterSubscribers.id });
  return deleted.length > 0;
}

export async function confirmedSubscribers(db: Database) {
  return db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.status, 'confirmed')).orderBy(asc(newsletterSubscribers.confirmedAt), asc(newsletterSubscribers.id));
}

export async function newsletterCounts(db: Database): Promise<{ confirmed: number; pending: number }> {
  const rows = await db.select({ status: newsletterSubscribers.status, count: sql<number>`count(*)::int` }).from(newsletterSubscribers).groupBy(newsletterSubscribers.status);
  return { confirmed: Number(rows.find((row) => row.status === 'confirmed')?.count ?? 0), pending: Number(rows.find((row) => row.status === 'pending')?.count ?? 0) };
}

/** Housekeeping: addresses never confirmed are not kept. */
export async function purgeUnconfirmedSubscribers(db: Database, clock: Clock): Promise<void> {
  const limit = new Date(clock.now().getTime() - PENDING_RETENTION_DAYS * 86_400_000);
  await db.delete(newsletterSubscribers).where(and(eq(newsletterSubscribers.status, 'pending'), lt(newsletterSubscribers.createdAt, limit)));
}
