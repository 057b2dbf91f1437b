import { and, eq, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  type ReadinessLevel, type ReviewRequestRow, type ReviewRow, type ScoreParts, reviewPairs, reviewReports, reviewRequests, reviews, users,
} from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import type { EmailContent } from '../../platform/email/email-content.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import type { Storage } from '../../platform/storage.ts';
import { hashToken, randomToken } from '../../platform/tokens.ts';
import { type Actor, recordAudit } from '../audit/audit.commands.ts';
import { type Match, matchRequests, pairKey } from './matching.ts';
import { droppedEmail, feedbackReleasedEmail, newLinkEmail, pairedEmail, reminderEmail, requeuedEmail } from './peer-review.emails.tsx';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export const REVIEW_DAYS = 14;
export const FIRST_REMINDER_DAY = 7;
export const SECOND_REMINDER_DAY = 12;
/** The day after the deadline, a partner who has not answered is dropped. */
export const DROP_DAY = REVIEW_DAYS + 1;
const DAY_MS = 86_400_000;

export const reviewLink = (publicUrl: string, token: string) => `${publicUrl}/revue-de-dossier/relecture/${token}`;
export const requestLink = (publicUrl: string, requestId: number) => `${publicUrl}/revue-de-dossier/mes-demandes/${requestId}`;
const dueOn = (dueAt: Date) => formatFrenchDate(parisDate(dueAt));

async function emailUserOf(tx: Tx, requestId: number, key: string, content: EmailContent): Promise<number | null> {
  const [row] = await tx.select({ email: users.email }).from(reviewRequests).innerJoin(users, eq(users.id, reviewRequests.userId)).where(eq(reviewRequests.id, requestId));
  if (!row) return null;
  return queueEmail(tx, { idempotencyKey: key, recipient: row.email, purpose: key.split(':')[0]!, ...content });
}

export interface DossierFile {
  content: Buffer;
  fileName: string;
}

export interface RequestInput {
  targetKind: string | null;
  opportunityId: number | null;
  targetDeadline: string | null;
  disciplines: string[];
  languages: string[];
  careerStage: string | null;
  messageToPartner: string | null;
  alsoVolunteer: boolean;
}

export type SubmitOutcome = { ok: true; requestId: number } | { ok: false; message: string };

/** One request of each kind open at a time: a second dossier would pair her twice at once. */
async function hasOpen(db: Database | Tx, userId: number, kind: 'dossier' | 'volunteer'): Promise<boolean> {
  const [row] = await db.select({ id: reviewRequests.id }).from(reviewRequests)
    .where(and(eq(reviewRequests.userId, userId), eq(reviewRequests.kind, kind), inArray(reviewRequests.status, ['waiting', 'paired'])));
  return row !== undefined;
}

export async function submitDossier(db: Database, storage: Storage, userId: number, input: RequestInput, file: DossierFile, clock: Clock): Promise<SubmitOutcome> {
  if (await hasOpen(db, userId, 'dossier')) return { ok: false, message: 'Vous avez déjà une demande en cours : attendez son retour, ou annulez-la depuis « Mes demandes ».' };
  // The key says nothing about the person or the request, and is never shown.
  const fileKey = `revue-de-dossier/${randomToken(18).toLowerCase().replace(/[^a-z0-9]/g, '')}.pdf`;
  await storage.put(fileKey, file.content);
  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(reviewRequests).values({
        userId, kind: 'dossier', targetKind: input.targetKind, opportunityId: input.opportunityId, targetDeadline: input.targetDeadline, disciplines: input.disciplines,
        languages: input.languages, careerStage: input.careerStage, messageToPartner: input.messageToPartner, fileKey, fileName: file.fileName, fileSize: file.content.length,
        waitingSince: now, rulesAcceptedAt: now, createdAt: now,
      }).returning({ id: reviewRequests.id });
      if (input.alsoVolunteer && !(await hasOpen(tx, userId, 'volunteer'))) {
        await tx.insert(reviewRequests).values({ userId, kind: 'volunteer', disciplines: input.disciplines, languages: input.languages, careerStage: input.careerStage, waitingSince: now, rulesAcceptedAt: now, createdAt: now });
      }
      return { ok: true as const, requestId: row!.id };
    });
  } catch (error) {
    await storage.delete(fileKey);
    throw error;
  }
}

