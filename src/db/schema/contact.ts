import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

export const CONTACT_SUBJECTS = ['feedback', 'question', 'tester', 'partnership', 'other'] as const;
export type ContactSubject = (typeof CONTACT_SUBJECTS)[number];

/** "Nous écrire": kept for the team to answer, deleted after a year (housekeeping). */
export const contactMessages = pgTable(
  'contact_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    subject: text('subject', { enum: CONTACT_SUBJECTS }).notNull(),
    email: text('email').notNull(),
    name: text('name'),
    message: text('message').notNull(),
    // Only to show "signed-in member" to the team; erased with the account.
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('contact_messages_created_idx').on(table.createdAt),
    check('contact_messages_subject_check', sql`${table.subject} in ('feedback', 'question', 'tester', 'partnership', 'other')`),
  ],
);

/**
 * The newsletter's list: an address is "confirmed" only after its owner clicked the emailed link
 * (double opt-in). The unsubscribe token is a random capability, as for alerts.
 */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    status: text('status', { enum: ['pending', 'confirmed'] }).notNull().default('pending'),
    unsubscribeToken: text('unsubscribe_token').notNull(),
    consentText: text('consent_text').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('newsletter_subscribers_email_key').on(table.email),
    uniqueIndex('newsletter_subscribers_unsubscribe_token_key').on(table.unsubscribeToken),
    check('newsletter_subscribers_status_check', sql`${table.status} in ('pending', 'confirmed')`),
  ],
);

export type ContactMessageRow = typeof contactMessages.$inferSelect;
export type NewsletterSubscriberRow = typeof newsletterSubscribers.$inferSelect;
