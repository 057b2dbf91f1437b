import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { type Clock, fixedClock } from '../../src/platform/clock.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestContext {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  close(): Promise<void>;
}

/** A default "today" for tests: a Tuesday in spring, Paris time. */
export const TEST_NOW = '2027-03-02T10:00:00+01:00';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000', SEED_ON_START: 'false', CONTENT_VERSION_TTL_MS: '0', ...overrides });
}

/** The real application on a fresh database, with a clock the test controls. */
interface TestAppOptions {
  now?: string;
  config?: Record<string, string>;
  clock?: Clock;
  /** Routes only a test needs (a failing handler…), added before the app starts. */
  extraRoutes?: (app: FastifyInstance) => void;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const clock = fixedClock(options.now ?? TEST_NOW);
  const config = testConfig(options.config);
  const app = await buildApp({ config, db: database.db, clock: options.clock ?? clock });
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
