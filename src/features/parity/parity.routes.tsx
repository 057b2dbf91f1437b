import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.ts';
import { mustBeSignedIn, userOf } from '../../platform/auth/current-user.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { refuseWhenTooMany } from '../accounts/sign-in.routes.tsx';
import { isRobot } from '../../ui/components/honeypot.tsx';
import { parityBadgeSvg } from './badge.ts';
import { correctionRequestSchema, requestCorrection } from './correction-request.commands.ts';
import { CorrectionRequestPage } from './correction-request.page.tsx';
import { representativeStatus, submitDeclaration } from './declaration.commands.ts';
import { DeclarationPage } from './declaration.page.tsx';
import { declarationSchema, yearsOffered } from './declaration.schema.ts';
import { computeKeyFigures } from './key-figures.ts';
import { type FeaturedPrize, KeyFiguresPage } from './key-figures.page.tsx';
import { MethodsPage } from './methods.page.tsx';
import { openDataCsv, openDataJson } from './open-data.ts';
import { OpenDataPage } from './open-data.page.tsx';
import { OrganizationPage } from './organization.page.tsx';
import { ParityIndexPage } from './parity-index.page.tsx';
import { parseParitySearch } from './parity-search.schema.ts';
import {
  correctionsOf, findOrganizationById, findOrganizationBySlug, latestHeadlineFigures, latestPublicationDate, openDataRows, prizesOf, publishedFiguresOf,
  searchOrganizations, totalsByTypeAndYear,
} from './parity.queries.ts';
import { HEADLINE_METRIC, metricsFor } from './parity.vocabulary.ts';

/** The prizes the key-figures page follows year by year (slugs of the seeded prizes). */
const FEATURED_PRIZES = ['prix-niepce', 'nadar', 'prix-scam-roger-pic'];
const DECLARATIONS_PER_HOUR = { limit: 10, windowSeconds: 3600 };
const CORRECTION_REQUESTS_PER_IP = { limit: 10, windowSeconds: 3600 };
const FLASHES: Record<string, string> = {
  declaration: 'Merci : votre déclaration est transmise à l’équipe. Elle sera publiée après relecture ; vous recevrez un email.',
  signalement: 'Merci pour votre signalement : l’équipe va vérifier ce chiffre.',
};

