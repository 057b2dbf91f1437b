import type { FastifyInstance } from 'fastify';
import { toCsv } from '../../platform/csv.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { StatsPage } from './stats.page.tsx';
import { SERIES_SLUGS, impactFigures, masked, monthlySeries } from './stats.queries.ts';

export function registerStatsRoutes(app: FastifyInstance): void {
  app.get('/stats', async (request, reply) => {
    const [figures, series] = await Promise.all([impactFigures(app.db), monthlySeries(app.db, app.clock.now())]);
    return reply.view(<StatsPage ctx={request.pageContext()} figures={figures} series={series} />);
  });

  app.get<{ Params: { slug: string } }>('/stats/:slug.csv', async (request, reply) => {
    if (!SERIES_SLUGS.includes(request.params.slug)) throw new NotFoundError();
    const series = (await monthlySeries(app.db, app.clock.now())).find((item) => item.slug === request.params.slug)!;
    // Masked exactly as on the page: a CSV must not reveal what the page hides.
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="elles-font-la-culture-${series.slug}.csv"`).header('access-control-allow-origin', '*')
      .send(toCsv(['mois', 'valeur'], series.points.map((point) => [point.month, masked(point.value).replace(/\u202f|\u00a0/g, '')])));
  });
}
