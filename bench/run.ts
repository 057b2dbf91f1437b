// npm run bench — generates a large catalogue, then loads the key pages with autocannon, on
// PostgreSQL and on PGlite. Prints a table and writes bench/results/latest.md.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type DatabaseOptions } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { queryRows } from '../src/db/rows.ts';
import { parisDate } from '../src/platform/dates.ts';
import { generateOpportunities } from './generate-opportunities.ts';
import { generateParity } from './generate-parity.ts';
import { PLATFORM_SIZE, generatePlatform } from './generate-platform.ts';
import { runDigest } from '../src/features/alerts/digest.job.ts';
import { runMatching } from '../src/features/peer-review/peer-review.commands.ts';
import { createCatalogueIndexStore } from '../src/features/opportunities/catalogue-index.store.ts';
import { createContentVersions } from '../src/platform/content-versions.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type LoadResult, type Scenario, formatTable, runLoad } from './load.ts';

const OPPORTUNITY_COUNT = Number(process.env.BENCH_OPPORTUNITIES ?? 10_000);
const ORGANIZATION_COUNT = Number(process.env.BENCH_ORGANIZATIONS ?? 2_000);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const drivers = (process.env.BENCH_DRIVERS ?? 'postgres,pglite').split(',') as ('postgres' | 'pglite')[];
// "on": production settings (shared page cache); "off": every request queries, renders, compresses.
const cacheModes = (process.env.BENCH_PAGE_CACHE ?? 'on,off').split(',') as ('on' | 'off')[];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Prepared {
  env: Record<string, string>;
  detailSlug: string;
  organizationSlug: string;
  resourceSlug: string;
}

const timings: string[] = [];

