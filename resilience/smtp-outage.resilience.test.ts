import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../src/db/schema/index.ts';
import { DIGEST_JOB } from '../src/features/alerts/digest.job.ts';
import { followOpportunity } from '../src/features/alerts/alerts.commands.ts';
import { SWEEP_EMAILS_JOB } from '../src/platform/email/mailer.ts';
import { SEND_EMAIL_JOB } from '../src/platform/email/outbox.ts';
import { createUser } from '../test/helpers/accounts.ts';
import { createOpportunity } from '../test/helpers/factories.ts';
import { type TestContext, createTestApp } from '../test/helpers/test-app.ts';
import { postgresUrl } from './helpers/postgres.ts';

const SUBSCRIBERS = 40;

/** The SMTP server dies in the middle of the morning digest, then comes back. */
describe('SMTP server down during a digest', () => {
  let context: TestContext;
  const recipients = Array.from({ length: SUBSCRIBERS }, (_, index) => `abonnee-${index}@exemple.fr`);

  beforeAll(async () => {
    postgresUrl();
    context = await createTestApp({ smtp: true, now: '2027-03-03T07:00:00+01:00' });
    const db = context.database.db;
    const opportunity = await createOpportunity(db, { windows: [{ opensOn: '2027-02-01', closesOn: '2027-03-06' }] });
    for (const email of recipients) {
      const user = await createUser(db, context.clock, email, 'member', { digestFrequency: 'daily' });
      await followOpportunity(db, user.id, opportunity.id, 'deadlines', context.clock);
    }
  });
  afterAll(() => context.close());

  it('loses nothing and sends nothing twice', async () => {
    await context.jobs.run(DIGEST_JOB);
    const queued = context.jobs.sent.splice(0).filter((job) => job.name === SEND_EMAIL_JOB);
    expect(queued).toHaveLength(SUBSCRIBERS);
    // A third of the emails leave, then the server stops; the sending jobs that follow fail (and would be retried).
    let failures = 0;
    for (const [index, job] of queued.entries()) {
      if (index === 13) await context.smtp!.stop();
      try {
        await context.jobs.run(job.name, job.data);
      } catch {
        failures += 1;
      }
    }
    expect(failures).toBe(SUBSCRIBERS - 13);
    expect(context.smtp!.messages).toHaveLength(13);

    // Back twenty minutes later: the sweeper finds what is still unsent; the digest, run again, adds nothing.
    await context.smtp!.restart();
    context.clock.set('2027-03-03T07:20:00+01:00');
    for (let round = 0; round < 2; round += 1) {
      await context.jobs.run(SWEEP_EMAILS_JOB);
      await context.jobs.runAll();
    }
    await context.jobs.run(DIGEST_JOB);
    await context.jobs.runAll();
    for (const email of recipients) expect(context.smtp!.to(email), email).toHaveLength(1);
    const unsent = await context.database.db.select({ id: emails.id }).from(emails).where(eq(emails.status, 'pending'));
    expect(unsent).toEqual([]);
    console.info(`Panne SMTP : ${SUBSCRIBERS} récapitulatifs, ${failures} envois échoués pendant la panne, ${context.smtp!.messages.length} emails reçus au total, aucun en double.`);
  });
});