export async function volunteer(db: Database, userId: number, input: { disciplines: string[]; languages: string[]; careerStage: string | null }, clock: Clock): Promise<SubmitOutcome> {
  if (await hasOpen(db, userId, 'volunteer')) return { ok: false, message: 'Vous êtes déjà inscrite pour relire : nous vous écrirons dès qu’un dossier vous attend.' };
  const now = clock.now();
  const [row] = await db.insert(reviewRequests).values({ userId, kind: 'volunteer', ...input, waitingSince: now, rulesAcceptedAt: now, createdAt: now }).returning({ id: reviewRequests.id });
  return { ok: true, requestId: row!.id };
}

/** A waiting request can be withdrawn; its file goes at once. */
export async function cancelRequest(db: Database, storage: Storage, request: ReviewRequestRow, clock: Clock): Promise<boolean> {
  const [row] = await db.update(reviewRequests).set({ status: 'cancelled', closedAt: clock.now(), fileKey: null })
    .where(and(eq(reviewRequests.id, request.id), eq(reviewRequests.status, 'waiting'))).returning({ id: reviewRequests.id });
  if (!row) return false;
  if (request.fileKey) await storage.delete(request.fileKey);
  return true;
}

/** Creates a pair and its reviews (one per direction with a dossier to read); returns the emails to send. */
async function createPair(tx: Tx, a: ReviewRequestRow, b: ReviewRequestRow, options: { score: ScoreParts | null; pairedBy: string; now: Date; publicUrl: string }): Promise<(number | null)[]> {
  const [pair] = await tx.insert(reviewPairs).values({
    requestAId: a.id, requestBId: b.id, userLowId: Math.min(a.userId, b.userId), userHighId: Math.max(a.userId, b.userId),
    scoreParts: options.score, pairedBy: options.pairedBy, pairedAt: options.now,
  }).returning({ id: reviewPairs.id });
  await tx.update(reviewRequests).set({ status: 'paired', pairedAt: options.now, priority: false }).where(inArray(reviewRequests.id, [a.id, b.id]));
  const dueAt = new Date(options.now.getTime() + REVIEW_DAYS * DAY_MS);
  const emailIds: (number | null)[] = [];
  // Each reads the other's dossier; a volunteer has none to be read.
  for (const [reviewer, reviewee] of [[a, b], [b, a]] as const) {
    if (reviewee.kind !== 'dossier') continue;
    const token = randomToken();
    const [review] = await tx.insert(reviews).values({ pairId: pair!.id, reviewerRequestId: reviewer.id, revieweeRequestId: reviewee.id, tokenHash: hashToken(token), dueAt })
      .returning({ id: reviews.id });
    emailIds.push(await emailUserOf(tx, reviewer.id, `peer_review_paired:${review!.id}`, pairedEmail({ link: reviewLink(options.publicUrl, token), dueOn: dueOn(dueAt), volunteer: reviewer.kind === 'volunteer', publicUrl: options.publicUrl })));
  }
  return emailIds;
}

export async function pastPairKeys(db: Database | Tx): Promise<string[]> {
  const rows = await db.select({ low: reviewPairs.userLowId, high: reviewPairs.userHighId }).from(reviewPairs).where(and(isNotNull(reviewPairs.userLowId), isNotNull(reviewPairs.userHighId)));
  return rows.map((row) => pairKey(row.low!, row.high!));
}

