import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { type MentorProfileRow, mentorProfiles, mentoringRequests, mentorshipSurveys, mentorships, users } from '../../db/schema/index.ts';

export interface MentorSearch {
  specialty: string | null;
  topic: string | null;
  language: string | null;
  region: string | null;
  format: string | null;
}

export interface MentorCard extends MentorProfileRow {
  /** "répond en général sous N jours": median days to answer, null for a new mentor. */
  responseDays: number | null;
}

/**
 * Mentors who can take someone now: published, available, not paused, below capacity. A
 * mentor at capacity simply drops out of the results until a mentorship ends.
 */
export async function searchMentors(db: Database, search: MentorSearch): Promise<MentorCard[]> {
  const rows = await queryRows<{ id: number }>(db, sql`
    SELECT m.id FROM mentor_profiles m
    WHERE m.status = 'published' AND m.available AND m.paused_at IS NULL
      AND (SELECT count(*) FROM mentorships s WHERE s.mentor_id = m.id AND s.status = 'active') < m.capacity
      ${search.specialty ? sql`AND ${search.specialty} = ANY(m.specialties)` : sql``}
      ${search.topic ? sql`AND ${search.topic} = ANY(m.help_topics)` : sql``}
      ${search.language ? sql`AND ${search.language} = ANY(m.languages)` : sql``}
      ${search.format ? sql`AND ${search.format} = ANY(m.formats)` : sql``}
      ${search.region ? sql`AND (m.region = ${search.region} OR 'video' = ANY(m.formats))` : sql``}
    ORDER BY m.updated_at DESC, m.id
    LIMIT 200`);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => Number(row.id));
  const [profiles, times] = await Promise.all([db.select().from(mentorProfiles).where(inArray(mentorProfiles.id, ids)), responseDays(db, ids)]);
  return ids.map((id) => ({ ...profiles.find((profile) => profile.id === id)!, responseDays: times.get(id) ?? null }));
}

/** Median days between a request and the mentor’s answer (whole days, rounded up). */
export async function responseDays(db: Database, mentorIds: number[]): Promise<Map<number, number>> {
  if (mentorIds.length === 0) return new Map();
  const rows = await queryRows<{ mentor_id: number; days: number }>(db, sql`
    SELECT mentor_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at) / 86400) AS days
    FROM mentoring_requests
    WHERE answered_at IS NOT NULL AND mentor_id IN (${sql.join(mentorIds.map((id) => sql`${id}`), sql`, `)})
    GROUP BY mentor_id`);
  return new Map(rows.map((row) => [Number(row.mentor_id), Math.max(1, Math.ceil(Number(row.days)))]));
}

export async function publishedMentor(db: Database, id: number): Promise<MentorCard | null> {
  const [profile] = await db.select().from(mentorProfiles).where(and(eq(mentorProfiles.id, id), eq(mentorProfiles.status, 'published')));
  if (!profile) return null;
  return { ...profile, responseDays: (await responseDays(db, [id])).get(id) ?? null };
}

export async function mentorOf(db: Database, userId: number): Promise<MentorProfileRow | null> {
  const [profile] = await db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, userId));
  return profile ?? null;
}

export async function activeCount(db: Database, mentorId: number): Promise<number> {
  const [row] = await db.select({ value: sql<number>`count(*)::int` }).from(mentorships).where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.status, 'active')));
  return Number(row?.value ?? 0);
}

/** Her side of mentoring: requests sent and received, mentorships on both sides, her surveys. */
export async function myMentoring(db: Database, userId: number) {
  const profile = await mentorOf(db, userId);
  const [sent, received, asMentee, asMentor, surveys] = await Promise.all([
    db.select({ request: mentoringRequests, mentorName: mentorProfiles.displayName, mentorId: mentorProfiles.id }).from(mentoringRequests)
      .innerJoin(mentorProfiles, eq(mentorProfiles.id, mentoringRequests.mentorId)).where(eq(mentoringRequests.menteeId, userId)).orderBy(desc(mentoringRequests.createdAt)),
    profile ? db.select({ request: mentoringRequests, menteeName: users.displayName, menteeEmail: users.email }).from(mentoringRequests)
      .innerJoin(users, eq(users.id, mentoringRequests.menteeId)).where(eq(mentoringRequests.mentorId, profile.id)).orderBy(desc(mentoringRequests.createdAt)) : Promise.resolve([]),
    db.select({ mentorship: mentorships, partnerName: mentorProfiles.displayName, partnerEmail: users.email }).from(mentorships)
      .innerJoin(mentorProfiles, eq(mentorProfiles.id, mentorships.mentorId)).innerJoin(users, eq(users.id, mentorProfiles.userId)).where(eq(mentorships.menteeId, userId)).orderBy(desc(mentorships.startedAt)),
    profile ? db.select({ mentorship: mentorships, partnerName: users.displayName, partnerEmail: users.email }).from(mentorships)
      .innerJoin(users, eq(users.id, mentorships.menteeId)).where(eq(mentorships.mentorId, profile.id)).orderBy(desc(mentorships.startedAt)) : Promise.resolve([]),
    db.select({ mentorshipId: mentorshipSurveys.mentorshipId }).from(mentorshipSurveys).where(eq(mentorshipSurveys.userId, userId)),
  ]);
  return { profile, sent, received, asMentee, asMentor, surveyed: new Set(surveys.map((survey) => survey.mentorshipId)), activeAsMentor: profile ? await activeCount(db, profile.id) : 0 };
}

export async function pendingMentorProfiles(db: Database) {
  return db.select({ profile: mentorProfiles, email: users.email }).from(mentorProfiles).innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(eq(mentorProfiles.status, 'pending')).orderBy(mentorProfiles.updatedAt);
}

export async function pausedMentors(db: Database) {
  return db.select({ profile: mentorProfiles, email: users.email }).from(mentorProfiles).innerJoin(users, eq(users.id, mentorProfiles.userId))
    .where(sql`${mentorProfiles.pausedAt} IS NOT NULL`).orderBy(desc(mentorProfiles.pausedAt));
}

export async function mentoringFigures(db: Database) {
  const [row] = await queryRows<{ mentors: number; requests: number; accepted: number; expired: number; active: number; completed: number; helped: number | null; recommend: number | null }>(db, sql`
    SELECT
      (SELECT count(*)::int FROM mentor_profiles WHERE status = 'published') AS mentors,
      (SELECT count(*)::int FROM mentoring_requests) AS requests,
      (SELECT count(*)::int FROM mentoring_requests WHERE status = 'accepted') AS accepted,
      (SELECT count(*)::int FROM mentoring_requests WHERE status = 'expired') AS expired,
      (SELECT count(*)::int FROM mentorships WHERE status = 'active') AS active,
      (SELECT count(*)::int FROM mentorships WHERE status = 'completed') AS completed,
      (SELECT avg(helped::int)::float8 FROM mentorship_surveys) AS helped,
      (SELECT avg(recommend::int)::float8 FROM mentorship_surveys) AS recommend`);
  return row!;
}
