import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type FollowKind, opportunities, opportunityFollows, savedSearches } from '../../db/schema/index.ts';

export async function listFollows(db: Database, userId: number) {
  return db
    .select({ id: opportunityFollows.id, kind: opportunityFollows.kind, createdAt: opportunityFollows.createdAt, opportunityId: opportunities.id, slug: opportunities.slug, title: opportunities.title })
    .from(opportunityFollows)
    .innerJoin(opportunities, eq(opportunities.id, opportunityFollows.opportunityId))
    .where(eq(opportunityFollows.userId, userId))
    .orderBy(asc(opportunities.title));
}

export async function listSavedSearches(db: Database, userId: number) {
  return db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(desc(savedSearches.createdAt));
}

/** Which kinds of alert this person already has on this opportunity. */
export async function followKindsOf(db: Database, userId: number, opportunityId: number): Promise<FollowKind[]> {
  const rows = await db
    .select({ kind: opportunityFollows.kind })
    .from(opportunityFollows)
    .where(and(eq(opportunityFollows.userId, userId), eq(opportunityFollows.opportunityId, opportunityId)));
  return rows.map((row) => row.kind);
}
