import { z } from 'zod';

// One schema for the whole environment, parsed once at start: every problem is listed
// together so a misconfigured deployment fails loudly instead of half-working.
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().regex(/^https?:\/\//, 'doit commencer par http:// ou https://').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default('./data/pglite'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    SEED_ON_START: booleanFlag.default(true),
    MIGRATE_ON_START: booleanFlag.default(true),
    COOKIE_SECRET: z.string().min(32, 'au moins 32 caractères').optional(),
    TRUST_PROXY: booleanFlag.default(false),
    CONTENT_VERSION_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://').optional(),
    MAIL_FROM: z.string().min(3).default('Elles font la culture <ne-pas-repondre@ellesfontlaculture.culture.gouv.fr>'),
    TEAM_EMAIL: z.email().default('ellesfontlaculture@culture.gouv.fr'),
    EMAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    RUN_JOBS: booleanFlag.default(true),
    CULTURE_API_URL: z.url().default('https://www.culture.gouv.fr/api/online-procedures'),
    STORAGE_DIR: z.string().min(1).default('./data/storage'),
    PEER_REVIEW_RETENTION_DAYS: z.coerce.number().int().min(1).max(730).default(90),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
    JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    JOB_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    MATOMO_URL: z.url().regex(/^https?:\/\//, 'doit commencer par https://').optional(),
    MATOMO_SITE_ID: z.string().regex(/^\d{1,6}$/, 'un numéro de site Matomo').optional(),
  });

// Rules across variables, checked even when a single variable is already wrong.
function crossVariableProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.COOKIE_SECRET) problems.push('COOKIE_SECRET: obligatoire en production');
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) problems.push('PUBLIC_URL: obligatoire en production (l’adresse https:// du service, celle des liens des emails)');
  if (Boolean(env.MATOMO_URL) !== Boolean(env.MATOMO_SITE_ID)) problems.push('MATOMO_URL et MATOMO_SITE_ID : les deux ou aucun');
  return problems;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  host: string;
  port: number;
  publicUrl: string;
  logLevel: string;
  database: { url?: string; pgliteDataDir: string; poolSize: number };
  seedOnStart: boolean;
  /**
   * PostgreSQL only: web and worker processes migrate at start (under the advisory lock). False
   * when a release step (`npm run db:migrate`) does it; the embedded database always migrates.
   */
  migrateOnStart: boolean;
  cookieSecret: string;
  trustProxy: boolean;
  /** How long a read of the content versions is trusted (0: read on every request). */
  contentVersionTtlMs: number;
  /** Rendered public pages kept in memory (0: no page cache). */
  pageCacheEntries: number;
  mail: { smtpUrl?: string; from: string; teamAddress: string; retentionDays: number };
  /** This process works on background jobs (false: a separate `npm run worker` does). */
  runJobs: boolean;
  /** The Ministry's open-data API of online procedures (imported weekly). */
  cultureApiUrl: string;
  /** Where files are kept (documents, dossiers): never served as a public folder. */
  storageDir: string;
  /** Days after feedback is released before dossiers, attachments and feedback are deleted. */
  peerReviewRetentionDays: number;
  /**
   * Background jobs: a job whose worker vanished (killed, machine lost) is retried once it has
   * run expireSeconds; the check happens every superviseSeconds. An email being sent stays
   * reserved to its worker for the same expireSeconds.
   */
  jobs: { expireSeconds: number; superviseSeconds: number };
  /** Requests per minute and per client on the open API (the load bench raises it). */
  apiRateLimitPerMinute: number;
  /** Audience measurement, off unless both are set: Matomo, without cookies. */
  analytics: { matomoUrl: string; siteId: string } | null;
}

/**
 * Outside production an unset PUBLIC_URL is where this process listens, so links in emails,
 * calendar files and embed codes reach it whatever PORT is. A wildcard host is reached as localhost.
 */
export function publicUrlFromListenAddress(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return new URL(`http://${name}:${port}`).origin;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Development and tests get a fixed, clearly non-secret value so a newcomer needs no set-up;
// production refuses to start without a real secret (checked above).
const DEVELOPMENT_COOKIE_SECRET = 'development-only-cookie-secret-not-for-production';

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === '' ? undefined : value]),
  );
  const parsed = environmentSchema.safeParse(blankToUndefined);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...crossVariableProblems(blankToUndefined),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : publicUrlFromListenAddress(env.HOST, env.PORT),
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, poolSize: env.DATABASE_POOL_SIZE },
    seedOnStart: env.SEED_ON_START,
    migrateOnStart: env.MIGRATE_ON_START,
    cookieSecret: env.COOKIE_SECRET ?? DEVELOPMENT_COOKIE_SECRET,
    trustProxy: env.TRUST_PROXY,
    contentVersionTtlMs: env.CONTENT_VERSION_TTL_MS,
    pageCacheEntries: env.PAGE_CACHE_ENTRIES,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, teamAddress: env.TEAM_EMAIL, retentionDays: env.EMAIL_RETENTION_DAYS },
    runJobs: env.RUN_JOBS,
    cultureApiUrl: env.CULTURE_API_URL,
    storageDir: env.STORAGE_DIR,
    peerReviewRetentionDays: env.PEER_REVIEW_RETENTION_DAYS,
    jobs: { expireSeconds: env.JOB_EXPIRE_SECONDS, superviseSeconds: env.JOB_SUPERVISE_SECONDS },
    apiRateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    // Stored with its trailing slash: the tracker's files are appended to it.
    analytics: env.MATOMO_URL && env.MATOMO_SITE_ID ? { matomoUrl: `${env.MATOMO_URL.replace(/\/$/, '')}/`, siteId: env.MATOMO_SITE_ID } : null,
  };
}