/** Runs the engine over the queue and creates the pairs it chose. */
export async function runMatching(db: Database, clock: Clock, publicUrl: string): Promise<{ pairs: number; emailIds: (number | null)[] }> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    // One matching at a time across processes: the second waits, then sees the first one's pairs.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(4242001)`);
    const waiting = await tx.select().from(reviewRequests).where(eq(reviewRequests.status, 'waiting'));
    const matches: Match[] = matchRequests({
      waiting: waiting.map((request) => ({
        id: request.id, userId: request.userId, kind: request.kind, disciplines: request.disciplines, languages: request.languages, targetKind: request.targetKind,
        deadline: request.targetDeadline, waitingSince: request.waitingSince, priority: request.priority,
      })),
      pastPairs: await pastPairKeys(tx),
      now,
    });
    const byId = new Map(waiting.map((request) => [request.id, request]));
    const emailIds: (number | null)[] = [];
    for (const match of matches) {
      emailIds.push(...await createPair(tx, byId.get(match.a)!, byId.get(match.b)!, { score: match.score, pairedBy: 'Appariement automatique', now, publicUrl }));
    }
    return { pairs: matches.length, emailIds };
  });
}

export type ManualPairOutcome = { ok: true; emailIds: (number | null)[] } | { ok: false; message: string };

/** A moderator pairs two waiting requests herself; the hard rules still hold. */
export async function pairManually(db: Database, requestIds: [number, number], actor: Actor, clock: Clock, publicUrl: string): Promise<ManualPairOutcome> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(reviewRequests).where(and(inArray(reviewRequests.id, requestIds), eq(reviewRequests.status, 'waiting')));
    const [a, b] = requestIds.map((id) => rows.find((row) => row.id === id));
    if (!a || !b || a.id === b.id) return { ok: false as const, message: 'Choisissez deux demandes différentes, toutes deux en attente.' };
    if (a.kind === 'volunteer' && b.kind === 'volunteer') return { ok: false as const, message: 'Deux bénévoles n’ont pas de dossier à se faire relire.' };
    if (a.userId === b.userId) return { ok: false as const, message: 'Ces deux demandes sont de la même personne.' };
    if (!a.languages.some((language) => b.languages.includes(language))) return { ok: false as const, message: 'Ces deux personnes n’ont pas de langue en commun.' };
    if ((await pastPairKeys(tx)).includes(pairKey(a.userId, b.userId))) return { ok: false as const, message: 'Ces deux personnes ont déjà été partenaires.' };
    const [first, second] = a.kind === 'dossier' ? [a, b] : [b, a];
    const emailIds = await createPair(tx, first, second, { score: null, pairedBy: actor.label, now, publicUrl });
    await recordAudit(tx, actor, { action: 'peer_review.pair', entityType: 'review_request', entityId: `${first.id},${second.id}`, summary: `Appariement manuel des demandes ${first.id} et ${second.id}` }, clock);
    return { ok: true as const, emailIds };
  });
}

/** A moderator undoes a pair: both go back to the head of the queue (never paired together again). */
export async function unpair(db: Database, pairId: number, actor: Actor, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [pair] = await tx.update(reviewPairs).set({ status: 'closed', closedAt: clock.now() }).where(and(eq(reviewPairs.id, pairId), eq(reviewPairs.status, 'active'))).returning();
    if (!pair) return false;
    await tx.update(reviews).set({ status: 'dropped' }).where(and(eq(reviews.pairId, pairId), eq(reviews.status, 'assigned')));
    await tx.update(reviewRequests).set({ status: 'waiting', priority: true, pairedAt: null }).where(inArray(reviewRequests.id, [pair.requestAId, pair.requestBId]));
    await recordAudit(tx, actor, { action: 'peer_review.unpair', entityType: 'review_pair', entityId: pairId, summary: `Désappariement des demandes ${pair.requestAId} et ${pair.requestBId}` }, clock);
    return true;
  });
}

export interface RubricAnswer {
  strengths: string;
  improvements: string;
  advice: string;
  readiness: ReadinessLevel;
  mediaUrl: string | null;
}

