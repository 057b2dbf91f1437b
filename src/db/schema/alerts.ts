import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { emails } from './email.ts';
import { opportunities, opportunityWindows } from './opportunities.ts';

export const FOLLOW_KINDS = ['deadlines', 'next_edition'] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];

export const ALERT_FREQUENCIES = ['daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** "Suivre cette aide" (deadlines) and "Prévenez-moi à la prochaine édition" (next_edition). */
export const opportunityFollows = pgTable(
  'opportunity_follows',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    opportunityId: integer('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: FOLLOW_KINDS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // The opportunity's windows_version she knows: a larger one means the dates changed since.
    windowsVersionSeen: integer('windows_version_seen').notNull().default(0),
    // The edition already announced to a "next edition" follower.
    notifiedWindowId: integer('notified_window_id').references(() => opportunityWindows.id, { onDelete: 'set null' }),
  },
  (table) => [
    uniqueIndex('opportunity_follows_key').on(table.userId, table.opportunityId, table.kind),
    index('opportunity_follows_opportunity_idx').on(table.opportunityId),
    check('opportunity_follows_kind_check', sql`${table.kind} in ('deadlines', 'next_edition')`),
  ],
);

/** A reminder sent for one deadline at one threshold (14 or 3 days): never twice. */
export const deadlineReminders = pgTable(
  'deadline_reminders',
  {
    followId: integer('follow_id').notNull().references(() => opportunityFollows.id, { onDelete: 'cascade' }),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    thresholdDays: smallint('threshold_days').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.followId, table.closesOn, table.thresholdDays] })],
);

/** "Créer une alerte": a catalogue search, stored as its canonical query string. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    query: text('query').notNull(),
    label: text('label').notNull(),
    frequency: text('frequency', { enum: ALERT_FREQUENCIES }).notNull().default('weekly'),
    // Random capability for the "stop this alert" link in emails.
    manageToken: text('manage_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Opportunities published after this instant are new for this alert.
    checkedUntil: timestamp('checked_until', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('saved_searches_user_idx').on(table.userId),
    uniqueIndex('saved_searches_manage_token_key').on(table.manageToken),
    uniqueIndex('saved_searches_user_query_key').on(table.userId, table.query),
    check('saved_searches_frequency_check', sql`${table.frequency} in ('daily', 'weekly')`),
  ],
);

/** One digest per person per day, at most: the row is the proof it was made. */
export const digests = pgTable(
  'digests',
  {
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    emailId: integer('email_id').references(() => emails.id, { onDelete: 'set null' }),
    itemCount: integer('item_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.day] })],
);
