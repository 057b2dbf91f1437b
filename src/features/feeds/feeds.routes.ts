import type { FastifyInstance } from 'fastify';
import { parisDate } from '../../platform/dates.ts';
import { LEGAL_LINKS, MAIN_NAVIGATION, SECONDARY_PAGES, SERVICE_LINKS } from '../../ui/navigation.ts';
import { buildCalendar, deadlineEventsOf } from '../opportunities/calendar.ts';
import type { CatalogueIndexStore } from '../opportunities/catalogue-index.store.ts';
import { searchCatalogue } from '../opportunities/catalogue-search.queries.ts';
import { KIND_LABELS } from '../opportunities/opportunity.vocabulary.ts';
import { amountSentence, statusOf, statusSentence } from '../opportunities/opportunity.presenters.ts';
import { hasCriteria, parseOpportunitySearch, toQueryString } from '../opportunities/search.schema.ts';
import { buildRss } from './rss.ts';
import { buildSitemap } from './sitemap.ts';
import { publicDetailPages } from './sitemap.queries.ts';

/** A feed reader or a calendar polls often: the newest 100 items are plenty, and keep the answer small. */
export const FEED_SIZE = 100;
/** Deadlines ahead are fewer than items: a calendar takes every one of the search. */
export const CALENDAR_SIZE = 1000;

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

/**
 * Subscriptions that need no account: RSS of new opportunities and an iCalendar of deadlines,
 * both following any catalogue search (the same query string as /aides); sitemap and robots.
 */
export function registerFeedRoutes(app: FastifyInstance, { catalogueIndex }: { catalogueIndex: CatalogueIndexStore }): void {
  const publicUrl = app.config.publicUrl;

  app.get('/aides/flux.xml', { config: { pageCache: true } }, async (request, reply) => {
    const now = app.clock.now();
    const today = parisDate(now);
    const search = { ...parseOpportunitySearch(request.query), sort: 'newest' as const, page: 1 };
    const query = toQueryString({ ...search, sort: null });
    const result = await searchCatalogue(app.db, catalogueIndex, search, today, FEED_SIZE);
    const xml = buildRss({
      title: hasCriteria(search) ? 'Nouvelles aides de votre recherche — Elles font la culture' : 'Nouvelles aides — Elles font la culture',
      description: 'Les aides aux photographes (bourses, résidences, prix, appels à candidatures) publiées dans le catalogue, les plus récentes d’abord.',
      link: withQuery(`${publicUrl}/aides`, query),
      selfUrl: withQuery(`${publicUrl}/aides/flux.xml`, query),
      builtAt: now,
      items: result.items.map((opportunity) => ({
        title: opportunity.title,
        link: `${publicUrl}/aides/${opportunity.slug}`,
        guid: `${publicUrl}/aides/${opportunity.slug}`,
        publishedAt: opportunity.publishedAt ?? opportunity.createdAt,
        description: [opportunity.summary, `${KIND_LABELS[opportunity.kind]} — ${opportunity.organizer}.`, statusSentence(statusOf(opportunity, today)), amountSentence(opportunity)]
          .filter(Boolean).join(' '),
        categories: [KIND_LABELS[opportunity.kind]],
      })),
    });
    return reply.header('cache-control', 'public, max-age=900').header('access-control-allow-origin', '*').sendShared(xml, 'application/rss+xml; charset=utf-8');
  });

  app.get('/aides/calendrier.ics', { config: { pageCache: true } }, async (request, reply) => {
    const now = app.clock.now();
    const today = parisDate(now);
    const search = { ...parseOpportunitySearch(request.query), sort: 'closing' as const, page: 1 };
    const result = await searchCatalogue(app.db, catalogueIndex, search, today, CALENDAR_SIZE);
    const events = result.items.flatMap((opportunity) => deadlineEventsOf(opportunity, today, publicUrl));
    const name = hasCriteria(search) ? 'Dates limites de ma recherche — Elles font la culture' : 'Dates limites des aides — Elles font la culture';
    // Inline, not an attachment: calendar apps subscribe to this address and refresh it.
    return reply.header('cache-control', 'public, max-age=3600').sendShared(buildCalendar(events, { name, now }), 'text/calendar; charset=utf-8');
  });

  app.get('/sitemap.xml', { config: { pageCache: true } }, async (_request, reply) => {
    const pages = await publicDetailPages(app.db);
    const fixed = ['/', ...[...MAIN_NAVIGATION, ...SECONDARY_PAGES, ...SERVICE_LINKS, ...LEGAL_LINKS].map((entry) => entry.href)];
    const xml = buildSitemap([
      ...[...new Set(fixed)].map((path) => ({ url: `${publicUrl}${path === '/' ? '' : path}`, lastModified: null })),
      ...pages.map((page) => ({ url: `${publicUrl}${page.path}`, lastModified: new Date(page.updatedAt) })),
    ]);
    return reply.header('cache-control', 'public, max-age=3600').sendShared(xml, 'application/xml; charset=utf-8');
  });

  app.get('/robots.txt', async (_request, reply) => {
    const lines = [
      'User-agent: *',
      // Private spaces, sign-in and the endless combinations of catalogue filters are not for crawlers.
      'Disallow: /mon-espace', 'Disallow: /admin', 'Disallow: /connexion', 'Disallow: /aides?', 'Disallow: /api/',
      'Allow: /',
      `Sitemap: ${publicUrl}/sitemap.xml`,
      '',
    ];
    return reply.type('text/plain; charset=utf-8').send(lines.join('\n'));
  });
}
