import { relations, sql } from 'drizzle-orm';
import {
  boolean, check, customType, date, index, integer, jsonb, pgTable, real, smallint, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  CAREER_STAGES, DISCIPLINES, GEOGRAPHIC_SCOPES, OPPORTUNITY_KINDS, OPPORTUNITY_SOURCES, OPPORTUNITY_STATUSES,
  RECURRENCES,
} from '../../features/opportunities/opportunity.vocabulary.ts';
import { users } from './accounts.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

export const opportunities = pgTable(
  'opportunities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    organizer: text('organizer').notNull(),
    kind: text('kind', { enum: OPPORTUNITY_KINDS }).notNull(),
    disciplines: text('disciplines').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary').notNull(),
    description: text('description').notNull().default(''),
    amountEur: integer('amount_eur'),
    amountNote: text('amount_note'),
    // null = unknown; 0 = free to apply.
    entryFeeEur: integer('entry_fee_eur'),
    entryFeeNote: text('entry_fee_note'),
    geographicScope: text('geographic_scope', { enum: GEOGRAPHIC_SCOPES }).notNull().default('world'),
    eligibilityRegion: text('eligibility_region'),
    ageMin: smallint('age_min'),
    ageMax: smallint('age_max'),
    careerStages: text('career_stages').array().notNull().default(sql`'{any}'::text[]`),
    reservedToWomen: boolean('reserved_to_women').notNull().default(false),
    otherConditions: text('other_conditions'),
    isPermanent: boolean('is_permanent').notNull().default(false),
    recurrence: text('recurrence', { enum: RECURRENCES }).notNull(),
    typicalOpenMonth: smallint('typical_open_month'),
    typicalDeadlineMonth: smallint('typical_deadline_month'),
    officialUrl: text('official_url'),
    applicationUrl: text('application_url'),
    contact: text('contact'),
    city: text('city'),
    region: text('region'),
    juryWomenShare: real('jury_women_share'),
    laureatesWomenShare: real('laureates_women_share'),
    paritySource: text('parity_source'),
    parityYear: smallint('parity_year'),
    sourceLinks: text('source_links').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: OPPORTUNITY_STATUSES }).notNull().default('draft'),
    source: text('source', { enum: OPPORTUNITY_SOURCES }).notNull(),
    // Id of the item in the system it came from (seed slug, open-data id): imports upsert on it.
    sourceRef: text('source_ref'),
    // The values last received from that system: a later import changes only the fields whose
    // source changed, so the team's own corrections survive.
    sourceSnapshot: jsonb('source_snapshot'),
    isLowConfidence: boolean('is_low_confidence').notNull().default(false),
    // Who proposed it (suggestions); kept only while her account exists.
    submittedBy: integer('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    // Why a suggestion was refused (told to the submitter).
    refusalReason: text('refusal_reason'),
    lastVerifiedOn: date('last_verified_on', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // Counts changes to the windows (a trigger adds one per change): followers are told when it moves.
    windowsVersion: integer('windows_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('french_unaccent', coalesce("title", '')), 'A')
        || setweight(to_tsvector('french_unaccent', coalesce("organizer", '')), 'B')
        || setweight(to_tsvector('french_unaccent', coalesce("summary", '')), 'C')
        || setweight(to_tsvector('french_unaccent', coalesce("description", '')), 'D')`,
    ),
  },
  (table) => [
    uniqueIndex('opportunities_slug_key').on(table.slug),
    uniqueIndex('opportunities_source_ref_key').on(table.source, table.sourceRef),
    index('opportunities_status_idx').on(table.status),
    index('opportunities_search_idx').using('gin', table.searchVector),
    index('opportunities_disciplines_idx').using('gin', table.disciplines),
    index('opportunities_published_at_idx').on(table.publishedAt),
    check('opportunities_kind_check', sql`${table.kind} in (${inList(OPPORTUNITY_KINDS)})`),
    check('opportunities_status_check', sql`${table.status} in (${inList(OPPORTUNITY_STATUSES)})`),
    check('opportunities_source_check', sql`${table.source} in (${inList(OPPORTUNITY_SOURCES)})`),
    check('opportunities_scope_check', sql`${table.geographicScope} in (${inList(GEOGRAPHIC_SCOPES)})`),
    check('opportunities_recurrence_check', sql`${table.recurrence} in (${inList(RECURRENCES)})`),
    check('opportunities_disciplines_check', sql`${table.disciplines} <@ array[${inList(DISCIPLINES)}]::text[]`),
    check('opportunities_career_stages_check', sql`${table.careerStages} <@ array[${inList(CAREER_STAGES)}]::text[]`),
    check('opportunities_ages_check', sql`${table.ageMin} is null or ${table.ageMax} is null or ${table.ageMin} <= ${table.ageMax}`),
    check('opportunities_amount_check', sql`${table.amountEur} is null or ${table.amountEur} >= 0`),
    check('opportunities_fee_check', sql`${table.entryFeeEur} is null or ${table.entryFeeEur} >= 0`),
    check('opportunities_months_check', sql`coalesce(${table.typicalOpenMonth}, 1) between 1 and 12 and coalesce(${table.typicalDeadlineMonth}, 1) between 1 and 12`),
  ],
);

export const opportunityWindows = pgTable(
  'opportunity_windows',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    opportunityId: integer('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    // null: open from publication until the closing date.
    opensOn: date('opens_on', { mode: 'string' }),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    // Derived from typical months rather than announced: shown as "dates indicatives".
    isEstimated: boolean('is_estimated').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('opportunity_windows_opportunity_idx').on(table.opportunityId, table.closesOn),
    check('opportunity_windows_order_check', sql`${table.opensOn} is null or ${table.opensOn} <= ${table.closesOn}`),
  ],
);

export type OpportunityRow = typeof opportunities.$inferSelect;
export type NewOpportunityRow = typeof opportunities.$inferInsert;
export type OpportunityWindowRow = typeof opportunityWindows.$inferSelect;

export const opportunitiesRelations = relations(opportunities, ({ many }) => ({
  windows: many(opportunityWindows),
}));

export const opportunityWindowsRelations = relations(opportunityWindows, ({ one }) => ({
  opportunity: one(opportunities, { fields: [opportunityWindows.opportunityId], references: [opportunities.id] }),
}));
