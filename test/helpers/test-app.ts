import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { type Clock, fixedClock } from '../../src/platform/clock.ts';
import { type MailTransport, createMailTransport } from '../../src/platform/email/transport.ts';
import { type InlineJobs, createInlineJobs } from '../../src/platform/jobs.ts';
import { type SmtpSink, startSmtpSink } from './smtp-sink.ts';
import { createTestDatabase } from './test-database.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Storage, createDiskStorage } from '../../src/platform/storage.ts';

export interface TestContext {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  jobs: InlineJobs;
  /** Present when the test asked for a real SMTP server. */
  smtp: SmtpSink | null;
  mailTransport: MailTransport;
  storage: Storage;
  storageDir: string;
  close(): Promise<void>;
}

/** A default "today" for tests: a Tuesday in spring, Paris time. */
export const TEST_NOW = '2027-03-02T10:00:00+01:00';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000', SEED_ON_START: 'false', CONTENT_VERSION_TTL_MS: '0',
    ...overrides,
  });
}

interface TestAppOptions {
  now?: string;
  config?: Record<string, string>;
  clock?: Clock;
  /** Send emails to a real SMTP server started in the test process. */
  smtp?: boolean;
  /** Routes only a test needs (a failing handler…), added before the app starts. */
  extraRoutes?: (app: FastifyInstance) => void;
}

/** The real application on a fresh database, with a clock the test controls and inline jobs. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const clock = fixedClock(options.now ?? TEST_NOW);
  const smtp = options.smtp ? await startSmtpSink() : null;
  const config = testConfig({ ...(smtp ? { SMTP_URL: smtp.url } : {}), ...options.config });
  const jobs = createInlineJobs();
  const mailTransport = createMailTransport(config.mail.smtpUrl);
  const storageDir = await mkdtemp(join(tmpdir(), 'eflc-storage-'));
  const storage = createDiskStorage(storageDir);
  const app = await buildApp({ config, db: database.db, clock: options.clock ?? clock, jobs, mailTransport, storage });
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    jobs,
    smtp,
    mailTransport,
    storage,
    storageDir,
    close: async () => {
      await app.close();
      mailTransport.close();
      await smtp?.stop();
      await database.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
