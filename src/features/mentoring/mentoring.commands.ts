import { and, count, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  type MentorProfileRow, connectionReports, mentorProfiles, mentoringRequests, mentorshipSurveys, mentorships, users,
} from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EmailContent } from '../../platform/email/email-content.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { type Actor, recordAudit } from '../audit/audit.commands.ts';
import {
  mentorPausedEmail, newRequestEmail, profileDecisionEmail, requestAnsweredEmail, requestExpiredEmail, requestReminderEmail,
} from './mentoring.emails.tsx';
import type { MentorProfileInput } from './mentoring.schema.ts';
import { EXPIRIES_BEFORE_PAUSE, EXPIRY_DAYS, MAX_PENDING_REQUESTS, PAUSE_WINDOW_DAYS, REMINDER_DAYS } from './mentoring.vocabulary.ts';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
const DAY_MS = 86_400_000;

async function emailUser(tx: Tx | Database, userId: number, key: string, content: EmailContent): Promise<number | null> {
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  return queueEmail(tx, { idempotencyKey: key, recipient: user.email, purpose: key.split(':')[0]!, ...content });
}

/** Creating or editing a profile sends it (back) to moderation: nothing public without review. */
export async function saveMentorProfile(db: Database, userId: number, input: MentorProfileInput, clock: Clock): Promise<void> {
  const now = clock.now();
  await db.insert(mentorProfiles).values({ userId, ...input, status: 'pending', createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: mentorProfiles.userId, set: { ...input, status: 'pending', refusalReason: null, updatedAt: now } });
}

/** Turning availability back on also lifts an automatic pause. */
export async function setAvailability(db: Database, userId: number, available: boolean, clock: Clock): Promise<void> {
  const now = clock.now();
  await db.update(mentorProfiles).set({ available, ...(available ? { pausedAt: null, availableSince: now } : {}), updatedAt: now }).where(eq(mentorProfiles.userId, userId));
}

export async function activeMentorshipCount(db: Database | Tx, mentorId: number): Promise<number> {
  const [row] = await db.select({ value: count() }).from(mentorships).where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.status, 'active')));
  return row?.value ?? 0;
}

export type RequestOutcome = { ok: true; emailId: number | null } | { ok: false; message: string; notFound?: true };

/**
 * A mentee writes to a mentor. At most MAX_PENDING_REQUESTS pending at once: the count and the
 * insert happen under a lock on her account row, so simultaneous requests cannot slip past it.
 */