/** Files a review; when every review of the pair is in, the feedback is released to both. */
export async function submitReview(db: Database, storage: Storage, review: ReviewRow, answer: RubricAnswer, attachment: DossierFile | null, clock: Clock, publicUrl: string): Promise<{ ok: boolean; emailIds: (number | null)[] }> {
  const attachmentKey = attachment ? `revue-de-dossier/retours/${randomToken(18).toLowerCase().replace(/[^a-z0-9]/g, '')}.pdf` : null;
  if (attachment && attachmentKey) await storage.put(attachmentKey, attachment.content);
  const now = clock.now();
  const outcome = await db.transaction(async (tx) => {
    const [updated] = await tx.update(reviews).set({
      ...answer, attachmentKey, attachmentName: attachment?.fileName ?? null, status: 'submitted', submittedAt: now,
    }).where(and(eq(reviews.id, review.id), eq(reviews.status, 'assigned'))).returning({ id: reviews.id });
    if (!updated) return { ok: false, emailIds: [] };
    const open = await tx.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.pairId, review.pairId), eq(reviews.status, 'assigned')));
    return { ok: true, emailIds: open.length === 0 ? await release(tx, review.pairId, now, publicUrl) : [] };
  });
  if (!outcome.ok && attachmentKey) await storage.delete(attachmentKey);
  return outcome;
}

async function release(tx: Tx, pairId: number, now: Date, publicUrl: string): Promise<(number | null)[]> {
  const [pair] = await tx.update(reviewPairs).set({ status: 'released', releasedAt: now }).where(and(eq(reviewPairs.id, pairId), eq(reviewPairs.status, 'active'))).returning();
  if (!pair) return [];
  await tx.update(reviewRequests).set({ status: 'done', closedAt: now }).where(inArray(reviewRequests.id, [pair.requestAId, pair.requestBId]));
  const submitted = await tx.select({ id: reviews.id, revieweeRequestId: reviews.revieweeRequestId }).from(reviews).where(and(eq(reviews.pairId, pairId), eq(reviews.status, 'submitted')));
  const emailIds: (number | null)[] = [];
  for (const review of submitted) {
    emailIds.push(await emailUserOf(tx, review.revieweeRequestId, `peer_review_released:${review.id}`, feedbackReleasedEmail({ link: requestLink(publicUrl, review.revieweeRequestId), publicUrl })));
  }
  return emailIds;
}

/**
 * The clock of the peer review, run every hour: reminders on day 7 and day 12 to whoever has
 * not answered, and on day 15 the partner who has not answered is dropped (her request closes)
 * while the other goes back to the head of the queue.
 */
