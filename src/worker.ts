// `npm run worker`: a process that only runs background jobs (emails, digests, housekeeping),
// for deployments that keep web processes (RUN_JOBS=false) and workers apart.
import './platform/runtime/require-supported-node.ts';
import { buildApp } from './app.ts';
import { openMigratedDatabase } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { createMailTransport } from './platform/email/transport.ts';
import { createPgBossJobs } from './platform/jobs.ts';
import { createDiskStorage } from './platform/storage.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openMigratedDatabase(config);
  const mailTransport = createMailTransport(config.mail.smtpUrl);
  const jobs = createPgBossJobs(database, { work: true, ...config.jobs });
  // The application is built for its job definitions; it does not listen.
  const app = await buildApp({ config, db: database.db, clock: systemClock, jobs, mailTransport, storage: createDiskStorage(config.storageDir) });
  await app.ready();
  await jobs.start();
  console.info(`Travailleur démarré (base ${database.driver}).`);
  const stop = async () => {
    await jobs.stop();
    await app.close();
    mailTransport.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
