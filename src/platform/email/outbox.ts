import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { EmailContent } from './email-content.ts';

export interface OutgoingEmail extends EmailContent {
  /** Same key, same email: (recipient, purpose, item, date) — queuing it again does nothing. */
  idempotencyKey: string;
  recipient: string;
  purpose: string;
  headers?: Record<string, string>;
}

export const SEND_EMAIL_JOB = 'email-send';

/**
 * Writes the email to the outbox, inside the caller's transaction. Returns its id, or null when
 * an email with the same idempotency key already exists. The caller enqueues SEND_EMAIL_JOB with
 * the id once the transaction has committed.
 */
export async function queueEmail(db: Pick<Database, 'execute'>, email: OutgoingEmail): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>(db, sql`
    INSERT INTO emails (idempotency_key, recipient, purpose, subject, html, text, headers)
    VALUES (${email.idempotencyKey}, ${email.recipient}, ${email.purpose}, ${email.subject}, ${email.html}, ${email.text}, ${JSON.stringify(email.headers ?? {})}::jsonb)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id`);
  return row ? Number(row.id) : null;
}