export async function runDeadlines(db: Database, clock: Clock, publicUrl: string): Promise<{ reminders: number; dropped: number; emailIds: (number | null)[] }> {
  const now = clock.now();
  const emailIds: (number | null)[] = [];
  let reminders = 0;
  let dropped = 0;
  const open = await db.select({ review: reviews, pairedAt: reviewPairs.pairedAt }).from(reviews).innerJoin(reviewPairs, eq(reviewPairs.id, reviews.pairId))
    .where(and(eq(reviews.status, 'assigned'), eq(reviewPairs.status, 'active')));
  for (const { review, pairedAt } of open) {
    const day = (now.getTime() - pairedAt.getTime()) / DAY_MS;
    if (day >= DROP_DAY) continue;
    const which = day >= SECOND_REMINDER_DAY && !review.secondReminderAt ? 'second' : day >= FIRST_REMINDER_DAY && !review.firstReminderAt ? 'first' : null;
    if (!which) continue;
    await db.transaction(async (tx) => {
      // A fresh link in each reminder: the first one is only in the first email, and only its hash is kept.
      const token = randomToken();
      await tx.update(reviews).set({ tokenHash: hashToken(token), ...(which === 'second' ? { secondReminderAt: now, firstReminderAt: review.firstReminderAt ?? now } : { firstReminderAt: now }) }).where(eq(reviews.id, review.id));
      const daysLeft = Math.max(1, Math.ceil((review.dueAt.getTime() - now.getTime()) / DAY_MS));
      emailIds.push(await emailUserOf(tx, review.reviewerRequestId, `peer_review_reminder_${which}:${review.id}`, reminderEmail({ link: reviewLink(publicUrl, token), dueOn: dueOn(review.dueAt), daysLeft, publicUrl })));
    });
    reminders += 1;
  }

  const late = await db.select({ id: reviewPairs.id }).from(reviewPairs).innerJoin(reviews, eq(reviews.pairId, reviewPairs.id))
    .where(and(eq(reviewPairs.status, 'active'), eq(reviews.status, 'assigned'), lte(reviewPairs.pairedAt, new Date(now.getTime() - DROP_DAY * DAY_MS))));
  for (const pairId of new Set(late.map((row) => row.id))) {
    await db.transaction(async (tx) => {
      const [pair] = await tx.update(reviewPairs).set({ status: 'closed', closedAt: now }).where(and(eq(reviewPairs.id, pairId), eq(reviewPairs.status, 'active'))).returning();
      if (!pair) return;
      const pairReviews = await tx.select().from(reviews).where(eq(reviews.pairId, pairId));
      const lateReviewers = new Set(pairReviews.filter((review) => review.status === 'assigned').map((review) => review.reviewerRequestId));
      await tx.update(reviews).set({ status: 'dropped' }).where(and(eq(reviews.pairId, pairId), eq(reviews.status, 'assigned')));
      for (const requestId of [pair.requestAId, pair.requestBId]) {
        if (lateReviewers.has(requestId)) {
          await tx.update(reviewRequests).set({ status: 'dropped', closedAt: now }).where(eq(reviewRequests.id, requestId));
          emailIds.push(await emailUserOf(tx, requestId, `peer_review_dropped:${requestId}`, droppedEmail({ publicUrl })));
          dropped += 1;
        } else {
          await tx.update(reviewRequests).set({ status: 'waiting', priority: true, pairedAt: null }).where(eq(reviewRequests.id, requestId));
          emailIds.push(await emailUserOf(tx, requestId, `peer_review_requeued:${pairId}:${requestId}`, requeuedEmail({ link: requestLink(publicUrl, requestId), publicUrl })));
        }
      }
    });
  }
  return { reminders, dropped, emailIds };
}

/** A new private link (the old one stops working), for a reviewer who lost the email. */
export async function resendReviewLink(db: Database, reviewId: number, clock: Clock, publicUrl: string): Promise<number | null> {
  return db.transaction(async (tx) => {
    const token = randomToken();
    const [review] = await tx.update(reviews).set({ tokenHash: hashToken(token) }).where(and(eq(reviews.id, reviewId), eq(reviews.status, 'assigned'))).returning();
    if (!review) return null;
    return emailUserOf(tx, review.reviewerRequestId, `peer_review_new_link:${review.id}:${clock.now().getTime()}`, newLinkEmail({ link: reviewLink(publicUrl, token), dueOn: dueOn(review.dueAt), publicUrl }));
  });
}

export async function rateFeedback(db: Database, reviewId: number, rating: { useful: boolean; kind: boolean; shareEmail: boolean }, clock: Clock): Promise<void> {
  await db.update(reviews).set({ ratedUseful: rating.useful ? 1 : 0, ratedKind: rating.kind ? 1 : 0, ratedAt: clock.now(), revieweeSharesEmail: rating.shareEmail }).where(eq(reviews.id, reviewId));
}

/** The reviewer's side of "share my address": she agrees on the reviews she wrote. */
export async function shareEmailAsReviewer(db: Database, reviewId: number, share: boolean): Promise<void> {
  await db.update(reviews).set({ reviewerSharesEmail: share }).where(eq(reviews.id, reviewId));
}

export async function reportFeedback(db: Database, reviewId: number, reason: string, clock: Clock): Promise<void> {
  await db.insert(reviewReports).values({ reviewId, reason, createdAt: clock.now() });
}

