import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { type ReviewRequestRow, type ReviewRow, opportunities, reviewPairs, reviewReports, reviewRequests, reviews, users } from '../../db/schema/index.ts';
import { hashToken, isWellFormedToken } from '../../platform/tokens.ts';

/**
 * The review behind a private link, for the signed-in reviewer only: any other person, a
 * malformed, replaced or finished link gets nothing (the route answers 404 either way).
 */
export async function reviewForReviewer(db: Database, token: string, userId: number) {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db.select({ review: reviews, reviewer: reviewRequests, pairStatus: reviewPairs.status, purgedAt: reviewPairs.purgedAt })
    .from(reviews).innerJoin(reviewRequests, eq(reviewRequests.id, reviews.reviewerRequestId)).innerJoin(reviewPairs, eq(reviewPairs.id, reviews.pairId))
    .where(eq(reviews.tokenHash, hashToken(token)));
  if (!row || row.reviewer.userId !== userId || row.review.status === 'dropped' || row.purgedAt !== null) return null;
  const [reviewee] = await db.select().from(reviewRequests).where(eq(reviewRequests.id, row.review.revieweeRequestId));
  if (!reviewee?.fileKey) return null;
  const [opportunity] = reviewee.opportunityId ? await db.select({ slug: opportunities.slug, title: opportunities.title }).from(opportunities).where(eq(opportunities.id, reviewee.opportunityId)) : [];
  return { review: row.review, reviewee, pairStatus: row.pairStatus, opportunity: opportunity ?? null };
}

export async function myRequests(db: Database, userId: number): Promise<ReviewRequestRow[]> {
  return db.select().from(reviewRequests).where(eq(reviewRequests.userId, userId)).orderBy(desc(reviewRequests.createdAt));
}

export interface ReceivedFeedback {
  review: ReviewRow;
  /** The partner's address, when both agreed to share theirs. */
  partnerEmail: string | null;
}

/** One of her requests, with what she writes and what she receives (released feedback only). */
export async function requestForOwner(db: Database, requestId: number, userId: number) {
  const [request] = await db.select().from(reviewRequests).where(and(eq(reviewRequests.id, requestId), eq(reviewRequests.userId, userId)));
  if (!request) return null;
  const pairs = await db.select().from(reviewPairs).where(or(eq(reviewPairs.requestAId, requestId), eq(reviewPairs.requestBId, requestId))).orderBy(desc(reviewPairs.pairedAt));
  const current = pairs.find((pair) => pair.status === 'active') ?? null;
  const released = pairs.filter((pair) => pair.status === 'released');
  const pairIds = pairs.map((pair) => pair.id);
  const all = pairIds.length ? await db.select().from(reviews).where(inArray(reviews.pairId, pairIds)) : [];
  const writing = current ? all.find((review) => review.pairId === current.id && review.reviewerRequestId === requestId) ?? null : null;
  const received: ReceivedFeedback[] = [];
  for (const review of all.filter((item) => item.revieweeRequestId === requestId && item.status === 'submitted' && released.some((pair) => pair.id === item.pairId))) {
    const written = all.find((item) => item.pairId === review.pairId && item.reviewerRequestId === requestId);
    // Both must agree: she on the feedback she received, her partner on it or on the one she wrote.
    const partnerAgrees = review.reviewerSharesEmail || (written?.revieweeSharesEmail ?? false);
    let partnerEmail: string | null = null;
    if (review.revieweeSharesEmail && partnerAgrees) {
      const [partner] = await db.select({ email: users.email }).from(reviewRequests).innerJoin(users, eq(users.id, reviewRequests.userId)).where(eq(reviewRequests.id, review.reviewerRequestId));
      partnerEmail = partner?.email ?? null;
    }
    received.push({ review, partnerEmail });
  }
  const given = all.filter((review) => review.reviewerRequestId === requestId && review.status === 'submitted' && released.some((pair) => pair.id === review.pairId));
  return { request, current, writing, received, given };
}

/** The feedback a reviewee received, if it is hers and released (rating, report, attachment). */
export async function receivedReview(db: Database, reviewId: number, userId: number): Promise<ReviewRow | null> {
  const [row] = await db.select({ review: reviews, ownerId: reviewRequests.userId, pairStatus: reviewPairs.status }).from(reviews)
    .innerJoin(reviewRequests, eq(reviewRequests.id, reviews.revieweeRequestId)).innerJoin(reviewPairs, eq(reviewPairs.id, reviews.pairId))
    .where(eq(reviews.id, reviewId));
  return row && row.ownerId === userId && row.pairStatus === 'released' && row.review.status === 'submitted' ? row.review : null;
}

/** A review she wrote, once released (to share her address with the person she read). */
export async function givenReview(db: Database, reviewId: number, userId: number): Promise<ReviewRow | null> {
  const [row] = await db.select({ review: reviews, ownerId: reviewRequests.userId, pairStatus: reviewPairs.status }).from(reviews)
    .innerJoin(reviewRequests, eq(reviewRequests.id, reviews.reviewerRequestId)).innerJoin(reviewPairs, eq(reviewPairs.id, reviews.pairId))
    .where(eq(reviews.id, reviewId));
  return row && row.ownerId === userId && row.pairStatus === 'released' ? row.review : null;
}

