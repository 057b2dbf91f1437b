import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { opportunities } from './opportunities.ts';

export const REPORT_REASONS = ['wrong_date', 'dead_link', 'closed', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** "Signaler une erreur" on a detail page. */
export const opportunityReports = pgTable(
  'opportunity_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    opportunityId: integer('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    comment: text('comment'),
    reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [
    index('opportunity_reports_status_idx').on(table.status, table.createdAt),
    check('opportunity_reports_reason_check', sql`${table.reason} in ('wrong_date', 'dead_link', 'closed', 'other')`),
  ],
);

export const FEEDBACK_ANSWERS = ['useful', 'useful_but_closed', 'not_useful'] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

/** "Cette page vous a-t-elle été utile ?": an answer and reasons from a fixed list, no free text. */
export const opportunityFeedback = pgTable(
  'opportunity_feedback',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    opportunityId: integer('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    answer: text('answer', { enum: FEEDBACK_ANSWERS }).notNull(),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('opportunity_feedback_opportunity_idx').on(table.opportunityId),
    index('opportunity_feedback_created_idx').on(table.createdAt),
    check('opportunity_feedback_answer_check', sql`${table.answer} in ('useful', 'useful_but_closed', 'not_useful')`),
  ],
);

/** Every back-office action: who, when, what, before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // The actor as she was named at the time ("Import culture.gouv.fr" for jobs).
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_log_created_idx').on(table.createdAt),
    index('audit_log_entity_idx').on(table.entityType, table.entityId),
  ],
);

/** The last check of each official or application address of the catalogue. */
export const linkChecks = pgTable(
  'link_checks',
  {
    url: text('url').primaryKey(),
    statusCode: integer('status_code'),
    isBroken: boolean('is_broken').notNull(),
    error: text('error'),
    failures: integer('failures').notNull().default(0),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('link_checks_broken_idx').on(table.isBroken)],
);

/** What each import did (for the dashboard and for people to trust the feed). */
export const importRuns = pgTable('import_runs', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  source: text('source').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  report: jsonb('report'),
});
