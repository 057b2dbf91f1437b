import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/** Public profiles (mentor, directory) are shown only once a moderator has approved them. */
export const PROFILE_STATUSES = ['pending', 'published', 'refused'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export const MENTOR_FORMATS = ['video', 'in_person'] as const;
export type MentorFormat = (typeof MENTOR_FORMATS)[number];

export const HELP_TOPICS = ['dossier', 'portfolio', 'pricing', 'rights', 'exhibition', 'publishing', 'commissions', 'network', 'career_change', 'parenthood'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export const mentorProfiles = pgTable(
  'mentor_profiles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    roleTitle: text('role_title').notNull(),
    bio: text('bio').notNull(),
    specialties: text('specialties').array().notNull(),
    helpTopics: text('help_topics').array().notNull(),
    languages: text('languages').array().notNull(),
    formats: text('formats').array().notNull(),
    region: text('region'),
    capacity: smallint('capacity').notNull(),
    available: boolean('available').notNull().default(true),
    // Since when she has been taking requests: expiries before that do not count toward a pause.
    availableSince: timestamp('available_since', { withTimezone: true }).notNull().defaultNow(),
    // Set when requests expired repeatedly: hidden until she turns availability back on.
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    status: text('status', { enum: PROFILE_STATUSES }).notNull().default('pending'),
    refusalReason: text('refusal_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('mentor_profiles_user_key').on(table.userId),
    index('mentor_profiles_status_idx').on(table.status),
    check('mentor_profiles_capacity_check', sql`${table.capacity} between 1 and 10`),
    check('mentor_profiles_status_check', sql`${table.status} in (${inList(PROFILE_STATUSES)})`),
  ],
);

export const MENTORING_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type MentoringRequestStatus = (typeof MENTORING_REQUEST_STATUSES)[number];

export const mentoringRequests = pgTable(
  'mentoring_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    mentorId: integer('mentor_id').notNull().references(() => mentorProfiles.id, { onDelete: 'cascade' }),
    menteeId: integer('mentee_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    status: text('status', { enum: MENTORING_REQUEST_STATUSES }).notNull().default('pending'),
    responseMessage: text('response_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    firstReminderAt: timestamp('first_reminder_at', { withTimezone: true }),
    secondReminderAt: timestamp('second_reminder_at', { withTimezone: true }),
  },
  (table) => [
    index('mentoring_requests_mentor_idx').on(table.mentorId, table.status),
    index('mentoring_requests_mentee_idx').on(table.menteeId, table.status),
    check('mentoring_requests_status_check', sql`${table.status} in (${inList(MENTORING_REQUEST_STATUSES)})`),
  ],
);

export const MENTORSHIP_STATUSES = ['active', 'completed', 'stopped'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

export const mentorships = pgTable(
  'mentorships',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    requestId: integer('request_id').notNull().references(() => mentoringRequests.id, { onDelete: 'cascade' }),
    mentorId: integer('mentor_id').notNull().references(() => mentorProfiles.id, { onDelete: 'cascade' }),
    menteeId: integer('mentee_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: MENTORSHIP_STATUSES }).notNull().default('active'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('mentorships_request_key').on(table.requestId),
    index('mentorships_mentor_idx').on(table.mentorId, table.status),
    index('mentorships_mentee_idx').on(table.menteeId),
    check('mentorships_status_check', sql`${table.status} in (${inList(MENTORSHIP_STATUSES)})`),
  ],
);

/** The short closing survey, once per person and mentorship. */
export const mentorshipSurveys = pgTable(
  'mentorship_surveys',
  {
    mentorshipId: integer('mentorship_id').notNull().references(() => mentorships.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    helped: boolean('helped').notNull(),
    recommend: boolean('recommend').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.mentorshipId, table.userId] })],
);

/** Who may see a directory field: nobody but her, verified commissioners, or everyone. */
export const FIELD_AUDIENCES = ['private', 'commissioners', 'public'] as const;
export type FieldAudience = (typeof FIELD_AUDIENCES)[number];

export const DIRECTORY_FIELDS = ['pronouns', 'region', 'specialties', 'languages', 'bio', 'website', 'availability'] as const;
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

export const directoryProfiles = pgTable(
  'directory_profiles',
  {
    userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
    // Listed at all (opt-in); the name is shown to the audience of `nameAudience`.
    listed: boolean('listed').notNull().default(false),
    displayName: text('display_name').notNull(),
    nameAudience: text('name_audience', { enum: ['commissioners', 'public'] }).notNull().default('commissioners'),
    pronouns: text('pronouns'),
    region: text('region'),
    specialties: text('specialties').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    bio: text('bio'),
    website: text('website'),
    availableForCommissions: boolean('available_for_commissions').notNull().default(false),
    audiences: jsonb('audiences').$type<Record<DirectoryField, FieldAudience>>().notNull(),
    status: text('status', { enum: PROFILE_STATUSES }).notNull().default('pending'),
    refusalReason: text('refusal_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('directory_profiles_status_idx').on(table.status, table.listed), check('directory_profiles_status_check', sql`${table.status} in (${inList(PROFILE_STATUSES)})`)],
);

export const COMMISSIONER_TYPES = ['media', 'agency', 'institution', 'brand', 'other'] as const;
export type CommissionerType = (typeof COMMISSIONER_TYPES)[number];

/** An organisation that hires photographers, its charter signature and its verification. */
export const commissioners = pgTable(
  'commissioners',
  {
    userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
    organizationName: text('organization_name').notNull(),
    organizationType: text('organization_type', { enum: COMMISSIONER_TYPES }).notNull(),
    website: text('website').notNull(),
    contactRole: text('contact_role').notNull(),
    charterVersion: text('charter_version').notNull(),
    charterSignedAt: timestamp('charter_signed_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['pending', 'verified', 'refused'] }).notNull().default('pending'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: text('verified_by'),
    refusalReason: text('refusal_reason'),
  },
  (table) => [index('commissioners_status_idx').on(table.status), check('commissioners_status_check', sql`${table.status} in ('pending', 'verified', 'refused')`)],
);

/** A message relayed by email from a commissioner to a photographer (her address stays hidden). */
export const directoryMessages = pgTable(
  'directory_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    senderId: integer('sender_id').references(() => users.id, { onDelete: 'set null' }),
    photographerId: integer('photographer_id').references(() => users.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    body: text('body'),
    // The photographer's private link in the relayed email (report, block): hash only.
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    surveySentAt: timestamp('survey_sent_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('directory_messages_token_key').on(table.tokenHash),
    index('directory_messages_sender_idx').on(table.senderId, table.createdAt),
    index('directory_messages_survey_idx').on(table.surveySentAt, table.createdAt),
  ],
);

export const directoryBlocks = pgTable(
  'directory_blocks',
  {
    photographerId: integer('photographer_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    senderId: integer('sender_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.photographerId, table.senderId] })],
);

/** "Cette mise en relation a-t-elle abouti à une commande ?", one answer per side, counted in totals only. */
export const contactSurveys = pgTable(
  'contact_surveys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    messageId: integer('message_id').notNull().references(() => directoryMessages.id, { onDelete: 'cascade' }),
    side: text('side', { enum: ['commissioner', 'photographer'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    ledToWork: boolean('led_to_work'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('contact_surveys_token_key').on(table.tokenHash), uniqueIndex('contact_surveys_message_side_key').on(table.messageId, table.side)],
);

/** "Signaler un problème" on a mentorship, or "signaler" on a relayed message. */
export const connectionReports = pgTable(
  'connection_reports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: ['mentorship', 'message'] }).notNull(),
    targetId: integer('target_id').notNull(),
    reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [index('connection_reports_status_idx').on(table.status, table.createdAt), check('connection_reports_status_check', sql`${table.status} in ('open', 'resolved')`)],
);

export type MentorProfileRow = typeof mentorProfiles.$inferSelect;
export type MentoringRequestRow = typeof mentoringRequests.$inferSelect;
export type MentorshipRow = typeof mentorships.$inferSelect;
export type DirectoryProfileRow = typeof directoryProfiles.$inferSelect;
export type CommissionerRow = typeof commissioners.$inferSelect;