export async function resolveReviewReport(db: Database, reportId: number, actor: Actor, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(reviewReports).set({ status: 'resolved', resolvedAt: clock.now() }).where(and(eq(reviewReports.id, reportId), eq(reviewReports.status, 'open'))).returning();
    if (!row) return false;
    await recordAudit(tx, actor, { action: 'peer_review.report_resolve', entityType: 'review_report', entityId: reportId, summary: 'Signalement d’un retour de relecture traité' }, clock);
    return true;
  });
}

async function deleteFiles(storage: Storage, keys: (string | null)[]): Promise<void> {
  for (const key of keys) if (key) await storage.delete(key);
}

/**
 * Retention: the dossiers, attached files and written feedback of pairs finished more than
 * `days` days ago are deleted (the figures keep only dates, statuses and ratings).
 */
export async function purgeExpired(db: Database, storage: Storage, clock: Clock, days: number): Promise<number> {
  const limit = new Date(clock.now().getTime() - days * DAY_MS);
  const expired = await db.select().from(reviewPairs).where(and(isNull(reviewPairs.purgedAt), ne(reviewPairs.status, 'active'),
    or(lte(reviewPairs.releasedAt, limit), and(isNull(reviewPairs.releasedAt), lte(reviewPairs.closedAt, limit)))));
  for (const pair of expired) {
    const requestIds = [pair.requestAId, pair.requestBId];
    const keys = await db.transaction(async (tx) => {
      const requests = await tx.select({ id: reviewRequests.id, fileKey: reviewRequests.fileKey, status: reviewRequests.status }).from(reviewRequests).where(inArray(reviewRequests.id, requestIds));
      const pairReviews = await tx.select({ attachmentKey: reviews.attachmentKey }).from(reviews).where(eq(reviews.pairId, pair.id));
      // A request sent back to the queue keeps its dossier for its next partner.
      const finished = requests.filter((request) => request.status !== 'waiting' && request.status !== 'paired');
      if (finished.length) await tx.update(reviewRequests).set({ fileKey: null, messageToPartner: null }).where(inArray(reviewRequests.id, finished.map((request) => request.id)));
      await tx.update(reviews).set({ strengths: null, improvements: null, advice: null, mediaUrl: null, attachmentKey: null, attachmentName: null }).where(eq(reviews.pairId, pair.id));
      await tx.update(reviewPairs).set({ purgedAt: clock.now() }).where(eq(reviewPairs.id, pair.id));
      return [...finished.map((request) => request.fileKey), ...pairReviews.map((review) => review.attachmentKey)];
    });
    await deleteFiles(storage, keys);
  }
  return expired.length;
}

/**
 * Before an account is deleted: her files go at once, and anyone paired with her goes back to
 * the head of the queue. The rows themselves go with the account (foreign keys).
 */
export async function leavePeerReview(db: Database, storage: Storage, userId: number, clock: Clock): Promise<void> {
  const keys = await db.transaction(async (tx) => {
    const own = await tx.select({ id: reviewRequests.id, fileKey: reviewRequests.fileKey }).from(reviewRequests).where(eq(reviewRequests.userId, userId));
    const ownIds = own.map((request) => request.id);
    if (ownIds.length === 0) return [];
    const pairs = await tx.select().from(reviewPairs).where(and(eq(reviewPairs.status, 'active'), or(inArray(reviewPairs.requestAId, ownIds), inArray(reviewPairs.requestBId, ownIds))));
    for (const pair of pairs) {
      const partnerId = ownIds.includes(pair.requestAId) ? pair.requestBId : pair.requestAId;
      await tx.update(reviewPairs).set({ status: 'closed', closedAt: clock.now() }).where(eq(reviewPairs.id, pair.id));
      await tx.update(reviewRequests).set({ status: 'waiting', priority: true, pairedAt: null }).where(eq(reviewRequests.id, partnerId));
    }
    const attachments = await tx.select({ key: reviews.attachmentKey }).from(reviews)
      .where(or(inArray(reviews.reviewerRequestId, ownIds), inArray(reviews.revieweeRequestId, ownIds)));
    return [...own.map((request) => request.fileKey), ...attachments.map((row) => row.key)];
  });
  await deleteFiles(storage, keys);
}
