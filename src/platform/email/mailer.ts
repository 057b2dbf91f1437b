import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { Jobs } from '../jobs.ts';
import { deliverEmail, findUnsentEmailIds, purgeOldEmails } from './delivery.ts';
import { SEND_EMAIL_JOB } from './outbox.ts';
import type { MailTransport } from './transport.ts';

export const SWEEP_EMAILS_JOB = 'email-sweep';

export interface Mailer {
  /** After commit: hands queued emails to the sending job (the sweeper catches any missed). */
  dispatch(emailIds: readonly (number | null)[]): Promise<void>;
}

export function setUpMailer(options: { db: Database; jobs: Jobs; transport: MailTransport; clock: Clock; config: Config }): Mailer {
  const { db, jobs, transport, clock, config } = options;
  // An email stays reserved to the worker sending it as long as its job may run: after that, the
  // job is retried (its worker is gone) and the retry may take the email over.
  const delivery = { from: config.mail.from, messageIdDomain: new URL(config.publicUrl).hostname, lockSeconds: config.jobs.expireSeconds };
  jobs.define<{ emailId: number }>({
    name: SEND_EMAIL_JOB,
    // An SMTP outage is retried with growing delays: 30 s, 1 min, 2 min… about 8 hours in all.
    retryLimit: 10,
    retryDelay: 30,
    handle: async ({ emailId }) => {
      await deliverEmail(db, transport, emailId, clock, delivery);
    },
  });
  jobs.define({
    name: SWEEP_EMAILS_JOB,
    cron: '*/10 * * * *',
    handle: async () => {
      for (const emailId of await findUnsentEmailIds(db, clock, 600)) await jobs.send(SEND_EMAIL_JOB, { emailId }, { singletonKey: `email-${emailId}` });
      await purgeOldEmails(db, clock, config.mail.retentionDays);
    },
  });
  return {
    async dispatch(emailIds) {
      for (const emailId of emailIds) {
        if (emailId === null) continue;
        try {
          await jobs.send(SEND_EMAIL_JOB, { emailId }, { singletonKey: `email-${emailId}` });
        } catch (error) {
          // The email is safe in the outbox: the sweeper will enqueue it again.
          console.error('email non mis en file, il le sera par le balayage', error);
        }
      }
    },
  };
}
