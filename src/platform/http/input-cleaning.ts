import type { FastifyInstance } from 'fastify';

// A NUL character cannot be stored in a PostgreSQL text column, and a lone UTF-16 surrogate is
// not text at all: either would end in a 500 deep in a query. Both are removed (or replaced by
// U+FFFD) once, where input enters, for form bodies and query strings alike.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** A parsed body or query string with every text (keys included) cleaned; buffers and dates untouched. */
export function cleanInput(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanInput);
  // Plain records, whatever their prototype (the query-string parser uses its own); files stay as they are.
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [cleanText(key), cleanInput(inner)]));
  }
  return value;
}

/**
 * Registered after the upload hook (uploads.ts), so the fields of a multipart form that come
 * before its first file are cleaned here too; the fields after a file are cleaned by uploads.ts
 * with the same function when it reads them.
 */
export function registerInputCleaning(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && request.body !== null && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) request.body = cleanInput(request.body);
    if (request.query && typeof request.query === 'object') request.query = cleanInput(request.query) as typeof request.query;
  });
}
