import type { FastifyInstance } from 'fastify';
import { sendContactSurveys } from './directory.commands.ts';

export const CONTACT_SURVEY_JOB = 'directory-contact-surveys';

/** Every morning: the one-question survey to both sides of contacts made 30 days ago. */
export function setUpDirectoryJob(app: FastifyInstance): void {
  app.jobs.define({
    name: CONTACT_SURVEY_JOB,
    cron: '0 9 * * *',
    handle: async () => {
      await app.mailer.dispatch(await sendContactSurveys(app.db, app.clock, app.config.publicUrl));
    },
  });
}
