import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createMailTransport } from '../../src/platform/email/transport.ts';
import { type InlineJobs, type Jobs, createInlineJobs } from '../../src/platform/jobs.ts';
import { createDiskStorage } from '../../src/platform/storage.ts';
import { TEST_NOW, testConfig } from '../../test/helpers/test-app.ts';

export interface RunningApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  jobs: Jobs;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/** The real application on a given PostgreSQL address, as one process of a deployment would run it. */
export async function startApp(databaseUrl: string, options: { jobs?: (database: DatabaseHandle) => Jobs; config?: Record<string, string>; clock?: ReturnType<typeof fixedClock> } = {}): Promise<RunningApp> {
  const database = await openDatabase({ driver: 'postgres', url: databaseUrl, poolSize: 4 });
  const config = testConfig({ DATABASE_URL: databaseUrl, ...options.config });
  const clock = options.clock ?? fixedClock(TEST_NOW);
  const jobs: Jobs = options.jobs ? options.jobs(database) : createInlineJobs();
  const mailTransport = createMailTransport(config.mail.smtpUrl);
  const storageDir = await mkdtemp(join(tmpdir(), 'eflc-resilience-'));
  const app = await buildApp({ config, db: database.db, clock, jobs, mailTransport, storage: createDiskStorage(storageDir) });
  await app.ready();
  return {
    app, database, jobs, clock,
    close: async () => {
      await app.close();
      mailTransport.close();
      await database.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

export type { InlineJobs };
