import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Clock } from './platform/clock.ts';
import { registerCsrf } from './platform/http/csrf.ts';
import { registerErrorHandling } from './platform/http/error-handler.tsx';
import './platform/http/fastify-augment.ts';
import { registerSecurityHeaders } from './platform/http/security.ts';
import { registerStaticAssets } from './platform/http/static-assets.ts';
import { registerViews } from './platform/http/view.tsx';
import { registerPageCache } from './platform/http/page-cache.ts';
import { createContentVersions } from './platform/content-versions.ts';
import { parisDate } from './platform/dates.ts';
import { createCatalogueIndexStore } from './features/opportunities/catalogue-index.store.ts';
import { loggerOptions } from './platform/logging.ts';
import { registerAboutRoutes } from './features/about/about.routes.tsx';
import { registerHealthRoutes } from './features/health/health.routes.ts';
import { registerHomeRoutes } from './features/home/home.routes.tsx';
import { registerOpportunityRoutes } from './features/opportunities/opportunities.routes.tsx';

export interface AppDependencies {
  config: Config;
  db: Database;
  clock: Clock;
}

/** The composition root: platform first (security, parsing, views, errors), then features. */
export async function buildApp({ config, db, clock }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('clock', clock);

  await registerSecurityHeaders(app, config.isProduction);
  // Moderate levels: pages are compressed on every request, and brotli's default level (11) costs
  // more CPU than rendering the page.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip', 'deflate'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 5 },
  });
  await registerCsrf(app, { cookieSecret: config.cookieSecret, secureCookies: config.isProduction });
  const contentVersions = createContentVersions(db, { ttlMs: config.contentVersionTtlMs });
  const pageCache = registerPageCache(app, {
    maxEntries: config.pageCacheEntries,
    versions: contentVersions,
    today: () => parisDate(clock.now()),
    personalCookies: [],
  });
  registerViews(app, pageCache);
  registerErrorHandling(app, { isProduction: config.isProduction });
  await registerStaticAssets(app);

  const catalogueIndex = createCatalogueIndexStore(db, contentVersions);
  registerHealthRoutes(app);
  registerHomeRoutes(app, { catalogueIndex });
  registerOpportunityRoutes(app, { catalogueIndex });
  registerAboutRoutes(app);
  return app;
}
