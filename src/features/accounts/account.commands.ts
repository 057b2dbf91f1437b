import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type DigestFrequency, type UserRow, contactMessages, newsletterSubscribers, users } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { accountDeletedEmail } from './account-deleted.email.tsx';
import { recordAlertsConsent, withdrawAlertsConsent } from './consents.commands.ts';
import type { ProfileInput } from './profile.schema.ts';

export async function updateProfile(db: Database, userId: number, profile: ProfileInput, clock: Clock): Promise<void> {
  await db.update(users).set({ ...profile, updatedAt: clock.now() }).where(eq(users.id, userId));
}

export async function setDigestFrequency(db: Database, userId: number, digestFrequency: DigestFrequency, clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ digestFrequency, updatedAt: clock.now() }).where(eq(users.id, userId));
    if (digestFrequency === 'none') await withdrawAlertsConsent(tx, userId, clock);
    else await recordAlertsConsent(tx, userId, clock);
  });
}

/**
 * "Supprimer mon compte": personal data goes at once (profile, alerts, follows, sessions,
 * consents — by cascade); content she contributed stays only without her name (features that
 * keep content reference users with ON DELETE SET NULL). A confirmation is emailed to the
 * address, which the outbox keeps only until the retention period ends.
 */
export async function deleteAccount(db: Database, user: UserRow, clock: Clock, publicUrl: string): Promise<number | null> {
  return db.transaction(async (tx) => {
    const emailId = await queueEmail(tx, {
      idempotencyKey: `account-deleted:${user.id}:${user.email}`,
      recipient: user.email,
      purpose: 'account_deleted',
      ...accountDeletedEmail({ publicUrl, deletedOn: clock.now() }),
    });
    // Messages sent while signed in and the newsletter address go with the account.
    await tx.delete(contactMessages).where(eq(contactMessages.userId, user.id));
    await tx.delete(newsletterSubscribers).where(eq(newsletterSubscribers.email, user.email));
    await tx.delete(users).where(eq(users.id, user.id));
    return emailId;
  });
}
