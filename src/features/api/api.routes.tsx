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
import type { ContentVersions } from '../../platform/content-versions.ts';
import { type Encoding, compress, negotiateEncoding } from '../../platform/http/page-cache.ts';
import { opportunityJson, organizationCardJson, organizationJson, resourceJson } from './serializers.ts';


/**
 * The open API, read-only, at /api/v1.
 * Its limit is counted in memory, per process, unlike the forms' limits kept in the database:
 * it only guards the server's resources against a runaway script, and a database write on
 * every read would halve the API's throughput. Open to every site (CORS), limited per client, answers
 * with an ETag so re-fetching unchanged data costs a 304.
 */
export function registerApiRoutes(app: FastifyInstance, { catalogueIndex, contentVersions }: { catalogueIndex: CatalogueIndexStore; contentVersions: ContentVersions }): void {
  app.get('/donnees-ouvertes', { config: { pageCache: true } }, async (request, reply) => reply.view(<ApiDocsPage ctx={request.pageContext()} rateLimit={app.config.apiRateLimitPerMinute} />));

  void app.register(async (api) => {
    await api.register(rateLimit, {
      max: app.config.apiRateLimitPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) => new AppError('rate_limited', 429, `Trop de requêtes : ${context.max} par minute au plus. Réessayez dans ${Math.ceil(context.ttl / 1000)} s.`),
    });
    api.addHook('onRequest', async (_request, reply) => {
      void reply.header('access-control-allow-origin', '*');
    });
    api.setNotFoundHandler(async (_request, reply) => reply.code(404).send({ error: 'Cette adresse n’existe pas dans l’API.' }));

    /**
     * Answers are kept in memory while the public content they come from is unchanged (the same
     * versions and Paris day as the page cache): a popular list costs a lookup, not a search.
     */
    // Each answer is compressed once per encoding: the bytes sent are kept, not just the JSON.
    const memo = new Map<string, { validity: string; payload: string; etag: string; encoded: Partial<Record<Encoding, Buffer>> }>();
    const maxEntries = app.config.pageCacheEntries;

    /** JSON with an ETag; a matching If-None-Match gets 304 and no body; null from build is a 404. */
    async function send(request: FastifyRequest, reply: FastifyReply, build: () => Promise<unknown>) {
      const validity = `${await contentVersions.all()}|${parisDate(app.clock.now())}`;
      let entry = memo.get(request.url);
      if (!entry || entry.validity !== validity) {
        const body = await build();
        if (body === null) return reply.code(404).type('application/json; charset=utf-8').send({ error: 'Aucun élément publié n’a cet identifiant.' });
        const payload = JSON.stringify(body);
        entry = { validity, payload, etag: `"${createHash('sha1').update(payload).digest('base64url')}"`, encoded: {} };
        if (maxEntries > 0 && request.url.length <= 600) {
          memo.delete(request.url);
          memo.set(request.url, entry);
          while (memo.size > maxEntries) memo.delete(memo.keys().next().value!);
        }
      }
      void reply.header('etag', entry.etag).header('cache-control', 'public, max-age=300').header('vary', 'Accept-Encoding');
      if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
      const encoding = negotiateEncoding(request.headers['accept-encoding'] as string | undefined);
      const body = (entry.encoded[encoding] ??= compress(entry.payload, encoding));
      if (encoding !== 'identity') void reply.header('content-encoding', encoding);
      return reply.type('application/json; charset=utf-8').send(body);
    }
    const slugOf = (request: FastifyRequest) => {
      const slug = (request.params as { id?: string }).id ?? '';
      return /^[a-z0-9-]{1,150}$/.test(slug) ? slug : null;
    };
    const publicUrl = app.config.publicUrl;

    api.get('/openapi.json', async (request, reply) => send(request, reply, async () => openApiDocument(publicUrl)));

    api.get('/opportunities', async (request, reply) => send(request, reply, async () => {
      const today = parisDate(app.clock.now());
      const result = await searchCatalogue(app.db, catalogueIndex, parseOpportunitySearch(request.query), today);
      return {
        data: result.items.map((item) => opportunityJson(item, today, publicUrl)),
        meta: { total: result.total, page: result.page, pageCount: result.pageCount, perPage: PAGE_SIZE },
      };
    }));

    api.get('/opportunities/:id', async (request, reply) => send(request, reply, async () => {
      const slug = slugOf(request);
      const opportunity = slug ? await findPublishedOpportunityBySlug(app.db, slug) : null;
      return opportunity ? opportunityJson(opportunity, parisDate(app.clock.now()), publicUrl) : null;
    }));

    api.get('/resources', async (request, reply) => send(request, reply, async () => {
      const result = await searchResources(app.db, parseResourceSearch(request.query));
      return {
        data: result.items.map((item) => resourceJson(item, publicUrl)),
        meta: { total: result.total, page: result.page, pageCount: result.pageCount, perPage: RESOURCE_PAGE_SIZE },
      };
    }));

    api.get('/resources/:id', async (request, reply) => send(request, reply, async () => {
      const slug = slugOf(request);
      const resource = slug ? await findPublishedResourceBySlug(app.db, slug) : null;
      return resource ? resourceJson(resource, publicUrl) : null;
    }));

    api.get('/organizations', async (request, reply) => send(request, reply, async () => {
      const result = await searchOrganizations(app.db, parseParitySearch(request.query));
      return {
        data: result.items.map((item) => organizationCardJson(item, publicUrl)),
        meta: { total: result.total, page: result.page, pageCount: result.pageCount, perPage: PARITY_PAGE_SIZE },
      };
    }));

    api.get('/organizations/:id', async (request, reply) => send(request, reply, async () => {
      const slug = slugOf(request);
      const organization = slug ? await findOrganizationBySlug(app.db, slug) : null;
      if (!organization) return null;
      const [figures, parent] = await Promise.all([
        publishedFiguresOf(app.db, organization.id),
        organization.parentId === null ? Promise.resolve(null) : findOrganizationById(app.db, organization.parentId),
      ]);
      return organizationJson(organization, parent?.slug ?? null, figures, publicUrl);
    }));
  }, { prefix: '/api/v1' });
}
