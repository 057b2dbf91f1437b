import type { FastifyInstance } from 'fastify';
import { toCsv } from '../../platform/csv.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { StatsPage } from './stats.page.tsx';
import { type ImpactFigures, type MonthlySeries, SERIES_SLUGS, impactFigures, masked, monthlySeries } from './stats.queries.ts';

/** Figures are monthly totals: computed at most once every ten minutes, they cost a visitor nothing. */
export const STATS_REFRESH_MS = 10 * 60_000;

export function registerStatsRoutes(app: FastifyInstance): void {
  let computed: { slot: number; data: Promise<{ figures: ImpactFigures; series: MonthlySeries[] }> } | null = null;
  const statistics = () => {
    const now = app.clock.now();
    const slot = Math.floor(now.getTime() / STATS_REFRESH_MS);
    if (!computed || computed.slot !== slot) {
      const data = Promise.all([impactFigures(app.db), monthlySeries(app.db, now)]).then(([figures, series]) => ({ figures, series }));
      // A failed computation (database away) is not kept.
      data.catch(() => { if (computed?.data === data) computed = null; });
      computed = { slot, data };
    }
    return computed.data;
  };

  // The page is shared by every visitor for the same ten minutes as the figures.
  const slotOf = () => String(Math.floor(app.clock.now().getTime() / STATS_REFRESH_MS));
  app.get('/stats', { config: { pageCache: { validity: slotOf } } }, async (request, reply) => {
    const { figures, series } = await statistics();
    return reply.view(<StatsPage ctx={request.pageContext()} figures={figures} series={series} />);
  });

  app.get<{ Params: { slug: string } }>('/stats/:slug.csv', async (request, reply) => {
    if (!SERIES_SLUGS.includes(request.params.slug)) throw new NotFoundError();
    const series = (await statistics()).series.find((item) => item.slug === request.params.slug)!;
    // Masked exactly as on the page: a CSV must not reveal what the page hides.
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="elles-font-la-culture-${series.slug}.csv"`).header('access-control-allow-origin', '*')
      .send(toCsv(['mois', 'valeur'], series.points.map((point) => [point.month, masked(point.value).replace(/\u202f|\u00a0/g, '')])));
  });
}
