import { and, count, desc, eq, gte, ilike, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import {
  auditLog, emails, importRuns, opportunities, opportunityFeedback, opportunityReports, parityDeclarations, resources, users,
} from '../../db/schema/index.ts';
import type { OpportunityStatus } from '../opportunities/opportunity.vocabulary.ts';
import type { IsoDate } from '../../platform/dates.ts';

export interface LikelyDuplicate {
  id: number;
  slug: string;
  title: string;
  organizer: string;
  status: OpportunityStatus;
  score: number;
}

/**
 * Items that look like this one (trigram similarity of title and organizer, accents ignored),
 * shown beside a suggestion so a moderator does not publish the same prize twice.
 */
export async function findLikelyDuplicates(db: Database, opportunity: { id: number; title: string; organizer: string }, limit = 5): Promise<LikelyDuplicate[]> {
  const title = sql`lower(immutable_unaccent(${opportunity.title}))`;
  const organizer = sql`lower(immutable_unaccent(${opportunity.organizer}))`;
  const rows = await queryRows<{ id: number; slug: string; title: string; organizer: string; status: OpportunityStatus; score: number }>(db, sql`
    SELECT id, slug, title, organizer, status,
      0.7 * similarity(lower(immutable_unaccent(title)), ${title}) + 0.3 * similarity(lower(immutable_unaccent(organizer)), ${organizer}) AS score
    FROM opportunities
    WHERE id <> ${opportunity.id} AND status IN ('published', 'in_review', 'draft')
      AND (lower(immutable_unaccent(title)) % ${title} OR word_similarity(${title}, lower(immutable_unaccent(title))) > 0.6)
    ORDER BY score DESC, id
    LIMIT ${limit}`);
  return rows.map((row) => ({ ...row, id: Number(row.id), score: Number(row.score) }));
}

export async function listOpportunitiesForAdmin(db: Database, filters: { text: string; status: OpportunityStatus | null; page: number }) {
  const conditions = [
    filters.status ? eq(opportunities.status, filters.status) : undefined,
    filters.text ? or(ilike(opportunities.title, `%${escapeLike(filters.text)}%`), ilike(opportunities.organizer, `%${escapeLike(filters.text)}%`)) : undefined,
  ].filter((condition) => condition !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  const pageSize = 50;
  const [rows, [total]] = await Promise.all([
    db.select({ id: opportunities.id, slug: opportunities.slug, title: opportunities.title, organizer: opportunities.organizer, status: opportunities.status, source: opportunities.source, updatedAt: opportunities.updatedAt, lastVerifiedOn: opportunities.lastVerifiedOn })
      .from(opportunities).where(where).orderBy(desc(opportunities.updatedAt), desc(opportunities.id)).limit(pageSize).offset((filters.page - 1) * pageSize),
    db.select({ value: count() }).from(opportunities).where(where),
  ]);
  return { rows, total: total?.value ?? 0, pageCount: Math.max(1, Math.ceil((total?.value ?? 0) / pageSize)) };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export async function listInReview(db: Database) {
  return db.select({ id: opportunities.id, title: opportunities.title, organizer: opportunities.organizer, source: opportunities.source, createdAt: opportunities.createdAt })
    .from(opportunities).where(eq(opportunities.status, 'in_review')).orderBy(opportunities.createdAt);
}

/** Resources proposed by the public (the same review queue as opportunities). */
export async function listResourcesInReview(db: Database) {
  return db.select({ id: resources.id, title: resources.title, type: resources.type, createdAt: resources.createdAt })
    .from(resources).where(eq(resources.status, 'in_review')).orderBy(resources.createdAt);
}

export async function listReports(db: Database, status: 'open' | 'resolved') {
  return db.select({
    id: opportunityReports.id, reason: opportunityReports.reason, comment: opportunityReports.comment, createdAt: opportunityReports.createdAt,
    opportunityId: opportunities.id, slug: opportunities.slug, title: opportunities.title,
  })
    .from(opportunityReports).innerJoin(opportunities, eq(opportunities.id, opportunityReports.opportunityId))
    .where(eq(opportunityReports.status, status)).orderBy(desc(opportunityReports.createdAt)).limit(200);
}

export async function reportsFor(db: Database, opportunityId: number) {
  return db.select().from(opportunityReports).where(eq(opportunityReports.opportunityId, opportunityId)).orderBy(desc(opportunityReports.createdAt));
}

export interface FeedbackSummary {
  opportunityId: number;
  title: string;
  slug: string;
  useful: number;
  usefulButClosed: number;
  notUseful: number;
  reasons: Record<string, number>;
}

/** Answers per opportunity, and how often each reason was chosen. */
export async function summarizeFeedback(db: Database, opportunityId?: number): Promise<FeedbackSummary[]> {
  const rows = await queryRows<{ opportunity_id: number; title: string; slug: string; useful: number; useful_but_closed: number; not_useful: number; reasons: Record<string, number> | string | null }>(db, sql`
    SELECT f.opportunity_id, o.title, o.slug,
      count(*) FILTER (WHERE f.answer = 'useful') AS useful,
      count(*) FILTER (WHERE f.answer = 'useful_but_closed') AS useful_but_closed,
      count(*) FILTER (WHERE f.answer = 'not_useful') AS not_useful,
      (SELECT json_object_agg(reason, n) FROM (
        SELECT reason, count(*) AS n FROM opportunity_feedback f2, unnest(f2.reasons) AS reason
        WHERE f2.opportunity_id = f.opportunity_id GROUP BY reason) AS r) AS reasons
    FROM opportunity_feedback f JOIN opportunities o ON o.id = f.opportunity_id
    ${opportunityId ? sql`WHERE f.opportunity_id = ${opportunityId}` : sql``}
    GROUP BY f.opportunity_id, o.title, o.slug
    ORDER BY count(*) DESC LIMIT 500`);
  return rows.map((row) => ({
    opportunityId: Number(row.opportunity_id), title: row.title, slug: row.slug, useful: Number(row.useful), usefulButClosed: Number(row.useful_but_closed),
    notUseful: Number(row.not_useful), reasons: Object.fromEntries(Object.entries((typeof row.reasons === 'string' ? JSON.parse(row.reasons) : row.reasons) ?? {}).map(([key, value]) => [key, Number(value)])),
  }));
}

export async function listUsers(db: Database, text: string) {
  return db.select({ id: users.id, email: users.email, displayName: users.displayName, role: users.role, createdAt: users.createdAt, lastSignInAt: users.lastSignInAt })
    .from(users).where(text ? ilike(users.email, `%${escapeLike(text)}%`) : undefined).orderBy(desc(users.createdAt)).limit(100);
}

export async function searchAuditLog(db: Database, text: string, page: number) {
  const pattern = `%${escapeLike(text)}%`;
  const where = text ? or(ilike(auditLog.summary, pattern), ilike(auditLog.actorLabel, pattern), ilike(auditLog.action, pattern), eq(auditLog.entityId, text)) : undefined;
  return db.select().from(auditLog).where(where).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(100).offset((page - 1) * 100);
}

export async function listBrokenLinks(db: Database) {
  return queryRows<{ url: string; status_code: number | null; error: string | null; failures: number; checked_at: string | Date; opportunity_id: number; slug: string; title: string }>(db, sql`
    SELECT l.url, l.status_code, l.error, l.failures, l.checked_at, o.id AS opportunity_id, o.slug, o.title
    FROM link_checks l JOIN opportunities o ON (o.official_url = l.url OR o.application_url = l.url)
    WHERE l.is_broken AND o.status = 'published'
    ORDER BY l.checked_at DESC LIMIT 200`);
}

export interface DashboardFigures {
  inReview: number;
  openReports: number;
  brokenLinks: number;
  estimatedClosingSoon: { id: number; title: string; closesOn: string }[];
  last30Days: { published: number; suggestions: number; reports: number; feedback: number; accounts: number; emailsSent: number };
  lastImport: { startedAt: Date; report: unknown } | null;
}

export async function dashboardFigures(db: Database, today: IsoDate, now: Date): Promise<DashboardFigures> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [[inReview], [resourcesInReview], [declarationsInReview], [openReports], broken, estimated, [published], [suggestions], [reports], [feedback], [accounts], [emailsSent], [lastImport]] = await Promise.all([
    db.select({ value: count() }).from(opportunities).where(eq(opportunities.status, 'in_review')),
    db.select({ value: count() }).from(resources).where(eq(resources.status, 'in_review')),
    db.select({ value: count() }).from(parityDeclarations).where(eq(parityDeclarations.status, 'pending')),
    db.select({ value: count() }).from(opportunityReports).where(eq(opportunityReports.status, 'open')),
    listBrokenLinks(db),
    queryRows<{ id: number; title: string; closes_on: string }>(db, sql`
      SELECT DISTINCT ON (o.id) o.id, o.title, w.closes_on::text
      FROM opportunities o JOIN opportunity_windows w ON w.opportunity_id = o.id
      WHERE o.status = 'published' AND o.last_verified_on IS NULL AND w.is_estimated
        AND w.closes_on BETWEEN ${today}::date AND (${today}::date + 30)
      ORDER BY o.id, w.closes_on LIMIT 50`),
    db.select({ value: count() }).from(opportunities).where(and(eq(opportunities.status, 'published'), gte(opportunities.publishedAt, since))),
    db.select({ value: count() }).from(opportunities).where(and(eq(opportunities.source, 'suggestion'), gte(opportunities.createdAt, since))),
    db.select({ value: count() }).from(opportunityReports).where(gte(opportunityReports.createdAt, since)),
    db.select({ value: count() }).from(opportunityFeedback).where(gte(opportunityFeedback.createdAt, since)),
    db.select({ value: count() }).from(users).where(gte(users.createdAt, since)),
    db.select({ value: count() }).from(emails).where(and(eq(emails.status, 'sent'), gte(emails.createdAt, since))),
    db.select().from(importRuns).orderBy(desc(importRuns.startedAt)).limit(1),
  ]);
  return {
    inReview: (inReview?.value ?? 0) + (resourcesInReview?.value ?? 0) + (declarationsInReview?.value ?? 0),
    openReports: openReports?.value ?? 0,
    brokenLinks: new Set(broken.map((row) => row.url)).size,
    estimatedClosingSoon: estimated.map((row) => ({ id: Number(row.id), title: row.title, closesOn: row.closes_on })).sort((a, b) => a.closesOn.localeCompare(b.closesOn)),
    last30Days: {
      published: published?.value ?? 0, suggestions: suggestions?.value ?? 0, reports: reports?.value ?? 0,
      feedback: feedback?.value ?? 0, accounts: accounts?.value ?? 0, emailsSent: emailsSent?.value ?? 0,
    },
    lastImport: lastImport ? { startedAt: lastImport.startedAt, report: lastImport.report } : null,
  };
}

