import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { opportunities } from './opportunities.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/** dossier: she submits a dossier and reviews her partner's; volunteer: she only reviews. */
export const REVIEW_REQUEST_KINDS = ['dossier', 'volunteer'] as const;
export type ReviewRequestKind = (typeof REVIEW_REQUEST_KINDS)[number];

/** waiting → paired → done; dropped (missed her review deadline) and cancelled close a request. */
export const REVIEW_REQUEST_STATUSES = ['waiting', 'paired', 'done', 'dropped', 'cancelled'] as const;
export type ReviewRequestStatus = (typeof REVIEW_REQUEST_STATUSES)[number];

export const REVIEW_LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'ar'] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

export const READINESS_LEVELS = ['ready', 'almost', 'needs_work', 'early'] as const;
export type ReadinessLevel = (typeof READINESS_LEVELS)[number];

/** A member's wish to have a dossier read (or, for a volunteer, to read one). */
export const reviewRequests = pgTable(
  'review_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REVIEW_REQUEST_KINDS }).notNull(),
    status: text('status', { enum: REVIEW_REQUEST_STATUSES }).notNull().default('waiting'),
    targetKind: text('target_kind'),
    opportunityId: integer('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
    targetDeadline: date('target_deadline', { mode: 'string' }),
    disciplines: text('disciplines').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull(),
    careerStage: text('career_stage'),
    messageToPartner: text('message_to_partner'),
    // The dossier, kept by the storage interface (never in a public folder); emptied at retention.
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileSize: integer('file_size'),
    // Back in the queue after her partner was dropped: served first.
    priority: boolean('priority').notNull().default(false),
    // When she (re)joined the queue: the wait the engine serves first.
    waitingSince: timestamp('waiting_since', { withTimezone: true }).notNull(),
    rulesAcceptedAt: timestamp('rules_accepted_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    pairedAt: timestamp('paired_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    index('review_requests_status_idx').on(table.status, table.kind, table.waitingSince),
    index('review_requests_user_idx').on(table.userId),
    check('review_requests_kind_check', sql`${table.kind} in (${inList(REVIEW_REQUEST_KINDS)})`),
    check('review_requests_status_check', sql`${table.status} in (${inList(REVIEW_REQUEST_STATUSES)})`),
    check('review_requests_dossier_file_check', sql`${table.kind} = 'volunteer' or ${table.fileKey} is not null or ${table.status} in ('done', 'dropped', 'cancelled')`),
  ],
);

export interface ScoreParts {
  discipline: number;
  target: number;
  deadline: number;
  wait: number;
  priority: number;
  relaxed: boolean;
  volunteer: boolean;
  total: number;
}

/** Two requests that review each other (or a volunteer reviewing one dossier). */
export const reviewPairs = pgTable(
  'review_pairs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    requestAId: integer('request_a_id').notNull().references(() => reviewRequests.id, { onDelete: 'cascade' }),
    requestBId: integer('request_b_id').notNull().references(() => reviewRequests.id, { onDelete: 'cascade' }),
    // The two accounts, smaller id first: "never the same pair twice" is a unique index.
    userLowId: integer('user_low_id').references(() => users.id, { onDelete: 'set null' }),
    userHighId: integer('user_high_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['active', 'released', 'closed'] }).notNull().default('active'),
    scoreParts: jsonb('score_parts').$type<ScoreParts>(),
    pairedBy: text('paired_by').notNull(),
    pairedAt: timestamp('paired_at', { withTimezone: true }).notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (table) => [
    index('review_pairs_status_idx').on(table.status, table.pairedAt),
    index('review_pairs_request_a_idx').on(table.requestAId),
    index('review_pairs_request_b_idx').on(table.requestBId),
    uniqueIndex('review_pairs_users_key').on(table.userLowId, table.userHighId),
    check('review_pairs_status_check', sql`${table.status} in ('active', 'released', 'closed')`),
  ],
);

/** One direction of a pair: the reviewer reads the reviewee's dossier and answers the rubric. */
export const reviews = pgTable(
  'reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    pairId: integer('pair_id').notNull().references(() => reviewPairs.id, { onDelete: 'cascade' }),
    reviewerRequestId: integer('reviewer_request_id').notNull().references(() => reviewRequests.id, { onDelete: 'cascade' }),
    revieweeRequestId: integer('reviewee_request_id').notNull().references(() => reviewRequests.id, { onDelete: 'cascade' }),
    // The private link: only its hash is kept; the link also needs the reviewer's own session.
    tokenHash: text('token_hash').notNull(),
    status: text('status', { enum: ['assigned', 'submitted', 'dropped'] }).notNull().default('assigned'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firstReminderAt: timestamp('first_reminder_at', { withTimezone: true }),
    secondReminderAt: timestamp('second_reminder_at', { withTimezone: true }),
    strengths: text('strengths'),
    improvements: text('improvements'),
    advice: text('advice'),
    readiness: text('readiness', { enum: READINESS_LEVELS }),
    attachmentKey: text('attachment_key'),
    attachmentName: text('attachment_name'),
    mediaUrl: text('media_url'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    // The reviewee's opinion of the feedback she received.
    ratedUseful: smallint('rated_useful'),
    ratedKind: smallint('rated_kind'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    // Each agrees (or not) to show her address to the other; both must agree.
    reviewerSharesEmail: boolean('reviewer_shares_email').notNull().default(false),
    revieweeSharesEmail: boolean('reviewee_shares_email').notNull().default(false),
  },
  (table) => [
    uniqueIndex('reviews_token_key').on(table.tokenHash),
    index('reviews_pair_idx').on(table.pairId),
    index('reviews_reviewer_idx').on(table.reviewerRequestId),
    index('reviews_reviewee_idx').on(table.revieweeRequestId),
    index('reviews_due_idx').on(table.status, table.dueAt),
    check('reviews_status_check', sql`${table.status} in ('assigned', 'submitted', 'dropped')`),
    check('reviews_ratings_check', sql`(${table.ratedUseful} is null or ${table.ratedUseful} between 0 and 1) and (${table.ratedKind} is null or ${table.ratedKind} between 0 and 1)`),
  ],
);

/** "Signaler ce retour": the reviewee asks moderators to look at feedback she received. */
export const reviewReports = pgTable(
  'review_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reviewId: integer('review_id').notNull().references(() => reviews.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [index('review_reports_status_idx').on(table.status, table.createdAt), check('review_reports_status_check', sql`${table.status} in ('open', 'resolved')`)],
);

export type ReviewRequestRow = typeof reviewRequests.$inferSelect;
export type ReviewPairRow = typeof reviewPairs.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
