import type { FastifyInstance } from 'fastify';
import { parisDate } from '../../platform/dates.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { buildCalendar, deadlineEventsOf } from './calendar.ts';
import { searchCatalogue } from './catalogue-search.queries.ts';
import { CataloguePage } from './catalogue.page.tsx';
import { DetailPage } from './detail.page.tsx';
import { findPublishedOpportunityBySlug, findSimilarOpportunities } from './opportunities.queries.ts';
import { hasCriteria, parseOpportunitySearch, searchUrl } from './search.schema.ts';
import { profileSearch } from './profile-search.ts';
import type { CatalogueIndexStore } from './catalogue-index.store.ts';
import { followKindsOf } from '../alerts/alerts.queries.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function loadPublished(app: FastifyInstance, slug: string) {
  if (!SLUG.test(slug) || slug.length > 150) throw new NotFoundError();
  const opportunity = await findPublishedOpportunityBySlug(app.db, slug);
  if (!opportunity) throw new NotFoundError();
  return opportunity;
}

export function registerOpportunityRoutes(app: FastifyInstance, { catalogueIndex }: { catalogueIndex: CatalogueIndexStore }): void {
  app.get('/aides', { config: { pageCache: true } }, async (request, reply) => {
    const search = parseOpportunitySearch(request.query);
    const today = parisDate(app.clock.now());
    const result = await searchCatalogue(app.db, catalogueIndex, search, today);
    const suggested = request.currentUser && !hasCriteria(search) ? profileSearch(request.currentUser, today) : null;
    return reply.view(<CataloguePage ctx={request.pageContext()} search={search} result={result} today={today} profileHref={suggested ? searchUrl(suggested) : null} />);
  });

  app.get<{ Params: { slug: string } }>('/aides/:slug', { config: { pageCache: true } }, async (request, reply) => {
    const opportunity = await loadPublished(app, request.params.slug);
    const today = parisDate(app.clock.now());
    const similar = await findSimilarOpportunities(app.db, catalogueIndex, opportunity.id, today, 3);
    const user = request.currentUser;
    const follow = {
      signedIn: user !== null,
      kinds: user ? await followKindsOf(app.db, user.id, opportunity.id) : [],
      justFollowed: user !== null && (request.query as { suivi?: string }).suivi === 'ok',
    };
    return reply.view(<DetailPage ctx={request.pageContext()} opportunity={opportunity} similar={similar} today={today} follow={follow} />);
  });

  app.get<{ Params: { slug: string } }>('/aides/:slug/agenda.ics', async (request, reply) => {
    const opportunity = await loadPublished(app, request.params.slug);
    const now = app.clock.now();
    const today = parisDate(now);
    const events = deadlineEventsOf(opportunity, today, app.config.publicUrl);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${opportunity.slug}.ics"`)
      .send(buildCalendar(events, { name: opportunity.title, now }));
  });
}
