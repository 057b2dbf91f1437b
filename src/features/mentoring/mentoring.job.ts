import type { FastifyInstance } from 'fastify';
import { runMentoringClock } from './mentoring.commands.ts';

export const MENTORING_CLOCK_JOB = 'mentoring-clock';

/** Hourly: reminders to mentors (day 3, day 10), expiry (day 14), automatic pauses. */
export function setUpMentoringJob(app: FastifyInstance): void {
  app.jobs.define({
    name: MENTORING_CLOCK_JOB,
    cron: '35 * * * *',
    handle: async () => {
      const { emailIds } = await runMentoringClock(app.db, app.clock, app.config.publicUrl);
      await app.mailer.dispatch(emailIds);
    },
  });
}
