import { relations, sql } from 'drizzle-orm';
import {
  check, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const RESOURCE_TYPES = ['sheet', 'video', 'webinar', 'document', 'link'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const RESOURCE_THEMES = ['promotion_commercial', 'administrative_financial', 'artistic_technical', 'equality_inclusion'] as const;
export type ResourceTheme = (typeof RESOURCE_THEMES)[number];

export const RESOURCE_STAGES = ['student', 'emerging', 'established'] as const;
export type ResourceStage = (typeof RESOURCE_STAGES)[number];

export const RESOURCE_STATUSES = ['draft', 'in_review', 'published', 'refused', 'archived'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export interface ResourceSource {
  title: string;
  url: string;
  publisher: string | null;
}

export interface Speaker {
  name: string;
  role: string;
}

/**
 * Practical sheets, video testimonies, webinars and workshops, downloadable documents and useful
 * links. One table: each type uses its own columns, the rest stays empty.
 */
export const resources = pgTable(
  'resources',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    type: text('type', { enum: RESOURCE_TYPES }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    // Sheets: what the reader can do after reading, introduction, body, key takeaways.
    objective: text('objective'),
    introduction: text('introduction').notNull().default(''),
    body: text('body').notNull().default(''),
    keyTakeaways: text('key_takeaways').array().notNull().default(sql`'{}'::text[]`),
    sources: jsonb('sources').$type<ResourceSource[]>().notNull().default([]),
    author: text('author'),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    careerStages: text('career_stages').array().notNull().default(sql`'{}'::text[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    lastUpdatedOn: date('last_updated_on', { mode: 'string' }),
    // Video testimonies and webinars.
    speakers: jsonb('speakers').$type<Speaker[]>().notNull().default([]),
    videoUrl: text('video_url'),
    transcript: text('transcript'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    durationMinutes: integer('duration_minutes'),
    eventFormat: text('event_format'),
    registrationUrl: text('registration_url'),
    replayUrl: text('replay_url'),
    // Downloadable documents, kept by the storage interface (never in a public folder).
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileType: text('file_type'),
    fileSize: integer('file_size'),
    // Useful links proposed by the public.
    externalUrl: text('external_url'),
    status: text('status', { enum: RESOURCE_STATUSES }).notNull().default('draft'),
    source: text('source', { enum: ['seed', 'manual', 'suggestion'] }).notNull(),
    submittedBy: integer('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    refusalReason: text('refusal_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('french_unaccent', coalesce("title", '')), 'A')
        || setweight(to_tsvector('french_unaccent', coalesce("summary", '') || ' ' || coalesce("objective", '') || ' ' || immutable_array_to_string("tags")), 'B')
        || setweight(to_tsvector('french_unaccent', coalesce("introduction", '') || ' ' || immutable_array_to_string("key_takeaways")), 'C')
        || setweight(to_tsvector('french_unaccent', coalesce("body", '') || ' ' || coalesce("transcript", '')), 'D')`,
    ),
  },
  (table) => [
    uniqueIndex('resources_slug_key').on(table.slug),
    index('resources_status_idx').on(table.status, table.publishedAt),
    index('resources_search_idx').using('gin', table.searchVector),
    check('resources_type_check', sql`${table.type} in ('sheet', 'video', 'webinar', 'document', 'link')`),
    check('resources_status_check', sql`${table.status} in ('draft', 'in_review', 'published', 'refused', 'archived')`),
  ],
);

export const RESOURCE_FEEDBACK_ANSWERS = ['useful', 'not_useful'] as const;

/** "Cette ressource vous a-t-elle été utile ?": an answer and reasons from a fixed list. */
export const resourceFeedback = pgTable(
  'resource_feedback',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    resourceId: integer('resource_id').notNull().references(() => resources.id, { onDelete: 'cascade' }),
    answer: text('answer', { enum: RESOURCE_FEEDBACK_ANSWERS }).notNull(),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('resource_feedback_resource_idx').on(table.resourceId)],
);

export const resourcesRelations = relations(resources, ({ many }) => ({ feedback: many(resourceFeedback) }));
export const resourceFeedbackRelations = relations(resourceFeedback, ({ one }) => ({
  resource: one(resources, { fields: [resourceFeedback.resourceId], references: [resources.id] }),
}));

export type ResourceRow = typeof resources.$inferSelect;
export type NewResourceRow = typeof resources.$inferInsert;
