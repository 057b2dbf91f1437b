import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  DIRECTORY_FIELDS, type DirectoryField, type FieldAudience, commissioners, connectionReports, contactSurveys, directoryBlocks, directoryMessages, directoryProfiles, users,
} from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { hashToken, isWellFormedToken, randomToken } from '../../platform/tokens.ts';
import { type Actor, recordAudit } from '../audit/audit.commands.ts';
import { contactSurveyEmail, decisionEmail, messageSentCopyEmail, relayedMessageEmail } from './directory.emails.tsx';
import { CHARTER_VERSION, type DirectoryProfileInput } from './directory.schema.ts';

const DAY_MS = 86_400_000;
export const SURVEY_AFTER_DAYS = 30;

/** Saving sends a listed profile (back) to moderation: nothing public without review. */
export async function saveDirectoryProfile(db: Database, userId: number, input: DirectoryProfileInput, clock: Clock): Promise<void> {
  const now = clock.now();
  const audiences = Object.fromEntries(DIRECTORY_FIELDS.map((field) => [field, input[`audience_${field}`]])) as Record<DirectoryField, FieldAudience>;
  const fields = {
    listed: input.listed, displayName: input.displayName, nameAudience: input.nameAudience, pronouns: input.pronouns, region: input.region, specialties: input.specialties,
    languages: input.languages, bio: input.bio, website: input.website, availableForCommissions: input.availableForCommissions, audiences, status: 'pending' as const, refusalReason: null, updatedAt: now,
  };
  await db.insert(directoryProfiles).values({ userId, ...fields, createdAt: now }).onConflictDoUpdate({ target: directoryProfiles.userId, set: fields });
}

export async function signCharter(db: Database, userId: number, input: { organizationName: string; organizationType: (typeof commissioners.$inferInsert)['organizationType']; website: string; contactRole: string }, clock: Clock): Promise<void> {
  const fields = { ...input, charterVersion: CHARTER_VERSION, charterSignedAt: clock.now(), status: 'pending' as const, verifiedAt: null, verifiedBy: null, refusalReason: null };
  await db.insert(commissioners).values({ userId, ...fields }).onConflictDoUpdate({ target: commissioners.userId, set: fields });
}

async function emailTo(tx: Pick<Database, 'select' | 'execute'>, userId: number, key: string, content: ReturnType<typeof decisionEmail>, headers?: Record<string, string>) {
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  return queueEmail(tx, { idempotencyKey: key, recipient: user.email, purpose: key.split(':')[0]!, ...content, headers });
}

export async function decideDirectoryProfile(db: Database, userId: number, decision: { publish: boolean; reason: string | null }, actor: Actor, clock: Clock, publicUrl: string): Promise<number | null | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(directoryProfiles).set({ status: decision.publish ? 'published' : 'refused', refusalReason: decision.reason })
      .where(and(eq(directoryProfiles.userId, userId), eq(directoryProfiles.status, 'pending'))).returning();
    if (!row) return undefined;
    await recordAudit(tx, actor, { action: decision.publish ? 'directory_profile.publish' : 'directory_profile.refuse', entityType: 'directory_profile', entityId: userId, summary: `${decision.publish ? 'Publication' : 'Refus'} de la fiche d’annuaire de « ${row.displayName} »` }, clock);
    return emailTo(tx, userId, `directory_profile_decision:${userId}:${clock.now().getTime()}`, decisionEmail({ what: 'profile', accepted: decision.publish, reason: decision.reason, publicUrl }));
  });
}

export async function decideCommissioner(db: Database, userId: number, decision: { verify: boolean; reason: string | null }, actor: Actor, clock: Clock, publicUrl: string): Promise<number | null | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(commissioners).set({
      status: decision.verify ? 'verified' : 'refused', verifiedAt: decision.verify ? clock.now() : null, verifiedBy: decision.verify ? actor.label : null, refusalReason: decision.reason,
    }).where(and(eq(commissioners.userId, userId), eq(commissioners.status, 'pending'))).returning();
    if (!row) return undefined;
    await recordAudit(tx, actor, { action: decision.verify ? 'commissioner.verify' : 'commissioner.refuse', entityType: 'commissioner', entityId: userId, summary: `${decision.verify ? 'Vérification' : 'Refus'} de la commanditaire « ${row.organizationName} »` }, clock);
    return emailTo(tx, userId, `commissioner_decision:${userId}:${clock.now().getTime()}`, decisionEmail({ what: 'commissioner', accepted: decision.verify, reason: decision.reason, publicUrl }));
  });
}

export async function isBlocked(db: Database, photographerId: number, senderId: number): Promise<boolean> {
  const [row] = await db.select({ id: directoryBlocks.senderId }).from(directoryBlocks).where(and(eq(directoryBlocks.photographerId, photographerId), eq(directoryBlocks.senderId, senderId)));
  return row !== undefined;
}

export type ContactOutcome = { ok: true; emailIds: (number | null)[] } | { ok: false; message: string };

