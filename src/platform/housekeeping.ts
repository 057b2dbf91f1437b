import type { Database } from '../db/client.ts';
import { purgeExpiredSessions } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import type { Jobs } from './jobs.ts';
import { purgeRateLimitWindows } from './rate-limit.ts';

export const HOUSEKEEPING_JOB = 'housekeeping';

/** Every night: expired sessions and links, old rate-limit counters (retention in code). */
export function setUpHousekeeping({ db, jobs, clock }: { db: Database; jobs: Jobs; clock: Clock }): void {
  jobs.define({
    name: HOUSEKEEPING_JOB,
    cron: '30 3 * * *',
    handle: async () => {
      await purgeExpiredSessions(db, clock);
      await purgeRateLimitWindows(db, clock);
    },
  });
}
