import type { VNode } from 'preact';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { PageContext } from '../../ui/page-context.ts';
import type { Mailer } from '../email/mailer.ts';
import type { Jobs } from '../jobs.ts';
import type { RateLimiter } from '../rate-limit.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Database;
    clock: Clock;
    jobs: Jobs;
    mailer: Mailer;
    rateLimiter: RateLimiter;
    /** Every route the application declares (the security suite walks it). */
    routeTable: { method: string; url: string; csrf: boolean }[];
  }
  interface FastifyRequest {
    pageContext(): PageContext;
  }
  interface FastifyReply {
    /** Renders a page component as a full HTML document. */
    view(page: VNode, statusCode?: number): FastifyReply;
    /** A text answer (feed, calendar) that the page cache may share, like `view` for pages. */
    sendShared(text: string, contentType: string): FastifyReply;
  }
  interface FastifyContextConfig {
    /** false only for routes that authenticate by a random token instead (one-click unsubscribe). */
    csrf?: boolean;
  }
}
