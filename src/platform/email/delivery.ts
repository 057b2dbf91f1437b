import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Clock } from '../clock.ts';
import type { MailTransport } from './transport.ts';

export interface DeliveryOptions {
  from: string;
  messageIdDomain: string;
  /** How long a worker owns an email it started to send before another may retry it. */
  lockSeconds?: number;
}

interface ClaimedEmail {
  id: number;
  recipient: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string> | string;
}

/**
 * Sends one outbox email, once. The row is claimed with a conditional update, so two workers
 * (or a job run twice) cannot both send it; a failed attempt puts it back for the job's retry.
 * Returns false when there was nothing to send (already sent, or owned by another worker).
 */
export async function deliverEmail(db: Database, transport: MailTransport, emailId: number, clock: Clock, options: DeliveryOptions): Promise<boolean> {
  const now = clock.now();
  const lockUntil = new Date(now.getTime() + (options.lockSeconds ?? 120) * 1000);
  const [claimed] = await queryRows<ClaimedEmail>(db, sql`
    UPDATE emails SET status = 'sending', attempts = attempts + 1, locked_until = ${lockUntil.toISOString()}
    WHERE id = ${emailId}
      AND (status = 'pending' OR (status = 'sending' AND locked_until < ${now.toISOString()}))
    RETURNING id, recipient, subject, html, text, headers`);
  if (!claimed) return false;
  try {
    await transport.send({
      from: options.from,
      to: claimed.recipient,
      subject: claimed.subject,
      html: claimed.html,
      text: claimed.text,
      headers: typeof claimed.headers === 'string' ? JSON.parse(claimed.headers) : claimed.headers,
      messageId: `<email-${claimed.id}@${options.messageIdDomain}>`,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.execute(sql`UPDATE emails SET status = 'pending', locked_until = NULL, last_error = ${message.slice(0, 500)} WHERE id = ${emailId}`);
    throw error;
  }
  const status = transport.kind === 'smtp' ? 'sent' : 'stored';
  await db.execute(sql`UPDATE emails SET status = ${status}, sent_at = ${clock.now().toISOString()}, locked_until = NULL, last_error = NULL WHERE id = ${emailId}`);
  return true;
}

/** Ids of emails waiting to be sent (for the sweeper, which re-enqueues any the queue lost). */
export async function findUnsentEmailIds(db: Database, clock: Clock, olderThanSeconds: number, limit = 500): Promise<number[]> {
  const before = new Date(clock.now().getTime() - olderThanSeconds * 1000).toISOString();
  const rows = await queryRows<{ id: number }>(db, sql`
    SELECT id FROM emails
    WHERE (status = 'pending' AND created_at < ${before}) OR (status = 'sending' AND locked_until < ${clock.now().toISOString()})
    ORDER BY id LIMIT ${limit}`);
  return rows.map((row) => Number(row.id));
}

/** Sent emails keep their recipient only for a while (RGPD retention), then go. */
export async function purgeOldEmails(db: Database, clock: Clock, retentionDays: number): Promise<void> {
  const before = new Date(clock.now().getTime() - retentionDays * 86_400_000).toISOString();
  await db.execute(sql`DELETE FROM emails WHERE status IN ('sent', 'stored', 'failed') AND created_at < ${before}`);
}
