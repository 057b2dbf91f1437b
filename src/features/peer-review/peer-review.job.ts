import type { FastifyInstance } from 'fastify';
import type { Storage } from '../../platform/storage.ts';
import { purgeExpired, runDeadlines, runMatching } from './peer-review.commands.ts';

export const PEER_REVIEW_MATCH_JOB = 'peer-review-match';
export const PEER_REVIEW_DEADLINES_JOB = 'peer-review-deadlines';
export const PEER_REVIEW_RETENTION_JOB = 'peer-review-retention';

/**
 * Matching runs when a dossier arrives and every hour (waits grow, constraints relax); the
 * deadlines every hour (reminders, drops, then a matching for those sent back to the queue);
 * the retention every night.
 */
export function setUpPeerReviewJobs(app: FastifyInstance, { storage }: { storage: Storage }): void {
  const match = async () => {
    const { emailIds } = await runMatching(app.db, app.clock, app.config.publicUrl);
    await app.mailer.dispatch(emailIds);
  };
  app.jobs.define({ name: PEER_REVIEW_MATCH_JOB, cron: '5 * * * *', handle: match });
  app.jobs.define({
    name: PEER_REVIEW_DEADLINES_JOB,
    cron: '20 * * * *',
    handle: async () => {
      const { emailIds, dropped } = await runDeadlines(app.db, app.clock, app.config.publicUrl);
      await app.mailer.dispatch(emailIds);
      if (dropped > 0) await match();
    },
  });
  app.jobs.define({
    name: PEER_REVIEW_RETENTION_JOB,
    cron: '40 3 * * *',
    handle: async () => {
      await purgeExpired(app.db, storage, app.clock, app.config.peerReviewRetentionDays);
    },
  });
}
