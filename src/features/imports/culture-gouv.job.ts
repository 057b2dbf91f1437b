import type { FastifyInstance } from 'fastify';
import { httpPageFetcher, runCultureImport } from './culture-gouv.import.ts';

export const CULTURE_IMPORT_JOB = 'import-culture-gouv';

/** Every Monday at 5:00 (Paris): new and changed procedures of the Ministry's open data. */
export function setUpCultureImportJob(app: FastifyInstance): void {
  app.jobs.define({
    name: CULTURE_IMPORT_JOB,
    cron: '0 5 * * 1',
    retryLimit: 3,
    retryDelay: 600,
    handle: async () => {
      const report = await runCultureImport(app.db, httpPageFetcher(app.config.cultureApiUrl), app.clock);
      app.log.info({ report }, 'import culture.gouv.fr terminé');
    },
  });
}
