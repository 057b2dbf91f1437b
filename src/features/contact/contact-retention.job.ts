import { lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { contactMessages } from '../../db/schema/index.ts';
import { purgeUnconfirmedSubscribers } from '../newsletter/newsletter.commands.ts';

export const CONTACT_RETENTION_JOB = 'contact-retention';
export const CONTACT_MESSAGE_RETENTION_DAYS = 365;

/** Every night: messages older than a year and newsletter addresses never confirmed are deleted. */
export function setUpContactRetentionJob(app: FastifyInstance): void {
  app.jobs.define({
    name: CONTACT_RETENTION_JOB,
    cron: '45 3 * * *',
    handle: async () => {
      const limit = new Date(app.clock.now().getTime() - CONTACT_MESSAGE_RETENTION_DAYS * 86_400_000);
      await app.db.delete(contactMessages).where(lt(contactMessages.createdAt, limit));
      await purgeUnconfirmedSubscribers(app.db, app.clock);
    },
  });
}
