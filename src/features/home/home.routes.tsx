import type { FastifyInstance } from 'fastify';
import { parisDate } from '../../platform/dates.ts';
import { countPublishedOpportunities, findClosingSoon } from '../opportunities/opportunities.queries.ts';
import { HomePage } from './home.page.tsx';

const CLOSING_SOON_ON_HOME = 6;

export function registerHomeRoutes(app: FastifyInstance): void {
  app.get('/', async (request, reply) => {
    const today = parisDate(app.clock.now());
    const [closingSoon, publishedCount] = await Promise.all([
      findClosingSoon(app.db, today, CLOSING_SOON_ON_HOME),
      countPublishedOpportunities(app.db),
    ]);
    return reply.view(<HomePage ctx={request.pageContext()} closingSoon={closingSoon} publishedCount={publishedCount} today={today} />);
  });
}