export function registerParityRoutes(app: FastifyInstance): void {
  async function loadOrganization(slug: string) {
    if (!/^[a-z0-9-]{1,120}$/.test(slug)) throw new NotFoundError();
    const organization = await findOrganizationBySlug(app.db, slug);
    if (!organization) throw new NotFoundError();
    return organization;
  }

  app.get('/index-parite', { config: { pageCache: true } }, async (request, reply) => {
    const search = parseParitySearch(request.query);
    const [result, years] = await Promise.all([
      searchOrganizations(app.db, search),
      queryRows<{ year: number }>(app.db, sql`SELECT DISTINCT year FROM parity_figures WHERE status = 'published' ORDER BY year DESC`),
    ]);
    return reply.view(<ParityIndexPage ctx={request.pageContext()} search={search} result={result} years={years.map((row) => Number(row.year))} />);
  });

  app.get('/index-parite/chiffres-cles', { config: { pageCache: true } }, async (request, reply) => {
    const [totals, headlines] = await Promise.all([totalsByTypeAndYear(app.db), latestHeadlineFigures(app.db)]);
    const featured: FeaturedPrize[] = [];
    for (const slug of FEATURED_PRIZES) {
      const organization = await findOrganizationBySlug(app.db, slug);
      if (!organization) continue;
      const figures = (await publishedFiguresOf(app.db, organization.id)).filter((figure) => figure.metric === 'laureates');
      if (figures.length) featured.push({ organization: { slug: organization.slug, name: organization.name, type: organization.type }, figures });
    }
    return reply.view(<KeyFiguresPage ctx={request.pageContext()} figures={computeKeyFigures(totals, headlines)} featured={featured} />);
  });

  app.get('/index-parite/methode', { config: { pageCache: true } }, async (request, reply) => reply.view(<MethodsPage ctx={request.pageContext()} />));

  app.get('/index-parite/donnees', { config: { pageCache: true } }, async (request, reply) => {
    const [[count], updatedAt] = await Promise.all([
      queryRows<{ figures: number; organizations: number }>(app.db, sql`SELECT count(*)::int AS figures, count(DISTINCT organization_id)::int AS organizations FROM parity_figures WHERE status = 'published'`),
      latestPublicationDate(app.db),
    ]);
    return reply.view(<OpenDataPage ctx={request.pageContext()} figures={Number(count?.figures ?? 0)} organizations={Number(count?.organizations ?? 0)} updatedAt={updatedAt} publicUrl={app.config.publicUrl} />);
  });

  // Open data: anyone may fetch it, from any site (CORS) and reuse it (Etalab 2.0).
  const openData = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300');

  app.get('/index-parite/donnees/chiffres.csv', async (_request, reply) =>
    openData(reply).type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="index-parite-chiffres.csv"').send(openDataCsv(await openDataRows(app.db))));

  app.get('/index-parite/donnees/chiffres.json', async (_request, reply) =>
    openData(reply).type('application/json; charset=utf-8').send(openDataJson(await openDataRows(app.db), app.clock.now())));

  app.get<{ Params: { slug: string }; Querystring: { ok?: string } }>('/index-parite/:slug', { config: { pageCache: true } }, async (request, reply) => {
    const organization = await loadOrganization(request.params.slug);
    const [figures, corrections, prizes, parent] = await Promise.all([
      publishedFiguresOf(app.db, organization.id),
      correctionsOf(app.db, organization.id),
      prizesOf(app.db, organization.id),
      organization.parentId === null ? Promise.resolve(null) : findOrganizationById(app.db, organization.parentId),
    ]);
    const flash = FLASHES[request.query.ok ?? ''] ?? null;
    if (flash) request.pageCacheSlot = null;
    return reply.view(<OrganizationPage ctx={request.pageContext()} publicUrl={app.config.publicUrl} flash={flash}
      data={{ organization, figures, corrections, prizes, parent: parent && { slug: parent.slug, name: parent.name, type: parent.type } }} />);
  });

  app.get<{ Params: { slug: string } }>('/index-parite/:slug/chiffres.csv', async (request, reply) => {
    const organization = await loadOrganization(request.params.slug);
    return openData(reply).type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="index-parite-${organization.slug}.csv"`)
      .send(openDataCsv(await openDataRows(app.db, organization.id)));
  });

  app.get<{ Params: { slug: string } }>('/index-parite/:slug/badge.svg', async (request, reply) => {
    const organization = await loadOrganization(request.params.slug);
    const figures = (await publishedFiguresOf(app.db, organization.id)).filter((figure) => figure.metric === HEADLINE_METRIC[organization.type]);
    const latest = figures.reduce<(typeof figures)[number] | null>((best, figure) => (best === null || figure.year > best.year ? figure : best), null);
    // Embedded on the organisation's own site: allowed cross-origin, refreshed within the hour.
    return reply.type('image/svg+xml; charset=utf-8').header('cross-origin-resource-policy', 'cross-origin').header('cache-control', 'public, max-age=3600')
      .send(parityBadgeSvg(latest));
  });

  app.get<{ Params: { slug: string } }>('/index-parite/:slug/signaler', async (request, reply) =>
    reply.view(<CorrectionRequestPage ctx={request.pageContext()} organization={await loadOrganization(request.params.slug)} />));

  app.post<{ Params: { slug: string } }>('/index-parite/:slug/signaler', async (request, reply) => {
    const organization = await loadOrganization(request.params.slug);
    const done = () => reply.redirect(`/index-parite/${organization.slug}?ok=signalement`, 303);
    // A robot is told it worked, and nothing is kept.
    if (isRobot(request.body)) return done();
    const form = parseForm(correctionRequestSchema, request.body);
    if (!form.ok) return reply.view(<CorrectionRequestPage ctx={request.pageContext()} organization={organization} values={form.values} errors={form.errors} />, 400);
    await refuseWhenTooMany(app, [{ key: `parity-correction:ip:${request.ip}`, rule: CORRECTION_REQUESTS_PER_IP }]);
    await requestCorrection(app.db, { organizationId: organization.id, message: form.data.message, reporterId: request.currentUser?.id ?? null }, app.clock);
    return done();
  });

  async function declarationContext(request: FastifyRequest<{ Params: { slug: string } }>) {
    const organization = await loadOrganization(request.params.slug);
    const user = userOf(request);
    const figures = await publishedFiguresOf(app.db, organization.id);
    const metrics = metricsFor(organization.type, figures.map((figure) => figure.metric));
    return { organization, user, metrics, years: yearsOffered(app.clock.now()), status: await representativeStatus(app.db, user, organization) };
  }

  app.get<{ Params: { slug: string } }>('/index-parite/:slug/declarer', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const context = await declarationContext(request);
    return reply.view(<DeclarationPage ctx={request.pageContext()} {...context} email={context.user.email} values={{ annee: String(context.years[1]) }} />);
  });

  app.post<{ Params: { slug: string } }>('/index-parite/:slug/declarer', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const context = await declarationContext(request);
    const form = parseForm(declarationSchema(context.metrics, context.years), request.body);
    if (!form.ok) return reply.view(<DeclarationPage ctx={request.pageContext()} {...context} email={context.user.email} values={form.values} errors={form.errors} />, 400);
    await refuseWhenTooMany(app, [{ key: `parity-declaration:user:${context.user.id}`, rule: DECLARATIONS_PER_HOUR }]);
    await submitDeclaration(app.db, context.organization, context.user, form.data, app.clock);
    return reply.redirect(`/index-parite/${context.organization.slug}?ok=declaration`, 303);
  });
}
