import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const USER_ROLES = ['member', 'organisation', 'moderator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const DIGEST_FREQUENCIES = ['daily', 'weekly', 'none'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    // Always stored in lower case: one address, one account.
    email: text('email').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull().default('member'),
    displayName: text('display_name'),
    pronouns: text('pronouns'),
    region: text('region'),
    disciplines: text('disciplines').array().notNull().default(sql`'{}'::text[]`),
    careerStage: text('career_stage'),
    birthYear: smallint('birth_year'),
    digestFrequency: text('digest_frequency', { enum: DIGEST_FREQUENCIES }).notNull().default('weekly'),
    // Random capability for one-click unsubscribe links in emails (no sign-in needed).
    unsubscribeToken: text('unsubscribe_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    uniqueIndex('users_unsubscribe_token_key').on(table.unsubscribeToken),
    check('users_email_lower_check', sql`${table.email} = lower(${table.email})`),
    check('users_role_check', sql`${table.role} in (${inList(USER_ROLES)})`),
    check('users_digest_frequency_check', sql`${table.digestFrequency} in (${inList(DIGEST_FREQUENCIES)})`),
    check('users_birth_year_check', sql`${table.birthYear} is null or ${table.birthYear} between 1900 and 2100`),
  ],
);

/** Single-use links sent by email (sign-in, confirmation of an alert). Only the hash is kept. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    purpose: text('purpose', { enum: ['sign_in', 'confirm_alert', 'confirm_suggestion', 'confirm_newsletter'] }).notNull(),
    // What to do once confirmed (the alert to create), validated again when used.
    payload: text('payload'),
    redirectTo: text('redirect_to'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('email_tokens_email_idx').on(table.email, table.createdAt), index('email_tokens_expires_idx').on(table.expiresAt)],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sessions_user_idx').on(table.userId), index('sessions_expires_idx').on(table.expiresAt)],
);

/** What a person agreed to, in which words, and when (RGPD record of consents). */
export const consents = pgTable(
  'consents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    wording: text('wording').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (table) => [index('consents_user_idx').on(table.userId)],
);

/** Fixed-window counters shared by every process (rate limits hold across instances). */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (table) => [uniqueIndex('rate_limit_hits_key').on(table.key, table.windowStart), index('rate_limit_hits_window_idx').on(table.windowStart)],
);

export type UserRow = typeof users.$inferSelect;
