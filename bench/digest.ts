// npm run bench:digest — the daily digest for 20,000 subscribers with 3 saved searches each
// (and 2 followed opportunities) over 10,000 opportunities, on PostgreSQL (or PGlite with
// BENCH_DRIVERS=pglite). Measures computing, saving and queuing the emails.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DatabaseOptions, openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { queryRows } from '../src/db/rows.ts';
import { runDigest } from '../src/features/alerts/digest.job.ts';
import { createCatalogueIndexStore } from '../src/features/opportunities/catalogue-index.store.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createContentVersions } from '../src/platform/content-versions.ts';
import { addDays, parisDate } from '../src/platform/dates.ts';
import { generateOpportunities } from './generate-opportunities.ts';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 20_000);
const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 10_000);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const driver = (process.env.BENCH_DRIVERS ?? 'postgres').split(',')[0] as 'postgres' | 'pglite';

// Searches people really save: words, kinds, practices, regions, age, free applications.
const QUERY_POOL = [
  'type=residence', 'type=prix', 'type=bourse', 'q=residence', 'q=photographie+documentaire', 'q=portrait', 'q=paysage&type=prix',
  'discipline=documentaire', 'discipline=photojournalisme&type=bourse', 'region=Bretagne', 'region=Occitanie&type=residence',
  'reservee=1', 'gratuite=1', 'age=28', 'parcours=debut-de-carriere', 'q=livre', 'type=appel-de-festival', 'q=jeune&type=prix',
  'perimetre=france&type=bourse', 'montant_min=5000', 'q=ecologie', 'q=territoires', 'discipline=mode', 'type=commande',
  'q=architecture&discipline=architecture', 'parcours=etudiante', 'q=memoire+ouvriere', 'type=mentorat', 'q=sciences', 'region=Normandie',
];

async function prepare(): Promise<DatabaseOptions> {
  if (driver === 'pglite') {
    const dataDir = join(tmpdir(), 'eflc-bench-digest');
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    return { driver: 'pglite', dataDir };
  }
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS eflc_bench_digest WITH (FORCE)');
  await admin.query('CREATE DATABASE eflc_bench_digest');
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = '/eflc_bench_digest';
  return { driver: 'postgres', url: url.toString() };
}

const handle = await openDatabase(await prepare());
await migrateDatabase(handle);
const db = handle.db;
const now = new Date();
const today = parisDate(now);
const clock = fixedClock(now);

let started = Date.now();
await generateOpportunities(db, OPPORTUNITIES, today);
// 2 % of the catalogue was published during the last day: the news of this digest.
await db.execute(sql`UPDATE opportunities SET published_at = ${new Date(now.getTime() - 3_600_000).toISOString()} WHERE id % 50 = 0`);
await db.execute(sql`
  INSERT INTO users (email, digest_frequency, unsubscribe_token)
  SELECT 'abonnee-' || i || '@exemple.fr', 'daily', md5(i::text) || md5((i * 7)::text) FROM generate_series(1, ${SUBSCRIBERS}) AS i`);
await db.execute(sql`
  INSERT INTO saved_searches (user_id, query, label, frequency, manage_token, checked_until)
  SELECT u.id, q.query, q.query, 'daily', md5(u.id::text || '-' || k) || md5(k::text || u.id::text), ${new Date(now.getTime() - 86_400_000).toISOString()}
  FROM users u CROSS JOIN generate_series(0, 2) AS k
  CROSS JOIN LATERAL (SELECT (${sql.raw(`ARRAY[${QUERY_POOL.map((query) => `'${query}'`).join(', ')}]`)})[1 + ((u.id * 7 + k * 13) % ${QUERY_POOL.length})] AS query) AS q`);
await db.execute(sql`
  INSERT INTO opportunity_follows (user_id, opportunity_id, kind, created_at)
  SELECT u.id, 1 + ((u.id * 31 + k * 97) % ${OPPORTUNITIES}), CASE WHEN k = 0 THEN 'deadlines' ELSE 'next_edition' END, ${addDays(today, -30)}::date
  FROM users u CROSS JOIN generate_series(0, 1) AS k
  ON CONFLICT DO NOTHING`);
await db.execute(sql`ANALYZE`);
const [counts] = await queryRows<{ searches: number; follows: number }>(db, sql`SELECT (SELECT count(*) FROM saved_searches) AS searches, (SELECT count(*) FROM opportunity_follows) AS follows`);
console.info(`${driver} : ${OPPORTUNITIES} aides, ${SUBSCRIBERS} abonnées, ${counts!.searches} recherches, ${counts!.follows} suivis — préparés en ${((Date.now() - started) / 1000).toFixed(1)} s`);

let dispatched = 0;
const mailer = { dispatch: async (ids: readonly (number | null)[]) => void (dispatched += ids.filter((id) => id !== null).length) };
const catalogueIndex = createCatalogueIndexStore(db, createContentVersions(db, { ttlMs: 60_000 }));
started = Date.now();
const rssBefore = process.memoryUsage().rss;
const report = await runDigest({ db, catalogueIndex, clock, mailer, publicUrl: 'https://ellesfontlaculture.culture.gouv.fr' });
const seconds = (Date.now() - started) / 1000;
console.info(`Récapitulatif : ${report.recipients} destinataires, ${report.emailsQueued} emails mis en file (${dispatched} transmis à l’envoi) en ${seconds.toFixed(1)} s ; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} Mo (avant : ${(rssBefore / 1e6).toFixed(0)} Mo)`);
started = Date.now();
const second = await runDigest({ db, catalogueIndex, clock, mailer, publicUrl: 'https://ellesfontlaculture.culture.gouv.fr' });
const secondSeconds = (Date.now() - started) / 1000;
console.info(`Seconde exécution le même jour : ${second.emailsQueued} email mis en file, ${second.skippedAlreadySent} déjà servies, en ${secondSeconds.toFixed(1)} s`);
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/digest.md', [
  `# Récapitulatif quotidien — ${new Date().toISOString()}`,
  '',
  `Base ${driver}, ${OPPORTUNITIES} aides, ${SUBSCRIBERS} abonnées (${counts!.searches} recherches enregistrées, ${counts!.follows} aides suivies), Node ${process.version}.`,
  '',
  `- première exécution : ${report.recipients} destinataires, ${report.emailsQueued} emails mis en file en ${seconds.toFixed(1)} s (objectif : moins de 60 s)`,
  `- seconde exécution le même jour : ${second.emailsQueued} email en ${secondSeconds.toFixed(1)} s`,
  '',
].join('\n'));
await handle.close();