export interface QueueFigures {
  waitingDossiers: number;
  waitingVolunteers: number;
  activePairs: number;
  overdue: number;
  released: number;
  closedByDrop: number;
  medianWaitDays: number | null;
  completionRate: number | null;
  usefulRate: number | null;
  kindRate: number | null;
  ratings: number;
}

export async function queueFigures(db: Database, now: Date): Promise<QueueFigures> {
  const [row] = await queryRows<{
    waiting_dossiers: number; waiting_volunteers: number; active_pairs: number; overdue: number; released: number; closed: number;
    median_wait: number | null; useful: number | null; kind: number | null; ratings: number;
  }>(db, sql`
    SELECT
      (SELECT count(*)::int FROM review_requests WHERE status = 'waiting' AND kind = 'dossier') AS waiting_dossiers,
      (SELECT count(*)::int FROM review_requests WHERE status = 'waiting' AND kind = 'volunteer') AS waiting_volunteers,
      (SELECT count(*)::int FROM review_pairs WHERE status = 'active') AS active_pairs,
      (SELECT count(DISTINCT p.id)::int FROM review_pairs p JOIN reviews r ON r.pair_id = p.id WHERE p.status = 'active' AND r.status = 'assigned' AND r.due_at < ${now.toISOString()}::timestamptz) AS overdue,
      (SELECT count(*)::int FROM review_pairs WHERE status = 'released') AS released,
      (SELECT count(*)::int FROM review_pairs WHERE status = 'closed') AS closed,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.paired_at - q.created_at) / 86400)
         FROM review_pairs p JOIN review_requests q ON q.id = p.request_a_id) AS median_wait,
      (SELECT avg(rated_useful)::float8 FROM reviews WHERE rated_at IS NOT NULL) AS useful,
      (SELECT avg(rated_kind)::float8 FROM reviews WHERE rated_at IS NOT NULL) AS kind,
      (SELECT count(*)::int FROM reviews WHERE rated_at IS NOT NULL) AS ratings`);
  const released = Number(row?.released ?? 0);
  const closed = Number(row?.closed ?? 0);
  return {
    waitingDossiers: Number(row?.waiting_dossiers ?? 0), waitingVolunteers: Number(row?.waiting_volunteers ?? 0), activePairs: Number(row?.active_pairs ?? 0),
    overdue: Number(row?.overdue ?? 0), released, closedByDrop: closed,
    medianWaitDays: row?.median_wait === null || row?.median_wait === undefined ? null : Number(row.median_wait),
    completionRate: released + closed === 0 ? null : released / (released + closed),
    usefulRate: row?.useful === null || row?.useful === undefined ? null : Number(row.useful),
    kindRate: row?.kind === null || row?.kind === undefined ? null : Number(row.kind),
    ratings: Number(row?.ratings ?? 0),
  };
}

export async function waitingRequests(db: Database) {
  return db.select({ request: reviewRequests, email: users.email }).from(reviewRequests).innerJoin(users, eq(users.id, reviewRequests.userId))
    .where(eq(reviewRequests.status, 'waiting')).orderBy(desc(reviewRequests.priority), asc(reviewRequests.waitingSince)).limit(500);
}

export async function activePairs(db: Database) {
  const pairs = await db.select().from(reviewPairs).where(eq(reviewPairs.status, 'active')).orderBy(asc(reviewPairs.pairedAt)).limit(500);
  const pairReviews = pairs.length ? await db.select().from(reviews).where(inArray(reviews.pairId, pairs.map((pair) => pair.id))) : [];
  return pairs.map((pair) => ({ pair, reviews: pairReviews.filter((review) => review.pairId === pair.id) }));
}

export async function openReviewReports(db: Database) {
  return db.select({ report: reviewReports, review: reviews }).from(reviewReports).innerJoin(reviews, eq(reviews.id, reviewReports.reviewId))
    .where(eq(reviewReports.status, 'open')).orderBy(asc(reviewReports.createdAt));
}

export async function reportWithReview(db: Database, reportId: number) {
  const [row] = await db.select({ report: reviewReports, review: reviews }).from(reviewReports).innerJoin(reviews, eq(reviews.id, reviewReports.reviewId)).where(eq(reviewReports.id, reportId));
  return row ?? null;
}

export async function findRequest(db: Database, requestId: number): Promise<ReviewRequestRow | null> {
  const [row] = await db.select().from(reviewRequests).where(eq(reviewRequests.id, requestId));
  return row ?? null;
}

/** Moderators may open a dossier only when feedback about it was reported. */
export async function isReported(db: Database, requestId: number): Promise<boolean> {
  const [row] = await db.select({ id: reviewReports.id }).from(reviewReports).innerJoin(reviews, eq(reviews.id, reviewReports.reviewId))
    .where(eq(reviews.revieweeRequestId, requestId)).limit(1);
  return row !== undefined;
}
