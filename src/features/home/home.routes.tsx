import type { FastifyInstance } from 'fastify';
import { parisDate } from '../../platform/dates.ts';
import { findClosingSoon } from '../opportunities/opportunities.queries.ts';
import { profileSearch } from '../opportunities/profile-search.ts';
import { HomePage } from './home.page.tsx';
import type { CatalogueIndexStore } from '../opportunities/catalogue-index.store.ts';

const CLOSING_SOON_ON_HOME = 6;

export function registerHomeRoutes(app: FastifyInstance, { catalogueIndex }: { catalogueIndex: CatalogueIndexStore }): void {
  app.get('/', { config: { pageCache: true } }, async (request, reply) => {
    const today = parisDate(app.clock.now());
    const profile = request.currentUser ? profileSearch(request.currentUser, today) : null;
    const closingSoon = await findClosingSoon(app.db, catalogueIndex, today, CLOSING_SOON_ON_HOME, profile);
    const publishedCount = (await catalogueIndex.entriesOn(today)).length;
    return reply.view(<HomePage ctx={request.pageContext()} closingSoon={closingSoon} publishedCount={publishedCount} today={today} />);
  });
}