export async function requestMentoring(db: Database, mentor: MentorProfileRow, menteeId: number, note: string, clock: Clock, publicUrl: string): Promise<RequestOutcome> {
  if (mentor.userId === menteeId) return { ok: false, message: 'Vous ne pouvez pas vous demander un mentorat à vous-même.' };
  const now = clock.now();
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM users WHERE id = ${menteeId} FOR UPDATE`);
    const [current] = await tx.select().from(mentorProfiles).where(eq(mentorProfiles.id, mentor.id));
    if (!current || current.status !== 'published' || !current.available || current.pausedAt) return { ok: false as const, message: 'Cette mentore ne prend pas de nouvelle demande pour le moment.' };
    if ((await activeMentorshipCount(tx, mentor.id)) >= current.capacity) return { ok: false as const, message: 'Cette mentore accompagne déjà autant de personnes qu’elle le peut.' };
    const [pending] = await tx.select({ value: count() }).from(mentoringRequests).where(and(eq(mentoringRequests.menteeId, menteeId), eq(mentoringRequests.status, 'pending')));
    if ((pending?.value ?? 0) >= MAX_PENDING_REQUESTS) return { ok: false as const, message: `Vous avez déjà ${MAX_PENDING_REQUESTS} demandes en attente : attendez une réponse, ou retirez-en une depuis votre espace.` };
    const [already] = await tx.select({ id: mentoringRequests.id }).from(mentoringRequests)
      .where(and(eq(mentoringRequests.menteeId, menteeId), eq(mentoringRequests.mentorId, mentor.id), eq(mentoringRequests.status, 'pending')));
    if (already) return { ok: false as const, message: 'Vous avez déjà une demande en attente auprès de cette mentore.' };
    const [request] = await tx.insert(mentoringRequests).values({ mentorId: mentor.id, menteeId, note, createdAt: now }).returning({ id: mentoringRequests.id });
    const [mentee] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, menteeId));
    const emailId = await emailUser(tx, mentor.userId, `mentoring_request:${request!.id}`, newRequestEmail({ menteeName: mentee?.displayName ?? 'Une photographe', note, publicUrl }));
    return { ok: true as const, emailId };
  });
}

export async function withdrawRequest(db: Database, requestId: number, menteeId: number): Promise<boolean> {
  const rows = await db.update(mentoringRequests).set({ status: 'withdrawn' })
    .where(and(eq(mentoringRequests.id, requestId), eq(mentoringRequests.menteeId, menteeId), eq(mentoringRequests.status, 'pending'))).returning({ id: mentoringRequests.id });
  return rows.length > 0;
}

export async function answerRequest(db: Database, requestId: number, mentorUserId: number, answer: { accept: boolean; message: string | null }, clock: Clock, publicUrl: string): Promise<RequestOutcome> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ request: mentoringRequests, mentor: mentorProfiles }).from(mentoringRequests).innerJoin(mentorProfiles, eq(mentorProfiles.id, mentoringRequests.mentorId))
      .where(and(eq(mentoringRequests.id, requestId), eq(mentorProfiles.userId, mentorUserId)));
    // Someone else's request is not hers to know about: the same answer as a request that does not exist.
    if (!row) return { ok: false as const, notFound: true as const, message: 'Demande introuvable.' };
    if (row.request.status !== 'pending') return { ok: false as const, message: 'Cette demande n’attend plus de réponse.' };
    if (answer.accept && (await activeMentorshipCount(tx, row.mentor.id)) >= row.mentor.capacity) {
      return { ok: false as const, message: 'Vous accompagnez déjà autant de personnes que votre capacité : augmentez-la ou terminez un mentorat avant d’accepter.' };
    }
    await tx.update(mentoringRequests).set({ status: answer.accept ? 'accepted' : 'declined', answeredAt: now, responseMessage: answer.message }).where(eq(mentoringRequests.id, requestId));
    if (answer.accept) await tx.insert(mentorships).values({ requestId, mentorId: row.mentor.id, menteeId: row.request.menteeId, startedAt: now });
    const emailId = await emailUser(tx, row.request.menteeId, `mentoring_answer:${requestId}`, requestAnsweredEmail({ mentorName: row.mentor.displayName, accepted: answer.accept, message: answer.message, publicUrl }));
    return { ok: true as const, emailId };
  });
}

/**
 * The mentoring clock (hourly): reminders to the mentor on day 3 and day 10, expiry on day 14
 * (the mentee is told, her slot freed), and an automatic pause for a mentor who let requests
 * expire EXPIRIES_BEFORE_PAUSE times within PAUSE_WINDOW_DAYS.
 */
export async function runMentoringClock(db: Database, clock: Clock, publicUrl: string): Promise<{ reminders: number; expired: number; paused: number; emailIds: (number | null)[] }> {
  const now = clock.now();
  const emailIds: (number | null)[] = [];
  let reminders = 0;
  let expired = 0;
  let paused = 0;
  const pending = await db.select({ request: mentoringRequests, mentor: mentorProfiles }).from(mentoringRequests)
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, mentoringRequests.mentorId)).where(eq(mentoringRequests.status, 'pending'));
  for (const { request, mentor } of pending) {
    const age = (now.getTime() - request.createdAt.getTime()) / DAY_MS;
    if (age >= EXPIRY_DAYS) {
      await db.transaction(async (tx) => {
        const rows = await tx.update(mentoringRequests).set({ status: 'expired' }).where(and(eq(mentoringRequests.id, request.id), eq(mentoringRequests.status, 'pending'))).returning({ id: mentoringRequests.id });
        if (rows.length === 0) return;
        emailIds.push(await emailUser(tx, request.menteeId, `mentoring_expired:${request.id}`, requestExpiredEmail({ mentorName: mentor.displayName, publicUrl })));
      });
      expired += 1;
      continue;
    }
    const which = age >= REMINDER_DAYS[1] && !request.secondReminderAt ? 'second' : age >= REMINDER_DAYS[0] && !request.firstReminderAt ? 'first' : null;
    if (!which) continue;
    await db.update(mentoringRequests).set(which === 'second' ? { secondReminderAt: now, firstReminderAt: request.firstReminderAt ?? now } : { firstReminderAt: now }).where(eq(mentoringRequests.id, request.id));
    emailIds.push(await emailUser(db, mentor.userId, `mentoring_reminder_${which}:${request.id}`, requestReminderEmail({ daysLeft: Math.ceil(EXPIRY_DAYS - age), publicUrl })));
    reminders += 1;
  }

  const since = new Date(now.getTime() - PAUSE_WINDOW_DAYS * DAY_MS);
  const careless = await db.select({ mentorId: mentoringRequests.mentorId, value: count() }).from(mentoringRequests)
    .innerJoin(mentorProfiles, eq(mentorProfiles.id, mentoringRequests.mentorId))
    .where(and(
      eq(mentoringRequests.status, 'expired'), gte(mentoringRequests.createdAt, new Date(since.getTime() - EXPIRY_DAYS * DAY_MS)),
      gte(mentoringRequests.createdAt, mentorProfiles.availableSince), isNull(mentorProfiles.pausedAt),
    ))
    .groupBy(mentoringRequests.mentorId);
  for (const row of careless.filter((item) => item.value >= EXPIRIES_BEFORE_PAUSE)) {
    const [mentor] = await db.update(mentorProfiles).set({ pausedAt: now, available: false, updatedAt: now })
      .where(and(eq(mentorProfiles.id, row.mentorId), isNull(mentorProfiles.pausedAt))).returning();
    if (!mentor) continue;
    emailIds.push(await emailUser(db, mentor.userId, `mentoring_paused:${mentor.id}:${now.getTime()}`, mentorPausedEmail({ publicUrl })));
    paused += 1;
  }
  return { reminders, expired, paused, emailIds };
}

export async function endMentorship(db: Database, mentorshipId: number, userId: number, outcome: 'completed' | 'stopped', clock: Clock): Promise<boolean> {
  const [row] = await db.select({ mentorship: mentorships, mentorUserId: mentorProfiles.userId }).from(mentorships).innerJoin(mentorProfiles, eq(mentorProfiles.id, mentorships.mentorId))
    .where(eq(mentorships.id, mentorshipId));
  if (!row || row.mentorship.status !== 'active' || (row.mentorship.menteeId !== userId && row.mentorUserId !== userId)) return false;
  await db.update(mentorships).set({ status: outcome, endedAt: clock.now() }).where(eq(mentorships.id, mentorshipId));
  return true;
}

export async function answerSurvey(db: Database, mentorshipId: number, userId: number, answer: { helped: boolean; recommend: boolean }, clock: Clock): Promise<void> {
  await db.insert(mentorshipSurveys).values({ mentorshipId, userId, ...answer, createdAt: clock.now() }).onConflictDoNothing();
}

export async function reportMentorship(db: Database, mentorshipId: number, reporterId: number, reason: string, clock: Clock): Promise<void> {
  await db.insert(connectionReports).values({ kind: 'mentorship', targetId: mentorshipId, reporterId, reason, createdAt: clock.now() });
}

export async function decideMentorProfile(db: Database, profileId: number, decision: { publish: boolean; reason: string | null }, actor: Actor, clock: Clock, publicUrl: string): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [profile] = await tx.update(mentorProfiles).set({ status: decision.publish ? 'published' : 'refused', refusalReason: decision.reason, updatedAt: clock.now() })
      .where(and(eq(mentorProfiles.id, profileId), eq(mentorProfiles.status, 'pending'))).returning();
    if (!profile) return null;
    await recordAudit(tx, actor, { action: decision.publish ? 'mentor_profile.publish' : 'mentor_profile.refuse', entityType: 'mentor_profile', entityId: profileId, summary: `${decision.publish ? 'Publication' : 'Refus'} du profil de mentore « ${profile.displayName} »` }, clock);
    return emailUser(tx, profile.userId, `mentor_profile_${decision.publish ? 'published' : 'refused'}:${profileId}:${clock.now().getTime()}`, profileDecisionEmail({ published: decision.publish, reason: decision.reason, publicUrl }));
  });
}

/** "Signaler un problème" (mentorships) and reported relayed messages share one table and one action. */
export async function resolveConnectionReport(db: Database, id: number, kind: 'mentorship' | 'message', actor: Actor, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(connectionReports).set({ status: 'resolved', resolvedAt: clock.now() })
      .where(and(eq(connectionReports.id, id), eq(connectionReports.kind, kind), eq(connectionReports.status, 'open'))).returning();
    if (!row) return false;
    await recordAudit(tx, actor, { action: `${kind}_report.resolve`, entityType: 'connection_report', entityId: id, summary: 'Signalement traité (mise en relation)' }, clock);
    return true;
  });
}
