import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn, boolean, check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

export const ORGANIZATION_TYPES = [
  'exhibition_venue', 'festival', 'school', 'prize', 'press', 'publisher', 'agency', 'museum', 'collection',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const PARITY_METRICS = [
  'directors', 'exhibited_artists', 'curators', 'laureates', 'candidates', 'jury_members', 'students', 'teachers',
  'published_photographers', 'picture_editors', 'acquisitions', 'residents', 'invited_photographers', 'employees',
] as const;
export type ParityMetric = (typeof PARITY_METRICS)[number];

/** pending: declared, waiting for a moderator; replaced: an older value kept as history. */
export const FIGURE_STATUSES = ['published', 'pending', 'rejected', 'replaced'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

export const DECLARATION_STATUSES = ['pending', 'published', 'rejected'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/** Festivals, venues, schools, prizes, magazines… counted by the Index de la parité. */
export const parityOrganizations = pgTable(
  'parity_organizations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    // Stable key of the reference files ("org:44", "prize:Prix Niépce"), so seeding is idempotent.
    referenceKey: text('reference_key'),
    name: text('name').notNull(),
    type: text('type', { enum: ORGANIZATION_TYPES }).notNull(),
    city: text('city'),
    region: text('region'),
    website: text('website'),
    network: text('network'),
    // A prize run by a festival or a venue.
    parentId: integer('parent_id').references((): AnyPgColumn => parityOrganizations.id, { onDelete: 'set null' }),
    // The organisation's own words on its equality actions (right of reply), published after review.
    equalityText: text('equality_text'),
    equalityTextPublishedAt: timestamp('equality_text_published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('parity_organizations_slug_key').on(table.slug),
    uniqueIndex('parity_organizations_reference_key').on(table.referenceKey),
    index('parity_organizations_parent_idx').on(table.parentId),
    check('parity_organizations_type_check', sql`${table.type} in (${inList(ORGANIZATION_TYPES)})`),
  ],
);

/** A declaration of figures for one year by a representative, reviewed as a whole. */
export const parityDeclarations = pgTable(
  'parity_declarations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    organizationId: integer('organization_id').notNull().references(() => parityOrganizations.id, { onDelete: 'cascade' }),
    // The person stays anonymous on the public page; the link goes when her account is deleted.
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    year: smallint('year').notNull(),
    representativeRole: text('representative_role').notNull(),
    // The address was on the organisation's domain, or a moderator had approved her before.
    representativeVerified: boolean('representative_verified').notNull(),
    equalityText: text('equality_text'),
    comment: text('comment'),
    status: text('status', { enum: DECLARATION_STATUSES }).notNull().default('pending'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    refusalReason: text('refusal_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('parity_declarations_status_idx').on(table.status, table.createdAt),
    index('parity_declarations_organization_idx').on(table.organizationId),
    index('parity_declarations_user_idx').on(table.userId),
    check('parity_declarations_status_check', sql`${table.status} in (${inList(DECLARATION_STATUSES)})`),
  ],
);

/**
 * One row per organisation, year and metric. A figure that nobody counted has no row: it is
 * "non renseigné", never 0. Corrections add a row and mark the old one "replaced" (history).
 */
export const parityFigures = pgTable(
  'parity_figures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    organizationId: integer('organization_id').notNull().references(() => parityOrganizations.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    metric: text('metric', { enum: PARITY_METRICS }).notNull(),
    women: integer('women').notNull(),
    total: integer('total').notNull(),
    source: text('source').notNull(),
    status: text('status', { enum: FIGURE_STATUSES }).notNull(),
    declarationId: integer('declaration_id').references(() => parityDeclarations.id, { onDelete: 'set null' }),
    declaredByOrganization: boolean('declared_by_organization').notNull().default(false),
    // Who put this value in ("Équipe Elles font la culture", "Import des données de référence"…).
    recordedBy: text('recorded_by').notNull(),
    replacesId: integer('replaces_id').references((): AnyPgColumn => parityFigures.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('parity_figures_published_key').on(table.organizationId, table.year, table.metric).where(sql`${table.status} = 'published'`),
    index('parity_figures_organization_idx').on(table.organizationId, table.status),
    index('parity_figures_metric_year_idx').on(table.metric, table.year).where(sql`${table.status} = 'published'`),
    index('parity_figures_declaration_idx').on(table.declarationId),
    check('parity_figures_counts_check', sql`${table.women} >= 0 and ${table.total} >= 0 and ${table.women} <= ${table.total}`),
    check('parity_figures_year_check', sql`${table.year} between 1900 and 2100`),
    check('parity_figures_metric_check', sql`${table.metric} in (${inList(PARITY_METRICS)})`),
    check('parity_figures_status_check', sql`${table.status} in (${inList(FIGURE_STATUSES)})`),
  ],
);

/** Who may declare for an organisation, and how that was established. */
export const parityRepresentatives = pgTable(
  'parity_representatives',
  {
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organizationId: integer('organization_id').notNull().references(() => parityOrganizations.id, { onDelete: 'cascade' }),
    verifiedBy: text('verified_by', { enum: ['domain', 'moderator'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.organizationId] }), index('parity_representatives_organization_idx').on(table.organizationId)],
);

export type ParityOrganizationRow = typeof parityOrganizations.$inferSelect;
export type NewParityOrganizationRow = typeof parityOrganizations.$inferInsert;
export type ParityFigureRow = typeof parityFigures.$inferSelect;
export type ParityDeclarationRow = typeof parityDeclarations.$inferSelect;

/** "Signaler une erreur" on an organisation's page: a message for the team, never published. */
export const parityCorrectionRequests = pgTable(
  'parity_correction_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    organizationId: integer('organization_id').notNull().references(() => parityOrganizations.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [
    index('parity_correction_requests_status_idx').on(table.status, table.createdAt),
    check('parity_correction_requests_status_check', sql`${table.status} in ('open', 'resolved')`),
  ],
);