async function prepareDatabase(driver: 'postgres' | 'pglite'): Promise<Prepared> {
  let options: DatabaseOptions;
  let env: Record<string, string>;
  if (driver === 'postgres') {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS eflc_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE eflc_bench');
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = '/eflc_bench';
    options = { driver: 'postgres', url: url.toString() };
    env = { DATABASE_URL: url.toString() };
  } else {
    const dataDir = join(tmpdir(), 'eflc-bench-pglite');
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    options = { driver: 'pglite', dataDir };
    env = { PGLITE_DATA_DIR: dataDir };
  }
  const handle = await openDatabase(options);
  await migrateDatabase(handle);
  const started = Date.now();
  await generateOpportunities(handle.db, OPPORTUNITY_COUNT, parisDate(new Date()));
  const [detail] = await queryRows<{ slug: string }>(handle.db, sql`SELECT slug FROM opportunities WHERE status = 'published' ORDER BY id OFFSET ${Math.floor(OPPORTUNITY_COUNT / 2)} LIMIT 1`);
  console.info(`${driver} : ${OPPORTUNITY_COUNT} aides générées en ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const parityStarted = Date.now();
  const parity = await generateParity(handle.db, ORGANIZATION_COUNT);
  parityFigureCount = parity.figures;
  console.info(`${driver} : ${ORGANIZATION_COUNT} organisations et ${parity.figures} chiffres de l’index générés en ${((Date.now() - parityStarted) / 1000).toFixed(1)} s`);
  const platformStarted = Date.now();
  const now = new Date();
  await generatePlatform(handle.db, now);
  console.info(`${driver} : ${PLATFORM_SIZE.resources} ressources, ${PLATFORM_SIZE.members} membres, ${PLATFORM_SIZE.savedSearches} recherches enregistrées, ${PLATFORM_SIZE.peerReviewRequests} demandes de relecture générées en ${((Date.now() - platformStarted) / 1000).toFixed(1)} s`);
  const label = driver === 'postgres' ? 'PostgreSQL' : 'PGlite';
  // The two heavy jobs, on this data: pairing the peer-review queue, and the morning digest.
  const clock = fixedClock(now);
  let jobStarted = Date.now();
  const matching = await runMatching(handle.db, clock, 'https://ellesfontlaculture.culture.gouv.fr');
  timings.push(`| ${label} | appariement de ${PLATFORM_SIZE.peerReviewRequests} demandes de relecture | ${matching.pairs} paires | ${((Date.now() - jobStarted) / 1000).toFixed(1)} s |`);
  let dispatched = 0;
  const mailer = { dispatch: async (ids: readonly (number | null)[]) => void (dispatched += ids.filter((id) => id !== null).length) };
  jobStarted = Date.now();
  const digest = await runDigest({ db: handle.db, catalogueIndex: createCatalogueIndexStore(handle.db, createContentVersions(handle.db, { ttlMs: 60_000 })), clock, mailer, publicUrl: 'https://ellesfontlaculture.culture.gouv.fr' });
  timings.push(`| ${label} | récapitulatif quotidien (${PLATFORM_SIZE.savedSearches} recherches enregistrées) | ${digest.recipients} destinataires, ${digest.emailsQueued} emails (${dispatched} transmis) | ${((Date.now() - jobStarted) / 1000).toFixed(1)} s |`);
  const [resource] = await queryRows<{ slug: string }>(handle.db, sql`SELECT slug FROM resources WHERE status = 'published' ORDER BY id OFFSET 500 LIMIT 1`);
  await handle.close();
  return { env, detailSlug: detail!.slug, organizationSlug: parity.slug, resourceSlug: resource!.slug };
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  // The memory settings of `npm start`: a small young generation and a capped old one keep the
  // resident memory near 200 MB under load, at no cost in throughput (measured).
  const child = spawn(process.execPath, ['--max-old-space-size=192', '--max-semi-space-size=2', '--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', PUBLIC_URL: `http://127.0.0.1:${port}`,
      COOKIE_SECRET: randomBytes(32).toString('hex'), SEED_ON_START: 'false', LOG_LEVEL: 'info',
      // One load generator from one address: the API's per-client limit would answer 429s.
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      ...(env.DATABASE_URL ? {} : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/sante`)).ok) return { child, baseUrl };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('le serveur n’a pas démarré');
}

let parityFigureCount = 0;
const lastResults = new Map<string, LoadResult[]>();

/** The previous report's throughput by section and path, to flag regressions. */
async function previousRun(): Promise<Map<string, number>> {
  const figures = new Map<string, number>();
  if (!existsSync('bench/results/latest.md')) return figures;
  let section = '';
  for (const line of (await readFile('bench/results/latest.md', 'utf8')).split('\n')) {
    if (line.startsWith('### ')) section = line.slice(4).split(' — ')[0]!;
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length > 4 && cells[2]?.startsWith('`')) figures.set(`${section}|${cells[2].replace(/`/g, '')}`, Number(cells[3]));
  }
  return figures;
}
const previous = await previousRun();

async function benchDriver(driver: 'postgres' | 'pglite'): Promise<string[]> {
  const prepared = await prepareDatabase(driver);
  const tables: string[] = [];
  for (const cacheMode of cacheModes) {
    const label = `${driver === 'postgres' ? 'PostgreSQL' : 'PGlite (embarquée)'}, cache de pages ${cacheMode === 'on' ? 'actif (réglage de production)' : 'désactivé'}`;
    console.info(label);
    tables.push(await benchServer({ ...prepared.env, PAGE_CACHE_ENTRIES: cacheMode === 'on' ? '500' : '0' }, prepared, label));
  }
  return tables;
}

/** Resident memory of a process, from the kernel (Linux). */
async function residentMegabytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

const memory: string[] = [];

async function benchServer(env: Record<string, string>, { detailSlug, organizationSlug, resourceSlug }: Prepared, label: string): Promise<string> {
  const { child, baseUrl } = await startServer(env);
  let peak = 0;
  const sampler = setInterval(() => void residentMegabytes(child.pid!).then((value) => { peak = Math.max(peak, value); }), 250);
  const scenarios: Scenario[] = [
    { name: 'référence (route triviale)', path: '/sante' },
    { name: 'accueil', path: '/' },
    { name: 'catalogue sans filtre', path: '/aides' },
    { name: 'recherche + 3 facettes', path: '/aides?q=residence+photographie&type=residence&type=bourse&discipline=documentaire&statut=ouverte&statut=a-venir' },
    { name: 'catalogue page 5', path: '/aides?page=5' },
    { name: 'fiche d’une aide', path: `/aides/${detailSlug}` },
    { name: 'index de la parité', path: '/index-parite' },
    { name: 'index : festivals triés par part', path: '/index-parite?type=festival&tri=part-decroissante' },
    { name: 'page d’une organisation', path: `/index-parite/${organizationSlug}` },
    { name: 'chiffres clés', path: '/index-parite/chiffres-cles' },
    { name: 'ressources', path: '/ressources' },
    { name: 'fiche ressource', path: `/ressources/${resourceSlug}` },
    { name: 'statistiques', path: '/stats' },
    { name: 'revue de dossier', path: '/revue-de-dossier' },
    { name: 'mentorat', path: '/mentorat' },
    { name: 'annuaire', path: '/annuaire' },
    { name: 'flux RSS', path: '/aides/flux.xml?type=residence' },
    { name: 'API : aides', path: '/api/v1/opportunities' },
    { name: 'API : aides filtrées page 2', path: '/api/v1/opportunities?type=residence&type=bourse&page=2' },
    { name: 'API : une aide', path: `/api/v1/opportunities/${detailSlug}` },
    { name: 'API : ressources', path: '/api/v1/resources' },
    { name: 'API : organisations', path: '/api/v1/organizations' },
    { name: 'API : une organisation', path: `/api/v1/organizations/${organizationSlug}` },
  ];
  const results: LoadResult[] = [];
  try {
    for (const scenario of scenarios) {
      results.push(await runLoad(baseUrl, scenario));
      console.info(`  ${scenario.name} : ${results.at(-1)!.requestsPerSecond.toFixed(0)} req/s, p99 ${results.at(-1)!.p99} ms`);
    }
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
  }
  memory.push(`| ${label} | ${peak.toFixed(0)} Mo |`);
  lastResults.set(label, results);
  return formatTable(label, results, results[0]!, previous);
}

const sections: string[] = [];
for (const driver of drivers) sections.push(...(await benchDriver(driver)));

/** The issue's targets, on PostgreSQL with the production settings. */
function targets(): string[] {
  const results = [...lastResults.entries()].find(([label]) => label.startsWith('PostgreSQL, cache de pages actif'))?.[1];
  if (!results) return [];
  const baseline = results[0]!.requestsPerSecond;
  const pages = results.slice(1).filter((result) => !result.path.startsWith('/api/'));
  const failing = results.filter((result) => result.errors > 0);
  const apiLists = results.filter((result) => /^\/api\/v1\/[a-z]+(\?|$)/.test(result.path));
  const slowest = pages.reduce((worst, result) => (result.p99 > worst.p99 ? result : worst));
  const weakest = pages.reduce((worst, result) => (result.requestsPerSecond < worst.requestsPerSecond ? result : worst));
  const weakestApi = apiLists.reduce((worst, result) => (result.requestsPerSecond < worst.requestsPerSecond ? result : worst));
  const peak = Number(/(\d+) Mo/.exec(memory.find((line) => line.includes('PostgreSQL, cache de pages actif')) ?? '')?.[1] ?? 0);
  const mark = (ok: boolean) => (ok ? 'atteint' : '**non atteint**');
  return [
    '## Objectifs (PostgreSQL, réglages de production, 20 connexions)',
    '',
    `- p99 de chaque page publique ≤ 80 ms : le plus lent, ${slowest.name}, ${slowest.p99} ms — ${mark(slowest.p99 <= 80)}`,
    `- chaque page publique ≥ 20 % de la route triviale : la plus faible, ${weakest.name}, ${((weakest.requestsPerSecond / baseline) * 100).toFixed(1)} % — ${mark(weakest.requestsPerSecond / baseline >= 0.2)}`,
    `- listes de l’API ≥ 30 % : la plus faible, ${weakestApi.name}, ${((weakestApi.requestsPerSecond / baseline) * 100).toFixed(1)} % — ${mark(weakestApi.requestsPerSecond / baseline >= 0.3)}`,
    `- mémoire résidente du processus sous charge ≤ 300 Mo : ${peak} Mo au plus — ${mark(peak > 0 && peak <= 300)}`,
    `- réponses en erreur (non 2xx) : ${failing.length === 0 ? 'aucune' : failing.map((result) => `${result.name} ${result.errors}`).join(', ')} — ${mark(failing.length === 0)}`,
    '',
  ];
}

const report = [
  `# Banc de charge — ${new Date().toISOString()}`,
  '',
  `${OPPORTUNITY_COUNT} aides, ${PLATFORM_SIZE.resources} ressources, ${ORGANIZATION_COUNT} organisations et ${parityFigureCount} chiffres de l’index, ${PLATFORM_SIZE.members} membres, ${PLATFORM_SIZE.savedSearches} recherches enregistrées, ${PLATFORM_SIZE.peerReviewRequests} demandes de relecture générés ; serveur en mode production, réponses compressées (gzip), Node ${process.version}. La colonne « évolution » compare au rapport précédent ; ⚠ signale une baisse de plus de 20 %.`,
  '',
  ...targets(),
  '## Tâches de fond',
  '',
  '| base | tâche | résultat | durée |',
  '|---|---|---|---:|',
  ...timings,
  '',
  '## Mémoire résidente du serveur sous charge (maximum)',
  '',
  '| configuration | RSS |',
  '|---|---:|',
  ...memory,
  '',
  ...sections.flatMap((section) => [section, '']),
].join('\n');
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/latest.md', report);
console.info(`\n${report}`);
