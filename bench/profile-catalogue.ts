// Times each step of the catalogue's uncached path on the benchmark database (npm run bench first).
import { openDatabase } from '../src/db/client.ts';
import { createContentVersions } from '../src/platform/content-versions.ts';
import { createCatalogueIndexStore } from '../src/features/opportunities/catalogue-index.store.ts';
import { searchIndex } from '../src/features/opportunities/catalogue-index.ts';
import { rankTextMatches } from '../src/features/opportunities/catalogue-search.queries.ts';
import { findOpportunitiesByIds, findPublishedOpportunityBySlug, findSimilarOpportunities } from '../src/features/opportunities/opportunities.queries.ts';
import { parseOpportunitySearch } from '../src/features/opportunities/search.schema.ts';
import { buildTextQuery } from '../src/platform/search/text-query.ts';
import { parisDate } from '../src/platform/dates.ts';

const handle = await openDatabase({ driver: 'postgres', url: process.env.BENCH_PROFILE_URL ?? 'postgres://postgres@127.0.0.1:5432/eflc_bench' });
const db = handle.db;
const index = createCatalogueIndexStore(db, createContentVersions(db, { ttlMs: 60_000 }));
const today = parisDate(new Date());

async function time(label: string, action: () => Promise<unknown> | unknown, times = 20) {
  await action();
  const started = performance.now();
  for (let i = 0; i < times; i += 1) await action();
  console.info(`${label.padEnd(40)} ${((performance.now() - started) / times).toFixed(2)} ms`);
}

const entries = await index.entriesOn(today);
await time('index entriesOn (cached)', () => index.entriesOn(today));
await time('searchIndex unfiltered', () => searchIndex(entries, parseOpportunitySearch({}), null));
const text = await buildTextQuery(db, 'residence photographie');
await time('buildTextQuery', () => buildTextQuery(db, 'residence photographie'));
await time('rankTextMatches', () => rankTextMatches(db, text!.allTerms));
const ids = searchIndex(entries, parseOpportunitySearch({}), null).ids;
await time('findOpportunitiesByIds(20)', () => findOpportunitiesByIds(db, ids));
const opportunity = await findPublishedOpportunityBySlug(db, 'generee-5281');
await time('findPublishedOpportunityBySlug', () => findPublishedOpportunityBySlug(db, 'generee-5281'));
await time('findSimilarOpportunities', () => findSimilarOpportunities(db, index, opportunity!.id, today, 3));
await handle.close();
