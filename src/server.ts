import './platform/runtime/require-supported-node.ts';
import { buildApp } from './app.ts';
import { openMigratedDatabase, seedIfEmpty } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { createMailTransport } from './platform/email/transport.ts';
import { createPgBossJobs } from './platform/jobs.ts';
import { createDiskStorage } from './platform/storage.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openMigratedDatabase(config);
  const storage = createDiskStorage(config.storageDir);
  if (config.seedOnStart && (await seedIfEmpty(database, storage, systemClock))) {
    console.info('Base vide : les aides et les ressources de démonstration ont été chargées.');
  }
  const mailTransport = createMailTransport(config.mail.smtpUrl);
  const jobs = createPgBossJobs(database, { work: config.runJobs, ...config.jobs });
  const app = await buildApp({ config, db: database.db, clock: systemClock, jobs, mailTransport, storage });
  await jobs.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'arrêt en cours');
    await app.close();
    await jobs.stop();
    mailTransport.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Elles font la culture : ${config.publicUrl} (base ${database.driver}, emails ${mailTransport.kind === 'smtp' ? 'SMTP' : 'gardés sur /dev/emails'})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
