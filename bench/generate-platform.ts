import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';

/** What the platform holds besides its catalogue, at the scale the issue asks for. */
export const PLATFORM_SIZE = {
  resources: Number(process.env.BENCH_RESOURCES ?? 1_000),
  members: Number(process.env.BENCH_MEMBERS ?? 50_000),
  savedSearches: Number(process.env.BENCH_SAVED_SEARCHES ?? 20_000),
  peerReviewRequests: Number(process.env.BENCH_PEER_REVIEW ?? 5_000),
};

const QUERY_POOL = ['type=residence', 'type=prix', 'type=bourse', 'q=portrait', 'discipline=documentaire', 'region=Bretagne', 'reservee=1', 'gratuite=1', 'q=livre', 'age=28'];
const THEMES = ['promotion_commercial', 'administrative_financial', 'artistic_technical', 'equality_inclusion'];

/**
 * Resources, members (a third of them with a daily digest and saved searches) and peer-review
 * requests waiting for a partner, generated in SQL so that 50,000 rows take seconds.
 */
export async function generatePlatform(db: Database, now: Date): Promise<typeof PLATFORM_SIZE> {
  const size = PLATFORM_SIZE;
  await db.execute(sql`
    INSERT INTO resources (slug, type, title, summary, introduction, body, themes, status, source, published_at, last_updated_on)
    SELECT 'fiche-generee-' || i, 'sheet', 'Fiche pratique numéro ' || i || ' : tarifs, droits et dossiers',
      'Une fiche générée pour mesurer la charge (' || i || ').', 'En bref : ce que la fiche explique.',
      repeat('Un paragraphe de fiche pratique sur les droits, les tarifs et les dossiers de candidature. ', 40),
      ARRAY[(${sql.raw(`ARRAY[${THEMES.map((theme) => `'${theme}'`).join(', ')}]`)})[1 + i % ${THEMES.length}]], 'published', 'manual',
      ${now.toISOString()}::timestamptz - (i || ' hours')::interval, ${now.toISOString().slice(0, 10)}::date
    FROM generate_series(1, ${size.resources}) AS i`);
  await db.execute(sql`
    INSERT INTO users (email, digest_frequency, unsubscribe_token, region)
    SELECT 'membre-' || i || '@bench.example', CASE WHEN i <= ${size.savedSearches} THEN 'daily' ELSE 'weekly' END, md5('u' || i) || md5('v' || i),
      (ARRAY['Bretagne', 'Occitanie', 'Île-de-France', 'Normandie'])[1 + i % 4]
    FROM generate_series(1, ${size.members}) AS i`);
  await db.execute(sql`
    INSERT INTO saved_searches (user_id, query, label, frequency, manage_token, checked_until)
    SELECT u.id, q.query, q.query, 'daily', md5('s' || u.id) || md5('t' || u.id), ${new Date(now.getTime() - 86_400_000).toISOString()}
    FROM (SELECT id FROM users WHERE email LIKE 'membre-%@bench.example' ORDER BY id LIMIT ${size.savedSearches}) AS u
    CROSS JOIN LATERAL (SELECT (${sql.raw(`ARRAY[${QUERY_POOL.map((query) => `'${query}'`).join(', ')}]`)})[1 + (u.id % ${QUERY_POOL.length})] AS query) AS q`);
  await db.execute(sql`
    INSERT INTO review_requests (user_id, kind, file_key, file_name, file_size, status, target_kind, disciplines, languages, waiting_since, rules_accepted_at)
    SELECT u.id, CASE WHEN u.id % 7 = 0 THEN 'volunteer' ELSE 'dossier' END,
      CASE WHEN u.id % 7 = 0 THEN NULL ELSE 'revue-de-dossier/genere-' || u.id || '.pdf' END, CASE WHEN u.id % 7 = 0 THEN NULL ELSE 'dossier.pdf' END,
      CASE WHEN u.id % 7 = 0 THEN NULL ELSE 250000 END, 'waiting', 'residency',
      ARRAY[(ARRAY['documentary', 'portrait', 'landscape', 'fashion'])[1 + u.id % 4]], ARRAY['fr'],
      ${now.toISOString()}::timestamptz - ((u.id % 20) || ' days')::interval, ${now.toISOString()}::timestamptz
    FROM (SELECT id FROM users WHERE email LIKE 'membre-%@bench.example' ORDER BY id DESC LIMIT ${size.peerReviewRequests}) AS u`);
  // 2 % of the catalogue was published during the last day: the news of the morning digest.
  await db.execute(sql`UPDATE opportunities SET published_at = ${new Date(now.getTime() - 3_600_000).toISOString()} WHERE id % 50 = 0`);
  await db.execute(sql`ANALYZE`);
  return size;
}
