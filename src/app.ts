import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { registerCurrentUser } from './platform/auth/current-user.ts';
import { sessionCookieName } from './platform/auth/sessions.ts';
import type { Clock } from './platform/clock.ts';
import { createContentVersions } from './platform/content-versions.ts';
import { parisDate } from './platform/dates.ts';
import { setUpMailer } from './platform/email/mailer.ts';
import type { MailTransport } from './platform/email/transport.ts';
import { setUpHousekeeping } from './platform/housekeeping.ts';
import { registerCsrf } from './platform/http/csrf.ts';
import { registerInputCleaning } from './platform/http/input-cleaning.ts';
import { registerUploads } from './platform/http/uploads.ts';
import { registerErrorHandling } from './platform/http/error-handler.tsx';
import './platform/http/fastify-augment.ts';
import { registerPageCache } from './platform/http/page-cache.ts';
import { registerSecurityHeaders } from './platform/http/security.ts';
import { registerStaticAssets } from './platform/http/static-assets.ts';
import { registerViews } from './platform/http/view.tsx';
import type { Jobs } from './platform/jobs.ts';
import { loggerOptions } from './platform/logging.ts';
import type { Storage } from './platform/storage.ts';
import { registerResourceRoutes } from './features/resources/resources.routes.tsx';
import { createRateLimiter } from './platform/rate-limit.ts';
import { registerAboutRoutes } from './features/about/about.routes.tsx';
import { registerAccountRoutes } from './features/accounts/account.routes.tsx';
import { registerSignInRoutes } from './features/accounts/sign-in.routes.tsx';
import { registerAlertRoutes } from './features/alerts/alerts.routes.tsx';
import { setUpDigestJob } from './features/alerts/digest.job.ts';
import { registerBackofficeRoutes } from './features/backoffice/backoffice.routes.tsx';
import { registerContributionRoutes } from './features/contributions/contributions.routes.tsx';
import { registerDevOutboxRoutes } from './features/dev-outbox/dev-outbox.routes.tsx';
import { setUpCultureImportJob } from './features/imports/culture-gouv.job.ts';
import { setUpFreshnessJob } from './features/backoffice/freshness.job.ts';
import { setUpLinkCheckJob } from './features/link-checker/link-checker.job.ts';
import { registerHealthRoutes } from './features/health/health.routes.ts';
import { registerHomeRoutes } from './features/home/home.routes.tsx';
import { createCatalogueIndexStore } from './features/opportunities/catalogue-index.store.ts';
import { registerOpportunityRoutes } from './features/opportunities/opportunities.routes.tsx';
import { registerParityRoutes } from './features/parity/parity.routes.tsx';
import { setUpPeerReviewJobs } from './features/peer-review/peer-review.job.ts';
import { setUpMentoringJob } from './features/mentoring/mentoring.job.ts';
import { registerMentoringRoutes } from './features/mentoring/mentoring.routes.tsx';
import { setUpDirectoryJob } from './features/directory/directory.job.ts';
import { registerDirectoryRoutes } from './features/directory/directory.routes.tsx';
import { registerStatsRoutes } from './features/stats/stats.routes.tsx';
import { registerApiRoutes } from './features/api/api.routes.tsx';
import { registerFeedRoutes } from './features/feeds/feeds.routes.ts';
import { registerContactRoutes } from './features/contact/contact.routes.tsx';
import { setUpContactRetentionJob } from './features/contact/contact-retention.job.ts';
import { registerNewsletterRoutes } from './features/newsletter/newsletter.routes.tsx';
import { registerPeerReviewRoutes } from './features/peer-review/peer-review.routes.tsx';

export interface AppDependencies {
  config: Config;
  db: Database;
  clock: Clock;
  jobs: Jobs;
  mailTransport: MailTransport;
  storage: Storage;
}

/** The composition root: platform first (security, parsing, views, errors), then features. */
export async function buildApp({ config, db, clock, jobs, mailTransport, storage }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const routeTable: { method: string; url: string; csrf: boolean }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, csrf: route.config?.csrf !== false });
    }
  });
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('clock', clock);
  app.decorate('jobs', jobs);
  app.decorate('rateLimiter', createRateLimiter(db, clock));
  app.decorate('mailer', setUpMailer({ db, jobs, transport: mailTransport, clock, config }));
  setUpHousekeeping({ db, jobs, clock });

  await registerSecurityHeaders(app, config.isProduction, config.analytics ? new URL(config.analytics.matomoUrl).origin : null);
  // Moderate levels: pages are compressed on every request, and brotli's default level (11) costs
  // more CPU than rendering the page.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip', 'deflate'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 5 },
  });
  await registerCsrf(app, { cookieSecret: config.cookieSecret, production: config.isProduction, sessionCookie: sessionCookieName(config.isProduction) });
  // Uploads first: its preValidation hook puts a multipart form's first fields in the body, which
  // the input cleaning then cleans like any other body.
  await registerUploads(app);
  registerInputCleaning(app);
  const contentVersions = createContentVersions(db, { ttlMs: config.contentVersionTtlMs });
  const pageCache = registerPageCache(app, {
    maxEntries: config.pageCacheEntries,
    versions: contentVersions,
    today: () => parisDate(clock.now()),
    personalCookies: [sessionCookieName(config.isProduction)],
  });
  registerViews(app, pageCache);
  registerCurrentUser(app);
  registerErrorHandling(app, { isProduction: config.isProduction });
  await registerStaticAssets(app);

  const catalogueIndex = createCatalogueIndexStore(db, contentVersions);
  setUpDigestJob(app, { catalogueIndex });
  setUpCultureImportJob(app);
  setUpLinkCheckJob(app);
  setUpFreshnessJob(app);
  setUpPeerReviewJobs(app, { storage });
  setUpMentoringJob(app);
  setUpDirectoryJob(app);
  setUpContactRetentionJob(app);
  registerHealthRoutes(app);
  registerHomeRoutes(app, { catalogueIndex });
  registerOpportunityRoutes(app, { catalogueIndex });
  registerSignInRoutes(app);
  registerAccountRoutes(app, { storage });
  registerAlertRoutes(app, { catalogueIndex });
  registerContributionRoutes(app);
  registerResourceRoutes(app, { storage });
  registerPeerReviewRoutes(app, { storage });
  registerMentoringRoutes(app);
  registerDirectoryRoutes(app);
  registerStatsRoutes(app);
  registerApiRoutes(app, { catalogueIndex, contentVersions });
  registerFeedRoutes(app, { catalogueIndex });
  registerContactRoutes(app);
  registerNewsletterRoutes(app);
  registerParityRoutes(app);
  registerBackofficeRoutes(app, { storage });
  registerAboutRoutes(app);
  if (!config.isProduction && mailTransport.kind === 'outbox') registerDevOutboxRoutes(app);
  return app;
}
