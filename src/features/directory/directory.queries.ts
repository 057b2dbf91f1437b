import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type CommissionerRow, type DirectoryProfileRow, commissioners, connectionReports, directoryMessages, directoryProfiles, users } from '../../db/schema/index.ts';
import { type Audience, type VisibleProfile, visibleProfile } from './visibility.ts';

/** Who is looking: a verified commissioner sees what photographers chose to show commissioners. */
export async function audienceOf(db: Database, userId: number | null): Promise<{ audience: Audience; commissioner: CommissionerRow | null }> {
  if (userId === null) return { audience: 'anonymous', commissioner: null };
  const [row] = await db.select().from(commissioners).where(eq(commissioners.userId, userId));
  return { audience: row?.status === 'verified' ? 'commissioner' : 'member', commissioner: row ?? null };
}

export interface DirectorySearch {
  specialty: string | null;
  region: string | null;
  language: string | null;
  available: boolean;
}

/**
 * The directory as an audience sees it. Filters apply to the visible profile only: searching by
 * a region she keeps private must not find her (that would reveal the region).
 */
export async function searchDirectory(db: Database, audience: Audience, search: DirectorySearch): Promise<VisibleProfile[]> {
  const rows = await db.select().from(directoryProfiles).where(and(eq(directoryProfiles.listed, true), eq(directoryProfiles.status, 'published'))).orderBy(asc(directoryProfiles.displayName));
  return rows.map((row) => visibleProfile(row, audience)).filter((profile): profile is VisibleProfile => profile !== null).filter((profile) =>
    (!search.specialty || (profile.specialties ?? []).includes(search.specialty))
    && (!search.region || profile.region === search.region)
    && (!search.language || (profile.languages ?? []).includes(search.language))
    && (!search.available || profile.availableForCommissions === true));
}

export async function directoryProfileOf(db: Database, userId: number): Promise<DirectoryProfileRow | null> {
  const [row] = await db.select().from(directoryProfiles).where(eq(directoryProfiles.userId, userId));
  return row ?? null;
}

export async function signatories(db: Database) {
  return db.select({ organizationName: commissioners.organizationName, organizationType: commissioners.organizationType, website: commissioners.website, signedAt: commissioners.charterSignedAt })
    .from(commissioners).where(eq(commissioners.status, 'verified')).orderBy(asc(commissioners.organizationName));
}

export async function pendingDirectoryProfiles(db: Database) {
  return db.select({ profile: directoryProfiles, email: users.email }).from(directoryProfiles).innerJoin(users, eq(users.id, directoryProfiles.userId))
    .where(and(eq(directoryProfiles.status, 'pending'), eq(directoryProfiles.listed, true))).orderBy(asc(directoryProfiles.updatedAt));
}

export async function pendingCommissioners(db: Database) {
  return db.select({ commissioner: commissioners, email: users.email }).from(commissioners).innerJoin(users, eq(users.id, commissioners.userId))
    .where(eq(commissioners.status, 'pending')).orderBy(asc(commissioners.charterSignedAt));
}

export async function openMessageReports(db: Database) {
  return db.select({ report: connectionReports, subject: directoryMessages.subject, body: directoryMessages.body, organization: commissioners.organizationName })
    .from(connectionReports).innerJoin(directoryMessages, eq(directoryMessages.id, connectionReports.targetId)).leftJoin(commissioners, eq(commissioners.userId, directoryMessages.senderId))
    .where(and(eq(connectionReports.kind, 'message'), eq(connectionReports.status, 'open'))).orderBy(asc(connectionReports.createdAt));
}
