import { gunzipSync } from 'node:zlib';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from '../../bootstrap.ts';
import { opportunities, parityFigures, parityOrganizations } from '../../db/schema/index.ts';
import { createUser } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { openApiDocument } from './openapi.ts';

type Operation = { operationId: string; responses: Record<string, { content?: { 'application/json': { schema: object } } }> };
type Document = { paths: Record<string, { get: Operation }> };

/** Keys that must never leave the database through the API, whatever the record. */
const PRIVATE_KEYS = ['email', 'submittedBy', 'submitted_by', 'refusalReason', 'sourceSnapshot', 'contact', 'reviewedBy', 'recordedBy', 'status_', 'userId', 'otherConditions'];

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

describe('open API /api/v1', () => {
  let context: TestContext;
  let document: Document;
  let ajv: Ajv2020;

  beforeAll(async () => {
    context = await createTestApp();
    await seedAll(context.database, context.storage, context.clock);
    const db = context.database.db;
    // Things that exist in the database but must stay out of the API: a suggestion in review, with its submitter,
    // a refused one, a figure waiting for moderation.
    const member = await createUser(db, context.clock, 'proposante@exemple.fr');
    await createOpportunity(db, { slug: 'suggestion-en-attente', title: 'Suggestion en attente', status: 'in_review', submittedBy: member.id, publishedAt: null });
    await createOpportunity(db, { slug: 'aide-refusee', title: 'Aide refusée', status: 'refused', refusalReason: 'Doublon', publishedAt: null });
    const [organization] = await db.select().from(parityOrganizations).limit(1);
    await db.insert(parityFigures).values({ organizationId: organization!.id, year: 2031, metric: 'directors', women: 3, total: 4, source: 'Déclaration', status: 'pending', recordedBy: 'declarante@exemple.fr' });

    const raw = (await context.app.inject({ url: '/api/v1/openapi.json' })).json();
    await SwaggerParser.validate(structuredClone(raw));
    document = (await SwaggerParser.dereference(structuredClone(raw))) as unknown as Document;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    // A CommonJS default export: its callable sits on .default once loaded as ESM.
    type AddFormats = (ajv: Ajv2020) => void;
    const addFormats = ((formatsPlugin as unknown as { default?: AddFormats }).default ?? (formatsPlugin as unknown as AddFormats));
    addFormats(ajv);
  });
  afterAll(() => context.close());

  function expectMatches(path: string, status: string, body: unknown) {
    const schema = document.paths[path]!.get.responses[status]!.content!['application/json'].schema;
    const validate = ajv.compile(schema);
    const valid = validate(body);
    expect(valid, `${path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  }

  it('serves an OpenAPI 3.1 document that a standard validator accepts', async () => {
    const response = await context.app.inject({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const raw = response.json();
    expect(raw.openapi).toBe('3.1.0');
    expect(raw.servers[0].url).toBe('http://localhost:3000/api/v1');
    await expect(SwaggerParser.validate(structuredClone(raw))).resolves.toBeTruthy();
    // The validator is not a pushover: a broken reference is refused.
    const broken = structuredClone(openApiDocument('http://x')) as { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
    broken.paths['/opportunities']!.get.responses['200'] = { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Absent' } } } };
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow();
  });

  it('answers every documented endpoint with what its schema says, lists and single items, on the seeded data', async () => {
    const checked: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      if (path.includes('{id}')) continue;
      const list = await context.app.inject({ url: `/api/v1${path}` });
      expect(list.statusCode, path).toBe(200);
      const body = list.json() as { data: { id: string }[]; meta: { total: number } };
      expectMatches(path, '200', body);
      expect(body.data.length, `${path} is empty: nothing was checked`).toBeGreaterThan(0);
      checked.push(item.get.operationId);
      // Every item of the first page is fetched alone and checked too.
      const singlePath = `${path}/{id}`;
      for (const entry of body.data.slice(0, 5)) {
        const single = await context.app.inject({ url: `/api/v1${path}/${entry.id}` });
        expect(single.statusCode, `${path}/${entry.id}`).toBe(200);
        expectMatches(singlePath, '200', single.json());
      }
      checked.push(document.paths[singlePath]!.get.operationId);
      const missing = await context.app.inject({ url: `/api/v1${path}/nexiste-pas` });
      expect(missing.statusCode).toBe(404);
      expectMatches(singlePath, '404', missing.json());
    }
    expect(checked.sort()).toEqual(['getOpportunity', 'getOrganization', 'getResource', 'listOpportunities', 'listOrganizations', 'listResources']);
  });

  it('filters opportunities like the catalogue page and paginates', async () => {
    const all = (await context.app.inject({ url: '/api/v1/opportunities' })).json();
    // Like the catalogue page, closed items are left out unless asked for.
    expect(all.meta.total).toBeGreaterThan(50);
    expect((await context.app.inject({ url: '/aides' })).body).toContain(`${all.meta.total} aide`);
    expect(all.meta.pageCount).toBe(Math.ceil(all.meta.total / all.meta.perPage));
    const second = (await context.app.inject({ url: '/api/v1/opportunities?page=2' })).json();
    expect(second.data[0].id).not.toBe(all.data[0].id);
    const prizes = (await context.app.inject({ url: '/api/v1/opportunities?type=prix' })).json();
    expect(prizes.meta.total).toBeGreaterThan(0);
    expect(prizes.meta.total).toBeLessThan(101);
    expect(new Set(prizes.data.map((item: { kind: string }) => item.kind))).toEqual(new Set(['prize']));
    // The same filter on the HTML catalogue gives the same count.
    const page = await context.app.inject({ url: '/aides?type=prix' });
    expect(page.body).toContain(`${prizes.meta.total} aide`);
    // Bad input is a lenient filter or a clear 4xx, never a 500.
    for (const url of ['/api/v1/opportunities?page=-3', '/api/v1/opportunities?type[]=x&q=%00', '/api/v1/organizations?annee=abc', '/api/v1/resources/..%2F..%2Fetc']) {
      expect((await context.app.inject({ url })).statusCode, url).toBeLessThan(500);
    }
  });

  it('never exposes drafts, suggestions, refusals, submitters or figures awaiting moderation', async () => {
    const db = context.database.db;
    const bodies: unknown[] = [];
    for (let page = 1; page <= 6; page += 1) bodies.push((await context.app.inject({ url: `/api/v1/opportunities?page=${page}` })).json());
    bodies.push((await context.app.inject({ url: '/api/v1/organizations' })).json(), (await context.app.inject({ url: '/api/v1/resources' })).json());
    const allIds = bodies.flatMap((body) => (body as { data: { id: string }[] }).data.map((item) => item.id));
    expect(allIds).not.toContain('suggestion-en-attente');
    expect(allIds).not.toContain('aide-refusee');
    for (const slug of ['suggestion-en-attente', 'aide-refusee']) {
      expect((await context.app.inject({ url: `/api/v1/opportunities/${slug}` })).statusCode).toBe(404);
    }
    const [organization] = await db.select().from(parityOrganizations).limit(1);
    const detail = await context.app.inject({ url: `/api/v1/organizations/${organization!.slug}` });
    bodies.push(detail.json());
    expect(detail.json().figures.map((figure: { year: number }) => figure.year)).not.toContain(2031);
    const text = JSON.stringify(bodies);
    expect(text).not.toMatch(/@exemple\.fr|proposante|declarante|Doublon/);
    const keys = keysOf(bodies);
    for (const key of PRIVATE_KEYS) expect(keys.has(key), key).toBe(false);
    // A refused item that is later published shows only its public fields.
    await db.update(opportunities).set({ status: 'published', publishedAt: context.clock.now() }).where(eq(opportunities.slug, 'aide-refusee'));
    const published = await context.app.inject({ url: '/api/v1/opportunities/aide-refusee' });
    expect(published.statusCode).toBe(200);
    expect(published.body).not.toContain('Doublon');
  });

  it('keeps answers in memory only while the content is unchanged', async () => {
    const before = (await context.app.inject({ url: '/api/v1/opportunities?type=residence' })).json();
    const again = await context.app.inject({ url: '/api/v1/opportunities?type=residence' });
    expect(again.json()).toEqual(before);
    await createOpportunity(context.database.db, { slug: 'nouvelle-residence', kind: 'residency', windows: [{ closesOn: '2027-06-30' }] });
    const after = (await context.app.inject({ url: '/api/v1/opportunities?type=residence' })).json();
    expect(after.meta.total).toBe(before.meta.total + 1);
    expect((await context.app.inject({ url: '/api/v1/opportunities/nouvelle-residence' })).statusCode).toBe(200);
  });

  it('is open to other sites for GET, cacheable, and answers 304 to an unchanged ETag', async () => {
    const first = await context.app.inject({ url: '/api/v1/resources', headers: { origin: 'https://ailleurs.example' } });
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['cache-control']).toContain('max-age');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await context.app.inject({ url: '/api/v1/resources', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const compressed = await context.app.inject({ url: '/api/v1/resources', headers: { 'accept-encoding': 'gzip' } });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(compressed.rawPayload).toString('utf8'))).toEqual(first.json());
    const other = await context.app.inject({ url: '/api/v1/resources?page=2', headers: { 'if-none-match': etag } });
    expect(other.statusCode).toBe(200);
    // Read-only: writing is not a thing here.
    expect((await context.app.inject({ method: 'POST', url: '/api/v1/opportunities', payload: {} })).statusCode).toBe(404);
  });

  it('limits each client and says so in French', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.77' };
    let last = 0;
    for (let index = 0; index <= context.config.apiRateLimitPerMinute; index += 1) {
      last = (await context.app.inject({ url: '/api/v1/openapi.json', remoteAddress: '203.0.113.77', headers })).statusCode;
    }
    expect(last).toBe(429);
    const refused = await context.app.inject({ url: '/api/v1/openapi.json', remoteAddress: '203.0.113.77', headers });
    expect(refused.json().error).toContain('Trop de requêtes');
    expect((await context.app.inject({ url: '/api/v1/openapi.json', remoteAddress: '203.0.113.78' })).statusCode).toBe(200);
  });
});