/**
 * A verified commissioner writes to a photographer. The message is relayed by email with the
 * commissioner's address as Reply-To: the photographer's address is revealed only if she replies.
 */
export async function sendContact(
  db: Database, sender: { userId: number; email: string; organization: string }, photographer: { userId: number; displayName: string }, input: { subject: string; body: string }, clock: Clock, publicUrl: string,
): Promise<ContactOutcome> {
  if (await isBlocked(db, photographer.userId, sender.userId)) return { ok: false, message: 'Cette photographe ne souhaite plus recevoir vos messages.' };
  const now = clock.now();
  const token = randomToken();
  return db.transaction(async (tx) => {
    const [message] = await tx.insert(directoryMessages).values({ senderId: sender.userId, photographerId: photographer.userId, subject: input.subject, body: input.body, tokenHash: hashToken(token), createdAt: now })
      .returning({ id: directoryMessages.id });
    const relayed = await emailTo(tx, photographer.userId, `directory_message:${message!.id}`, relayedMessageEmail({
      organization: sender.organization, subject: input.subject, body: input.body, manageLink: `${publicUrl}/annuaire/message/${token}`, publicUrl,
    }), { 'Reply-To': sender.email });
    const copy = await queueEmail(tx, { idempotencyKey: `directory_message_copy:${message!.id}`, recipient: sender.email, purpose: 'directory_message_copy', ...messageSentCopyEmail({ photographer: photographer.displayName, subject: input.subject, publicUrl }) });
    return { ok: true as const, emailIds: [relayed, copy] };
  });
}

/** The message behind the photographer's private link (report, block), or null. */
export async function messageByToken(db: Database, token: string) {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db.select({ message: directoryMessages, organization: commissioners.organizationName }).from(directoryMessages)
    .leftJoin(commissioners, eq(commissioners.userId, directoryMessages.senderId)).where(eq(directoryMessages.tokenHash, hashToken(token)));
  return row ?? null;
}

export async function reportMessage(db: Database, messageId: number, reporterId: number | null, reason: string, clock: Clock): Promise<void> {
  await db.insert(connectionReports).values({ kind: 'message', targetId: messageId, reporterId, reason, createdAt: clock.now() });
}

export async function blockSender(db: Database, photographerId: number, senderId: number, clock: Clock): Promise<void> {
  await db.insert(directoryBlocks).values({ photographerId, senderId, createdAt: clock.now() }).onConflictDoNothing();
}

/** 30 days after a contact, each side gets the one-question survey (once). */
export async function sendContactSurveys(db: Database, clock: Clock, publicUrl: string): Promise<(number | null)[]> {
  const now = clock.now();
  const due = await db.select().from(directoryMessages).where(and(isNull(directoryMessages.surveySentAt), lte(directoryMessages.createdAt, new Date(now.getTime() - SURVEY_AFTER_DAYS * DAY_MS))));
  const emailIds: (number | null)[] = [];
  for (const message of due) {
    await db.transaction(async (tx) => {
      const [claimed] = await tx.update(directoryMessages).set({ surveySentAt: now }).where(and(eq(directoryMessages.id, message.id), isNull(directoryMessages.surveySentAt))).returning();
      if (!claimed) return;
      for (const [side, userId] of [['commissioner', message.senderId], ['photographer', message.photographerId]] as const) {
        if (userId === null) continue;
        const token = randomToken();
        await tx.insert(contactSurveys).values({ messageId: message.id, side, tokenHash: hashToken(token) });
        emailIds.push(await emailTo(tx, userId, `contact_survey:${message.id}:${side}`, contactSurveyEmail({ link: `${publicUrl}/annuaire/enquete/${token}`, side, publicUrl })));
      }
    });
  }
  return emailIds;
}

export async function surveyByToken(db: Database, token: string) {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db.select().from(contactSurveys).where(eq(contactSurveys.tokenHash, hashToken(token)));
  return row ?? null;
}

export async function answerContactSurvey(db: Database, surveyId: number, ledToWork: boolean, clock: Clock): Promise<void> {
  await db.update(contactSurveys).set({ ledToWork, answeredAt: clock.now() }).where(eq(contactSurveys.id, surveyId));
}

/** Totals only, for the public statistics: never an individual answer. */
export async function contactOutcomes(db: Database): Promise<{ contacts: number; answers: number; ledToWork: number }> {
  const [row] = await db.select({
    contacts: sql<number>`(SELECT count(*)::int FROM directory_messages)`,
    answers: sql<number>`count(*) FILTER (WHERE ${contactSurveys.answeredAt} IS NOT NULL)::int`,
    ledToWork: sql<number>`count(*) FILTER (WHERE ${contactSurveys.ledToWork})::int`,
  }).from(contactSurveys);
  return { contacts: Number(row?.contacts ?? 0), answers: Number(row?.answers ?? 0), ledToWork: Number(row?.ledToWork ?? 0) };
}
