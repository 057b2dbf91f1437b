import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { linkChecks } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { type CheckOptions, checkUrl } from './check-url.ts';

export const LINK_CHECK_JOB = 'link-check';

export interface LinkCheckOptions extends CheckOptions {
  /** Minimum time between two requests to the same host: the checker never hammers a site. */
  perHostDelayMs: number;
  /** An address is checked again only after this many days. */
  recheckAfterDays: number;
  limit: number;
  /** Injected so tests run without waiting. */
  sleep: (milliseconds: number) => Promise<void>;
  /** Real time for politeness delays (not the business clock). */
  now?: () => number;
}

export interface LinkCheckReport {
  checked: number;
  broken: number;
}

/** Addresses of published opportunities due for a check, hosts interleaved. */
async function dueUrls(db: Database, clock: Clock, options: LinkCheckOptions): Promise<string[]> {
  const before = new Date(clock.now().getTime() - options.recheckAfterDays * 86_400_000).toISOString();
  const rows = await queryRows<{ url: string }>(db, sql`
    SELECT DISTINCT u.url FROM (
      SELECT official_url AS url FROM opportunities WHERE status = 'published' AND official_url IS NOT NULL
      UNION SELECT application_url FROM opportunities WHERE status = 'published' AND application_url IS NOT NULL
    ) AS u
    LEFT JOIN link_checks l ON l.url = u.url
    WHERE l.url IS NULL OR l.checked_at < ${before}
    ORDER BY u.url LIMIT ${options.limit}`);
  const byHost = new Map<string, string[]>();
  for (const { url } of rows) {
    const host = new URL(url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  const interleaved: string[] = [];
  for (let round = 0; interleaved.length < rows.length; round += 1) {
    for (const urls of byHost.values()) if (urls[round]) interleaved.push(urls[round]!);
  }
  return interleaved;
}

export async function runLinkCheck(db: Database, clock: Clock, options: LinkCheckOptions): Promise<LinkCheckReport> {
  const now = options.now ?? Date.now;
  const lastRequestAt = new Map<string, number>();
  const report: LinkCheckReport = { checked: 0, broken: 0 };
  for (const url of await dueUrls(db, clock, options)) {
    const host = new URL(url).host;
    const last = lastRequestAt.get(host);
    if (last !== undefined) {
      const wait = options.perHostDelayMs - (now() - last);
      if (wait > 0) await options.sleep(wait);
    }
    lastRequestAt.set(host, now());
    const result = await checkUrl(url, options);
    report.checked += 1;
    if (result.isBroken) report.broken += 1;
    await db.insert(linkChecks)
      .values({ url, ...result, failures: result.isBroken ? 1 : 0, checkedAt: clock.now() })
      .onConflictDoUpdate({
        target: linkChecks.url,
        set: { ...result, checkedAt: clock.now(), failures: result.isBroken ? sql`${linkChecks.failures} + 1` : 0 },
      });
  }
  return report;
}

export function setUpLinkCheckJob(app: FastifyInstance): void {
  app.jobs.define({
    name: LINK_CHECK_JOB,
    cron: '0 2 * * *',
    handle: async () => {
      const report = await runLinkCheck(app.db, app.clock, {
        timeoutMs: 10_000, maxRedirects: 5, perHostDelayMs: 2_000, recheckAfterDays: 7, limit: 500,
        sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
      });
      app.log.info({ report }, 'vérification des liens terminée');
    },
  });
}
