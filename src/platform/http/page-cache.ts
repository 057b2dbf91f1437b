import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ContentVersions } from '../content-versions.ts';

/**
 * Keeps the compressed HTML of public pages that are the same for every anonymous visitor
 * (catalogue, details, home), so that popular pages cost a lookup instead of queries, rendering
 * and compression. An entry is served only while the content versions and the Paris day it was
 * rendered with are still current, so a moderator's change shows at once on every process.
 *
 * Never cached: pages for a signed-in person (session cookie), pages that issued a CSRF token or
 * set a cookie, non-200 answers, and routes that did not opt in with `config: { pageCache: true }`.
 */
export interface PageCacheOptions {
  maxEntries: number;
  versions: ContentVersions;
  today(): string;
  /** Cookies that make a request personal. */
  personalCookies: readonly string[];
}

export type Encoding = 'br' | 'gzip' | 'identity';

interface CacheEntry {
  validity: string;
  body: Buffer;
  encoding: Encoding;
  contentType: string;
  /** Headers the route set (cache-control, CORS), replayed on every hit. */
  headers: Record<string, string>;
}

const REPLAYED_HEADERS = ['cache-control', 'access-control-allow-origin'];

interface CacheSlot {
  key: string;
  validity: string;
  encoding: Encoding;
}

declare module 'fastify' {
  interface FastifyRequest {
    pageCacheSlot: CacheSlot | null;
  }
  interface FastifyContextConfig {
    /** true: kept while content versions and the day are unchanged; with `validity`, also while it returns the same value. */
    pageCache?: boolean | { validity(): string };
  }
}

const MAX_URL_LENGTH = 600;

/** The best encoding the client accepts (q=0 means refused). */
export function negotiateEncoding(header: string | undefined): Encoding {
  const accepted = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, quality]) => !quality || !/^q=0(\.0*)?$/.test(quality.trim()))
      .map(([name]) => name!.toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

export function compress(html: string, encoding: Encoding): Buffer {
  if (encoding === 'br') return brotliCompressSync(html, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
  if (encoding === 'gzip') return gzipSync(html, { level: 6 });
  return Buffer.from(html);
}

function sendEntry(reply: FastifyReply, entry: Pick<CacheEntry, 'body' | 'encoding' | 'contentType' | 'headers'>) {
  for (const [name, value] of Object.entries(entry.headers)) reply.header(name, value);
  reply.header('content-type', entry.contentType).header('vary', 'accept-encoding');
  if (entry.encoding !== 'identity') reply.header('content-encoding', entry.encoding);
  return reply.code(200).send(entry.body);
}

export interface PageCache {
  /** Sends the page, storing it first when the request may share it. */
  sendHtml(request: FastifyRequest, reply: FastifyReply, html: string, statusCode: number): FastifyReply;
  /** The same for another text format (a feed, a calendar). */
  sendText(request: FastifyRequest, reply: FastifyReply, text: string, contentType: string): FastifyReply;
  size(): number;
}

export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): PageCache {
  const entries = new Map<string, CacheEntry>();
  app.decorateRequest('pageCacheSlot', null);

  const isPersonal = (request: FastifyRequest) =>
    options.personalCookies.some((name) => (request.headers.cookie ?? '').includes(`${name}=`));

  app.addHook('onRequest', async (request, reply) => {
    if (options.maxEntries === 0 || request.method !== 'GET' || !request.routeOptions.config?.pageCache) return;
    if (request.url.length > MAX_URL_LENGTH || isPersonal(request)) return;
    const encoding = negotiateEncoding(request.headers['accept-encoding'] as string | undefined);
    const key = `${encoding} ${request.url}`;
    const routeValidity = request.routeOptions.config.pageCache;
    const validity = `${await options.versions.all()}|${options.today()}${typeof routeValidity === 'object' ? `|${routeValidity.validity()}` : ''}`;
    const entry = entries.get(key);
    if (entry && entry.validity === validity) {
      // Most recently used entries go to the end of the Map (least recently used are evicted first).
      entries.delete(key);
      entries.set(key, entry);
      return sendEntry(reply, entry);
    }
    request.pageCacheSlot = { key, validity, encoding };
  });

  function send(request: FastifyRequest, reply: FastifyReply, body: string, statusCode: number, contentType: string) {
    const slot = request.pageCacheSlot;
    const shareable = slot && statusCode === 200 && !request.csrfTokenIssued && !reply.hasHeader('set-cookie');
    if (!shareable) return reply.code(statusCode).type(contentType).send(body);
    const headers = Object.fromEntries(REPLAYED_HEADERS.filter((name) => reply.hasHeader(name)).map((name) => [name, String(reply.getHeader(name))]));
    const entry: CacheEntry = { validity: slot.validity, body: compress(body, slot.encoding), encoding: slot.encoding, contentType, headers };
    entries.delete(slot.key);
    entries.set(slot.key, entry);
    while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
    return sendEntry(reply, entry);
  }

  return {
    sendHtml(request, reply, html, statusCode) {
      return send(request, reply, html, statusCode, 'text/html; charset=utf-8');
    },
    sendText(request, reply, text, contentType) {
      return send(request, reply, text, 200, contentType);
    },
    size: () => entries.size,
  };
}
