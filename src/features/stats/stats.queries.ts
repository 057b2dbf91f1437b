import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { parisDate } from '../../platform/dates.ts';
import { KIND_LABELS, type OpportunityKind } from '../opportunities/opportunity.vocabulary.ts';

/**
 * The public impact statistics, each figure from one query on the database (never typed in).
 * Small counts are masked by the page (see `masked`), not here: tests check the raw figures.
 */

export const SMALL_COUNT = 5;
export const MONTHS_SHOWN = 12;

export interface MonthlySeries {
  slug: string;
  title: string;
  /** What one unit is, for the table header ("aides publiées"). */
  unit: string;
  points: { month: string; value: number }[];
}

/** The last MONTHS_SHOWN months, oldest first, as "2027-03" in Paris time. */
export function lastMonths(now: Date, count = MONTHS_SHOWN): string[] {
  const [year, month] = parisDate(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const total = year * 12 + (month - 1) - (count - 1 - index);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** Counts by Paris month of a timestamp column, over the months shown (months without rows are 0). */
async function monthly(db: Database, from: SQL, column: SQL, where: SQL, months: string[]): Promise<{ month: string; value: number }[]> {
  const rows = await queryRows<{ month: string; value: number }>(db, sql`
    SELECT to_char(${column} AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month, count(*)::int AS value
    FROM ${from} WHERE ${where} AND ${column} IS NOT NULL
      AND to_char(${column} AT TIME ZONE 'Europe/Paris', 'YYYY-MM') BETWEEN ${months[0]!} AND ${months[months.length - 1]!}
    GROUP BY 1`);
  const byMonth = new Map(rows.map((row) => [row.month, Number(row.value)]));
  return months.map((month) => ({ month, value: byMonth.get(month) ?? 0 }));
}

const SERIES: readonly { slug: string; title: string; unit: string; from: SQL; column: SQL; where: SQL }[] = [
  { slug: 'aides-publiees', title: 'Aides publiées par mois', unit: 'aides publiées', from: sql`opportunities`, column: sql`published_at`, where: sql`status IN ('published', 'archived')` },
  { slug: 'alertes-creees', title: 'Alertes créées par mois (aides suivies et recherches enregistrées)', unit: 'alertes créées', from: sql`(SELECT created_at FROM opportunity_follows UNION ALL SELECT created_at FROM saved_searches) AS alerts`, column: sql`created_at`, where: sql`true` },
  { slug: 'emails-alerte', title: 'Emails d’alerte envoyés par mois (nouveautés et rappels de dates limites)', unit: 'emails envoyés', from: sql`digests`, column: sql`created_at`, where: sql`true` },
  { slug: 'dossiers-relus', title: 'Échanges de relectures de dossiers terminés par mois', unit: 'échanges terminés', from: sql`review_pairs`, column: sql`released_at`, where: sql`status = 'released'` },
  { slug: 'mentorats', title: 'Mentorats commencés par mois', unit: 'mentorats commencés', from: sql`mentorships`, column: sql`started_at`, where: sql`true` },
  { slug: 'mises-en-relation', title: 'Mises en relation par l’annuaire par mois', unit: 'messages transmis', from: sql`directory_messages`, column: sql`created_at`, where: sql`true` },
];

export const SERIES_SLUGS = SERIES.map((series) => series.slug);

export async function monthlySeries(db: Database, now: Date): Promise<MonthlySeries[]> {
  const months = lastMonths(now);
  return Promise.all(SERIES.map(async (series) => ({ slug: series.slug, title: series.title, unit: series.unit, points: await monthly(db, series.from, series.column, series.where, months) })));
}

export interface Ratio {
  part: number;
  whole: number;
}

export interface ImpactFigures {
  publishedOpportunities: number;
  byKind: { kind: OpportunityKind; label: string; count: number }[];
  activeAlerts: number;
  followers: number;
  alertEmails: number;
  peerReview: { exchanges: number; completion: Ratio; medianWaitDays: number | null; pairedRequests: number };
  mentorships: { started: number; completed: number };
  directory: { contacts: number; answers: number; ledToWork: number };
  parity: { organizations: number; figures: number };
  usefulness: Ratio;
}

export async function impactFigures(db: Database): Promise<ImpactFigures> {
  const [row] = await queryRows<Record<string, number | string | null>>(db, sql`
    SELECT
      (SELECT count(*)::int FROM opportunities WHERE status = 'published') AS published,
      (SELECT count(*)::int FROM opportunity_follows) + (SELECT count(*)::int FROM saved_searches) AS alerts,
      (SELECT count(DISTINCT user_id)::int FROM (SELECT user_id FROM opportunity_follows UNION SELECT user_id FROM saved_searches) AS people) AS followers,
      (SELECT count(*)::int FROM digests) AS alert_emails,
      (SELECT count(*)::int FROM review_pairs WHERE status = 'released') AS exchanges,
      (SELECT count(*)::int FROM review_pairs WHERE status = 'closed') AS closed_pairs,
      (SELECT count(*)::int FROM review_pairs) AS pairs,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.paired_at - q.created_at) / 86400) FROM review_pairs p JOIN review_requests q ON q.id = p.request_a_id) AS median_wait,
      (SELECT count(*)::int FROM mentorships) AS mentorships,
      (SELECT count(*)::int FROM mentorships WHERE status = 'completed') AS completed,
      (SELECT count(*)::int FROM directory_messages) AS contacts,
      (SELECT count(*)::int FROM contact_surveys WHERE answered_at IS NOT NULL) AS answers,
      (SELECT count(*)::int FROM contact_surveys WHERE led_to_work) AS led_to_work,
      (SELECT count(*)::int FROM parity_organizations) AS organizations,
      (SELECT count(*)::int FROM parity_figures WHERE status = 'published') AS parity_figures,
      (SELECT count(*)::int FROM opportunity_feedback WHERE answer <> 'not_useful') + (SELECT count(*)::int FROM resource_feedback WHERE answer = 'useful') AS useful,
      (SELECT count(*)::int FROM opportunity_feedback) + (SELECT count(*)::int FROM resource_feedback) AS feedback`);
  const kinds = await queryRows<{ kind: OpportunityKind; count: number }>(db, sql`SELECT kind, count(*)::int AS count FROM opportunities WHERE status = 'published' GROUP BY kind ORDER BY count DESC, kind`);
  const number = (key: string) => Number(row?.[key] ?? 0);
  const exchanges = number('exchanges');
  return {
    publishedOpportunities: number('published'),
    byKind: kinds.map((item) => ({ kind: item.kind, label: KIND_LABELS[item.kind] ?? item.kind, count: Number(item.count) })),
    activeAlerts: number('alerts'),
    followers: number('followers'),
    alertEmails: number('alert_emails'),
    peerReview: {
      exchanges, completion: { part: exchanges, whole: exchanges + number('closed_pairs') },
      medianWaitDays: row?.median_wait === null || row?.median_wait === undefined ? null : Number(row.median_wait), pairedRequests: number('pairs'),
    },
    mentorships: { started: number('mentorships'), completed: number('completed') },
    directory: { contacts: number('contacts'), answers: number('answers'), ledToWork: number('led_to_work') },
    parity: { organizations: number('organizations'), figures: number('parity_figures') },
    usefulness: { part: number('useful'), whole: number('feedback') },
  };
}

/** "< 5" for 1 to 4 (nobody can be recognised behind a tiny count); other counts as they are. */
export function masked(count: number): string {
  return count > 0 && count < SMALL_COUNT ? `< ${SMALL_COUNT}` : count.toLocaleString('fr-FR');
}

/** A rate is shown only when it rests on at least SMALL_COUNT cases. */
export function maskedRate(ratio: Ratio): string {
  if (ratio.whole < SMALL_COUNT) return 'non communiqué (moins de 5 cas)';
  return `${Math.round((100 * ratio.part) / ratio.whole)} %`;
}
