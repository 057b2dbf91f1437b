import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'stored', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * The outbox: every email is written here (in the transaction of the action that causes it)
 * before a job sends it. The idempotency key (recipient, purpose, item, date) makes a second
 * attempt to queue the same email a no-op.
 */
export const emails = pgTable(
  'emails',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    idempotencyKey: text('idempotency_key').notNull(),
    recipient: text('recipient').notNull(),
    purpose: text('purpose').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: EMAIL_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('emails_idempotency_key').on(table.idempotencyKey),
    index('emails_status_idx').on(table.status, table.createdAt),
    index('emails_recipient_idx').on(table.recipient),
  ],
);

export type EmailRow = typeof emails.$inferSelect;
