import type { Database } from '../../db/client.ts';
import { type ContactSubject, contactMessages } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { simpleEmail } from '../../platform/email/simple-email.tsx';
import { CONTACT_SUBJECT_LABELS } from './contact.vocabulary.ts';

export interface ContactMessage {
  subject: ContactSubject;
  email: string;
  name: string | null;
  message: string;
}

/** Kept for the back-office and sent to the team's address; answering is a reply to the sender. */
export async function recordContactMessage(
  db: Database,
  message: ContactMessage,
  options: { userId: number | null; clock: Clock; teamAddress: string; publicUrl: string },
): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(contactMessages).values({ ...message, userId: options.userId, createdAt: options.clock.now() }).returning({ id: contactMessages.id });
    const from = message.name ? `${message.name} <${message.email}>` : message.email;
    return queueEmail(tx, {
      idempotencyKey: `contact:${row!.id}`,
      recipient: options.teamAddress,
      purpose: 'contact',
      headers: { 'Reply-To': message.email },
      ...simpleEmail({
        subject: `[Nous écrire] ${CONTACT_SUBJECT_LABELS[message.subject]}`,
        title: CONTACT_SUBJECT_LABELS[message.subject],
        greeting: false,
        paragraphs: [`Message de ${from}${options.userId ? ' (compte membre)' : ''} :`, message.message, `Répondez simplement à cet email. Tous les messages : ${options.publicUrl}/admin/messages`],
        publicUrl: options.publicUrl,
      }),
    });
  });
}
