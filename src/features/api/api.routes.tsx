import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parisDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { CatalogueIndexStore } from '../opportunities/catalogue-index.store.ts';
import { searchCatalogue } from '../opportunities/catalogue-search.queries.ts';
import { findPublishedOpportunityBySlug } from '../opportunities/opportunities.queries.ts';
import { PAGE_SIZE, parseOpportunitySearch } from '../opportunities/search.schema.ts';
import { PARITY_PAGE_SIZE, parseParitySearch } from '../parity/parity-search.schema.ts';
import { findOrganizationById, findOrganizationBySlug, publishedFiguresOf, searchOrganizations } from '../parity/parity.queries.ts';
import { RESOURCE_PAGE_SIZE, parseResourceSearch } from '../resources/resource-search.schema.ts';
import { findPublishedResourceBySlug, searchResources } from '../resources/resources.queries.ts';
import { ApiDocsPage } from './api-docs.page.tsx';
import { openApiDocument } from './openapi.ts';
import { opportunityJson, organizationCardJson, organizationJson, resourceJson } from './serializers.ts';

export const API_RATE_LIMIT = { max: 120, timeWindow: 60_000 };

/**
 * The open API, read-only, at /api/v1.
 * Its limit is counted in memory, per process, unlike the forms' limits kept in the database:
 * it only guards the server's resources against a runaway script, and a database write on
 * every read would halve the API's throughput. Open to every site (CORS), limited per client, answers
 * with an ETag so re-fetching unchanged data costs a 304.
 */
export function registerApiRoutes(app: FastifyInstance, { catalogueIndex }: { catalogueIndex: CatalogueIndexStore }): void {
  app.get('/donnees-ouvertes', { config: { pageCache: true } }, async (request, reply) => reply.view(<ApiDocsPage ctx={request.pageContext()} />));

  void app.register(async (api) => {
    await api.register(rateLimit, {
      ...API_RATE_LIMIT,
      errorResponseBuilder: (_request, context) => new AppError('rate_limited', 429, `Trop de requêtes : ${context.max} par minute au plus. Réessayez dans ${Math.ceil(context.ttl / 1000)} s.`),
    });
    api.addHook('onRequest', async (_request, reply) => {
      void reply.header('access-control-allow-origin', '*');
    });
    api.setNotFoundHandler(async (_request, reply) => reply.code(404).send({ error: 'Cette adresse n’existe pas dans l’API.' }));

    /** JSON with an ETag; a matching If-None-Match gets 304 and no body. */
    function send(request: FastifyRequest, reply: FastifyReply, body: unknown) {
      const payload = JSON.stringify(body);
      const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
      void reply.header('etag', etag).header('cache-control', 'public, max-age=300').header('vary', 'Accept-Encoding');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(payload);
    }
    const notFound = (reply: FastifyReply) => reply.code(404).type('application/json; charset=utf-8').send({ error: 'Aucun élément publié n’a cet identifiant.' });
    const slugOf = (request: FastifyRequest) => {
      const slug = (request.params as { id?: string }).id ?? '';
      return /^[a-z0-9-]{1,150}$/.test(slug) ? slug : null;
    };
    const publicUrl = app.config.publicUrl;

    api.get('/openapi.json', async (request, reply) => send(request, reply, openApiDocument(publicUrl)));

    api.get('/opportunities', async (request, reply) => {
      const today = parisDate(app.clock.now());
      const search = parseOpportunitySearch(request.query);
      const result = await searchCatalogue(app.db, catalogueIndex, search, today);
      return send(request, reply, {
        data: result.items.map((item) => opportunityJson(item, today, publicUrl)),
        meta: { total: result.total, page: result.page, pageCount: result.pageCount, perPage: PAGE_SIZE },
      });
    });

    api.get('/opportunities/:id', async (request, reply) => {
      const slug = slugOf(request);
      const opportunity = slug ? await findPublishedOpportunityBySlug(app.db, slug) : null;
      if (!opportunity) return notFound(reply);
      return send(request, reply, opportunityJson(opportunity, parisDate(app.clock.now()), publicUrl));
    });

    api.get('/resources', async (request, reply) => {
      const result = await searchResources(app.db, parseResourceSearch(request.query));
      return send(request, reply, {
        data: result.items.map((item) => resourceJson(item, publicUrl)),
        meta: { total: result.total, page: result.page, pageCount: result.pageCount, perPage: RESOURCE_PAGE_SIZE },
      });
    });

    api.get('/resources/:id', async (request, reply) => {
      const slug = slugOf(request);
      const resource = slug ? await findPublishedResourceBySlug(app.db, slug) : null;
      if (!resource) return notFound(reply);
      return send(request, reply, resourceJson(resource, publicUrl));
    });

    api.get('/organizations', async (request, reply) => {
      const result = await searchOrganizations(app.db, parseParitySearch(request.query));
      return send(request, reply, {
        data: result.items.map((item) => organizationCardJson(item, publicUrl)),
        meta: { total: result.total, page: result.page, pageCount: result.pageCount, perPage: PARITY_PAGE_SIZE },
      });
    });

    api.get('/organizations/:id', async (request, reply) => {
      const slug = slugOf(request);
      const organization = slug ? await findOrganizationBySlug(app.db, slug) : null;
      if (!organization) return notFound(reply);
      const [figures, parent] = await Promise.all([
        publishedFiguresOf(app.db, organization.id),
        organization.parentId === null ? Promise.resolve(null) : findOrganizationById(app.db, organization.parentId),
      ]);
      return send(request, reply, organizationJson(organization, parent?.slug ?? null, figures, publicUrl));
    });
  }, { prefix: '/api/v1' });
}
