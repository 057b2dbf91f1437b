import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { type OrganizationType, parityCorrectionRequests, parityDeclarations, parityFigures, parityOrganizations, parityRepresentatives, users } from '../../db/schema/index.ts';

/** Declarations waiting for a moderator, oldest first (the review queue). */
export async function listPendingDeclarations(db: Database) {
  return db.select({
    id: parityDeclarations.id, year: parityDeclarations.year, createdAt: parityDeclarations.createdAt, representativeVerified: parityDeclarations.representativeVerified,
    organization: parityOrganizations.name,
  }).from(parityDeclarations).innerJoin(parityOrganizations, eq(parityOrganizations.id, parityDeclarations.organizationId))
    .where(eq(parityDeclarations.status, 'pending')).orderBy(asc(parityDeclarations.createdAt));
}

export async function listRecentDecisions(db: Database) {
  return db.select({
    id: parityDeclarations.id, year: parityDeclarations.year, status: parityDeclarations.status, reviewedAt: parityDeclarations.reviewedAt, reviewedBy: parityDeclarations.reviewedBy,
    organization: parityOrganizations.name,
  }).from(parityDeclarations).innerJoin(parityOrganizations, eq(parityOrganizations.id, parityDeclarations.organizationId))
    .where(sql`${parityDeclarations.status} <> 'pending'`).orderBy(desc(parityDeclarations.reviewedAt)).limit(20);
}

/** A declaration with what it would change: its figures beside those published for the same year. */
export async function declarationForReview(db: Database, id: number) {
  const [row] = await db.select({ declaration: parityDeclarations, organization: parityOrganizations, email: users.email })
    .from(parityDeclarations).innerJoin(parityOrganizations, eq(parityOrganizations.id, parityDeclarations.organizationId))
    .leftJoin(users, eq(users.id, parityDeclarations.userId)).where(eq(parityDeclarations.id, id));
  if (!row) return null;
  const [declared, published] = await Promise.all([
    db.select().from(parityFigures).where(eq(parityFigures.declarationId, id)).orderBy(asc(parityFigures.metric)),
    db.select().from(parityFigures).where(and(eq(parityFigures.organizationId, row.organization.id), eq(parityFigures.year, row.declaration.year), eq(parityFigures.status, 'published'))),
  ]);
  return { ...row, declared, published };
}

export interface AdminOrganizationRow {
  id: number;
  slug: string;
  name: string;
  type: OrganizationType;
  city: string | null;
  figures: number;
  lastYear: number | null;
}

export async function listOrganizationsForAdmin(db: Database, text: string, page: number) {
  const pageSize = 50;
  const where = text ? sql`lower(immutable_unaccent(o.name || ' ' || coalesce(o.city, ''))) LIKE ${`%${text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`}` : sql`true`;
  const rows = await queryRows<{ id: number; slug: string; name: string; type: OrganizationType; city: string | null; figures: number; last_year: number | null; total_count: number }>(db, sql`
    SELECT o.id, o.slug, o.name, o.type, o.city, count(f.id)::int AS figures, max(f.year) AS last_year, count(*) OVER ()::int AS total_count
    FROM parity_organizations o LEFT JOIN parity_figures f ON f.organization_id = o.id AND f.status = 'published'
    WHERE ${where}
    GROUP BY o.id
    ORDER BY lower(immutable_unaccent(o.name)), o.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const total = Number(rows[0]?.total_count ?? 0);
  return {
    rows: rows.map((row): AdminOrganizationRow => ({ id: Number(row.id), slug: row.slug, name: row.name, type: row.type, city: row.city, figures: Number(row.figures), lastYear: row.last_year === null ? null : Number(row.last_year) })),
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export async function representativesOf(db: Database, organizationId: number) {
  return db.select({ email: users.email, verifiedBy: parityRepresentatives.verifiedBy, createdAt: parityRepresentatives.createdAt })
    .from(parityRepresentatives).innerJoin(users, eq(users.id, parityRepresentatives.userId))
    .where(eq(parityRepresentatives.organizationId, organizationId)).orderBy(asc(parityRepresentatives.createdAt));
}

export async function findOrganizationIdBySlug(db: Database, slug: string): Promise<number | null> {
  const [row] = await db.select({ id: parityOrganizations.id }).from(parityOrganizations).where(eq(parityOrganizations.slug, slug));
  return row?.id ?? null;
}

export async function listOpenCorrectionRequests(db: Database) {
  return db.select({ id: parityCorrectionRequests.id, message: parityCorrectionRequests.message, createdAt: parityCorrectionRequests.createdAt, organization: parityOrganizations.name, organizationId: parityOrganizations.id, slug: parityOrganizations.slug })
    .from(parityCorrectionRequests).innerJoin(parityOrganizations, eq(parityOrganizations.id, parityCorrectionRequests.organizationId))
    .where(eq(parityCorrectionRequests.status, 'open')).orderBy(asc(parityCorrectionRequests.createdAt)).limit(200);
}
