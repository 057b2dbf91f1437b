import { PgBoss, fromPglite } from 'pg-boss';
import type { DatabaseHandle } from '../db/client.ts';

/**
 * Background jobs. In production pg-boss runs them (retries with backoff, cron, each job once
 * across processes). Tests use the inline runner: jobs are recorded and the test runs them when
 * it chooses, so nothing depends on timers.
 */
export interface JobDefinition<Data> {
  name: string;
  handle(data: Data): Promise<void>;
  retryLimit?: number;
  /** Seconds before the first retry; doubles each time. */
  retryDelay?: number;
  /** Cron expression (Europe/Paris) when the job also runs on a schedule. */
  cron?: string;
}

export interface Jobs {
  define<Data extends object>(definition: JobDefinition<Data>): void;
  /** Enqueue after the transaction that made the job necessary has committed. The same singletonKey within the hour enqueues once, across processes. */
  send(name: string, data: object, options?: { singletonKey?: string }): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const SINGLETON_SLOT_SECONDS = 3600;

export function createPgBossJobs(database: DatabaseHandle, options: { work: boolean; expireSeconds?: number; superviseSeconds?: number }): Jobs {
  const supervision = { superviseIntervalSeconds: options.superviseSeconds ?? 60 };
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: 'pgboss', ...supervision })
    : new PgBoss({ connectionString: connectionStringOf(database), schema: 'pgboss', max: 4, ...supervision });
  const definitions = new Map<string, JobDefinition<object>>();
  boss.on('error', (error) => console.error('pg-boss', error));
  return {
    define(definition) {
      definitions.set(definition.name, definition as JobDefinition<object>);
    },
    async send(name, data, sendOptions) {
      // pg-boss only enforces a singleton key on ordinary queues together with a time slot
      // (singletonSeconds): the same key within the hour makes one job, whichever process sends it.
      await boss.send(name, data, sendOptions?.singletonKey ? { singletonKey: sendOptions.singletonKey, singletonSeconds: SINGLETON_SLOT_SECONDS } : {});
    },
    async start() {
      await boss.start();
      for (const definition of definitions.values()) {
        await boss.createQueue(definition.name, {
          retryLimit: definition.retryLimit ?? 5,
          retryDelay: definition.retryDelay ?? 30,
          retryBackoff: true,
          // A job still "active" after this long lost its worker: pg-boss fails it, and retries it.
          expireInSeconds: options.expireSeconds ?? 900,
        });
        if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: 'Europe/Paris' });
        if (options.work) {
          await boss.work(definition.name, async (jobs) => {
            for (const job of jobs) await definition.handle(job.data as object);
          });
        }
      }
    },
    async stop() {
      await boss.stop({ graceful: true });
    },
  };
}

function connectionStringOf(database: DatabaseHandle): string {
  const options = database.pool?.options as { connectionString?: string } | undefined;
  if (!options?.connectionString) throw new Error('pg-boss needs the connection string of the PostgreSQL pool');
  return options.connectionString;
}

/** For tests: `send` records; `runAll` runs what was recorded, in order, until nothing is left. */
export interface InlineJobs extends Jobs {
  sent: { name: string; data: object }[];
  runAll(): Promise<void>;
  run(name: string, data?: object): Promise<void>;
}

export function createInlineJobs(): InlineJobs {
  const definitions = new Map<string, JobDefinition<object>>();
  const jobs: InlineJobs = {
    sent: [],
    define(definition) {
      definitions.set(definition.name, definition as JobDefinition<object>);
    },
    async send(name, data) {
      if (!definitions.has(name)) throw new Error(`unknown job ${name}`);
      jobs.sent.push({ name, data });
    },
    async start() {},
    async stop() {},
    async runAll() {
      while (jobs.sent.length > 0) {
        const next = jobs.sent.shift()!;
        await definitions.get(next.name)!.handle(next.data);
      }
    },
    async run(name, data = {}) {
      const definition = definitions.get(name);
      if (!definition) throw new Error(`unknown job ${name}`);
      await definition.handle(data);
    },
  };
  return jobs;
}
