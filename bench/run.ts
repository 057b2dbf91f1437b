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
}

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
  await handle.close();
  return { env, detailSlug: detail!.slug, organizationSlug: parity.slug };
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production',
      COOKIE_SECRET: randomBytes(32).toString('hex'), SEED_ON_START: 'false', LOG_LEVEL: 'info',
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

async function benchServer(env: Record<string, string>, { detailSlug, organizationSlug }: Prepared, label: string): Promise<string> {
  const { child, baseUrl } = await startServer(env);
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
  ];
  const results: LoadResult[] = [];
  try {
    for (const scenario of scenarios) {
      results.push(await runLoad(baseUrl, scenario));
      console.info(`  ${scenario.name} : ${results.at(-1)!.requestsPerSecond.toFixed(0)} req/s, p99 ${results.at(-1)!.p99} ms`);
    }
  } finally {
    child.kill('SIGTERM');
  }
  return formatTable(label, results, results[0]!);
}

const sections: string[] = [];
for (const driver of drivers) sections.push(...(await benchDriver(driver)));
const report = [
  `# Banc de charge — ${new Date().toISOString()}`,
  '',
  `${OPPORTUNITY_COUNT} aides, ${ORGANIZATION_COUNT} organisations et ${parityFigureCount} chiffres de l’index générés, serveur en mode production, réponses compressées (gzip), Node ${process.version}.`,
  '',
  ...sections.flatMap((section) => [section, '']),
].join('\n');
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/latest.md', report);
console.info(`\n${report}`);
