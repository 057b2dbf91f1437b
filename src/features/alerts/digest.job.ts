import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { deadlineReminders, digests, emails } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { parisDate } from '../../platform/dates.ts';
import type { Mailer } from '../../platform/email/mailer.ts';
import { buildTextQuery } from '../../platform/search/text-query.ts';
import { type DatedEntry, matcherFor } from '../opportunities/catalogue-index.ts';
import type { CatalogueIndexStore } from '../opportunities/catalogue-index.store.ts';
import { parseOpportunitySearch } from '../opportunities/search.schema.ts';
import {
  type DigestPlan, type DigestUser, type FollowState, type FollowedOpportunity, type OpportunityRef, type SavedSearchState,
  composeDigests, isSearchDue, itemCount, reminderKey,
} from './digest.compose.ts';
import { digestEmail } from './digest.email.tsx';

export const DIGEST_JOB = 'alerts-digest';
const CHUNK = 500;

export interface DigestDependencies {
  db: Database;
  catalogueIndex: CatalogueIndexStore;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
}

export interface DigestReport {
  day: string;
  recipients: number;
  emailsQueued: number;
  skippedAlreadySent: number;
}

export function setUpDigestJob(app: FastifyInstance, { catalogueIndex }: { catalogueIndex: CatalogueIndexStore }): void {
  app.jobs.define({
    name: DIGEST_JOB,
    // Every morning in Paris; missed runs are harmless: the next one catches up.
    cron: '0 7 * * *',
    handle: async () => {
      await runDigest({ db: app.db, catalogueIndex, clock: app.clock, mailer: app.mailer, publicUrl: app.config.publicUrl });
    },
  });
}

const intArray = (values: readonly number[]) => (values.length ? sql`ARRAY[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::int[]` : sql`ARRAY[]::int[]`);

async function loadUsers(db: Database): Promise<DigestUser[]> {
  const rows = await queryRows<{ id: number; email: string; display_name: string | null; digest_frequency: 'daily' | 'weekly'; unsubscribe_token: string }>(db, sql`
    SELECT u.id, u.email, u.display_name, u.digest_frequency, u.unsubscribe_token FROM users u
    WHERE u.digest_frequency <> 'none'
      AND (EXISTS (SELECT 1 FROM opportunity_follows f WHERE f.user_id = u.id) OR EXISTS (SELECT 1 FROM saved_searches s WHERE s.user_id = u.id))
    ORDER BY u.id`);
  return rows.map((row) => ({ id: Number(row.id), email: row.email, displayName: row.display_name, digestFrequency: row.digest_frequency, unsubscribeToken: row.unsubscribe_token }));
}

async function loadFollows(db: Database): Promise<FollowState[]> {
  const rows = await queryRows<{ id: number; user_id: number; opportunity_id: number; kind: FollowState['kind']; created_at: string | Date; windows_version_seen: number; notified_window_id: number | null }>(db, sql`
    SELECT f.id, f.user_id, f.opportunity_id, f.kind, f.created_at, f.windows_version_seen, f.notified_window_id
    FROM opportunity_follows f JOIN users u ON u.id = f.user_id WHERE u.digest_frequency <> 'none'`);
  return rows.map((row) => ({
    id: Number(row.id), userId: Number(row.user_id), opportunityId: Number(row.opportunity_id), kind: row.kind,
    createdAt: new Date(row.created_at), windowsVersionSeen: Number(row.windows_version_seen), notifiedWindowId: row.notified_window_id === null ? null : Number(row.notified_window_id),
  }));
}

async function loadFollowedOpportunities(db: Database, ids: number[], datedById: Map<number, DatedEntry>): Promise<Map<number, FollowedOpportunity>> {
  const result = new Map<number, FollowedOpportunity>();
  if (ids.length === 0) return result;
  const rows = await queryRows<{ id: number; slug: string; title: string; windows_version: number }>(db, sql`
    SELECT id, slug, title, windows_version FROM opportunities WHERE status = 'published' AND id = ANY(${intArray(ids)})`);
  const windows = await queryRows<{ id: number; opportunity_id: number; opens_on: string | null; closes_on: string; created_at: string | Date }>(db, sql`
    SELECT id, opportunity_id, opens_on::text, closes_on::text, created_at FROM opportunity_windows WHERE opportunity_id = ANY(${intArray(ids)})`);
  for (const row of rows) {
    const id = Number(row.id);
    result.set(id, { id, slug: row.slug, title: row.title, windowsVersion: Number(row.windows_version), windows: [], dated: datedById.get(id) });
  }
  for (const window of windows) {
    result.get(Number(window.opportunity_id))?.windows.push({ id: Number(window.id), opensOn: window.opens_on, closesOn: window.closes_on, createdAt: new Date(window.created_at) });
  }
  return result;
}

async function loadSearches(db: Database): Promise<SavedSearchState[]> {
  const rows = await queryRows<{ id: number; user_id: number; query: string; label: string; frequency: 'daily' | 'weekly'; manage_token: string; checked_until: string | Date }>(db, sql`
    SELECT s.id, s.user_id, s.query, s.label, s.frequency, s.manage_token, s.checked_until
    FROM saved_searches s JOIN users u ON u.id = s.user_id WHERE u.digest_frequency <> 'none'`);
  return rows.map((row) => ({ id: Number(row.id), userId: Number(row.user_id), query: row.query, label: row.label, frequency: row.frequency, manageToken: row.manage_token, checkedUntil: new Date(row.checked_until) }));
}

async function loadRemindersSent(db: Database, today: string): Promise<Set<string>> {
  const rows = await queryRows<{ follow_id: number; closes_on: string; threshold_days: number }>(db, sql`
    SELECT follow_id, closes_on::text, threshold_days FROM deadline_reminders WHERE closes_on >= ${today}::date`);
  return new Set(rows.map((row) => reminderKey(Number(row.follow_id), row.closes_on, Number(row.threshold_days))));
}

/**
 * New published opportunities matching each due saved search. Words are matched by the
 * database in one statement for every search; the other filters by the catalogue's own matcher.
 */
async function matchSavedSearches(db: Database, due: SavedSearchState[], entries: DatedEntry[], now: Date): Promise<Map<number, OpportunityRef[]>> {
  const matches = new Map<number, OpportunityRef[]>();
  if (due.length === 0) return matches;
  const oldest = Math.min(...due.map((search) => search.checkedUntil.getTime()));
  const fresh = entries.filter((dated) => dated.entry.publishedAt > oldest && dated.entry.publishedAt <= now.getTime()).sort((a, b) => b.entry.publishedAt - a.entry.publishedAt);
  if (fresh.length === 0) return matches;
  const parsed = due.map((search) => ({ search, criteria: parseOpportunitySearch(Object.fromEntries(groupParams(search.query))) }));
  const tsQueries = new Map<string, string | null>();
  for (const { criteria } of parsed) {
    if (criteria.text && !tsQueries.has(criteria.text)) tsQueries.set(criteria.text, (await buildTextQuery(db, criteria.text))?.allTerms ?? null);
  }
  const textMatches = new Map<string, Set<number>>();
  const texts = [...tsQueries.entries()].filter((entry): entry is [string, string] => entry[1] !== null);
  if (texts.length > 0) {
    const rows = await queryRows<{ position: number; id: number }>(db, sql`
      SELECT q.position, o.id
      FROM unnest(${sql`ARRAY[${sql.join(texts.map(([, tsQuery]) => sql`${tsQuery}`), sql`, `)}]::text[]`}) WITH ORDINALITY AS q(ts, position)
      JOIN opportunities o ON o.id = ANY(${intArray(fresh.map((dated) => dated.entry.id))})
        AND o.search_vector @@ to_tsquery('french_unaccent', q.ts)`);
    for (const row of rows) {
      const text = texts[Number(row.position) - 1]![0];
      textMatches.set(text, (textMatches.get(text) ?? new Set()).add(Number(row.id)));
    }
  }
  for (const { search, criteria } of parsed) {
    const matches_ = matcherFor(criteria);
    const words = criteria.text ? (textMatches.get(criteria.text) ?? new Set<number>()) : null;
    const items = fresh
      .filter((dated) => dated.entry.publishedAt > search.checkedUntil.getTime() && (!words || words.has(dated.entry.id)) && matches_(dated))
      .map((dated) => ({ slug: dated.entry.slug, title: dated.entry.title }));
    if (items.length > 0) matches.set(search.id, items);
  }
  return matches;
}

function groupParams(rawQuery: string): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(rawQuery)) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  return grouped;
}

/** Saves a chunk of digests in one transaction; a person already served today is skipped. */
async function persistChunk(db: Database, plans: DigestPlan[], day: string, now: Date, publicUrl: string): Promise<{ emailIds: number[]; servedUserIds: number[] }> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(digests)
      .values(plans.map((plan) => ({ userId: plan.user.id, day, itemCount: itemCount(plan), createdAt: now })))
      .onConflictDoNothing()
      .returning({ userId: digests.userId });
    const claimedIds = new Set(claimed.map((row) => row.userId));
    const served = plans.filter((plan) => claimedIds.has(plan.user.id));
    if (served.length === 0) return { emailIds: [], servedUserIds: [] };
    const inserted = await tx
      .insert(emails)
      .values(served.map((plan) => ({ idempotencyKey: `digest:${plan.user.id}:${day}`, recipient: plan.user.email, purpose: 'digest', createdAt: now, ...digestEmail(plan, publicUrl) })))
      .onConflictDoNothing()
      .returning({ id: emails.id, key: emails.idempotencyKey });
    const reminders = served.flatMap((plan) => plan.reminders.flatMap((reminder) => reminder.thresholds.map((thresholdDays) => ({ followId: reminder.followId, closesOn: reminder.closesOn, thresholdDays, sentOn: day }))));
    if (reminders.length > 0) await tx.insert(deadlineReminders).values(reminders).onConflictDoNothing();
    const changes = served.flatMap((plan) => plan.dateChanges);
    if (changes.length > 0) {
      await tx.execute(sql`
        UPDATE opportunity_follows f SET windows_version_seen = c.version
        FROM unnest(${intArray(changes.map((change) => change.followId))}, ${intArray(changes.map((change) => change.windowsVersion))}) AS c(follow_id, version)
        WHERE f.id = c.follow_id`);
    }
    const editions = served.flatMap((plan) => plan.nextEditions);
    if (editions.length > 0) {
      await tx.execute(sql`
        UPDATE opportunity_follows f SET notified_window_id = e.window_id
        FROM unnest(${intArray(editions.map((edition) => edition.followId))}, ${intArray(editions.map((edition) => edition.windowId))}) AS e(follow_id, window_id)
        WHERE f.id = e.follow_id`);
    }
    const emailIdByKey = new Map(inserted.map((row) => [row.key, row.id]));
    for (const plan of served) {
      const emailId = emailIdByKey.get(`digest:${plan.user.id}:${day}`);
      if (emailId) await tx.execute(sql`UPDATE digests SET email_id = ${emailId} WHERE user_id = ${plan.user.id} AND day = ${day}::date`);
    }
    return { emailIds: inserted.map((row) => row.id), servedUserIds: served.map((plan) => plan.user.id) };
  });
}

/** Computes, saves and queues today's digests. Safe to run twice: the second run sends nothing. */
export async function runDigest(deps: DigestDependencies): Promise<DigestReport> {
  const now = deps.clock.now();
  const day = parisDate(now);
  const entries = await deps.catalogueIndex.entriesOn(day);
  const datedById = new Map(entries.map((dated) => [dated.entry.id, dated]));
  const [users, follows, searches, remindersSent] = await Promise.all([loadUsers(deps.db), loadFollows(deps.db), loadSearches(deps.db), loadRemindersSent(deps.db, day)]);
  const usersById = new Map(users.map((user) => [user.id, user]));
  const due = searches.filter((search) => {
    const user = usersById.get(search.userId);
    return user !== undefined && isSearchDue(search, user, day);
  });
  const [opportunities, searchMatches] = await Promise.all([
    loadFollowedOpportunities(deps.db, [...new Set(follows.map((follow) => follow.opportunityId))], datedById),
    matchSavedSearches(deps.db, due, entries, now),
  ]);
  const plans = composeDigests({ today: day, users, follows, opportunities, remindersSent, searches, searchMatches });
  const report: DigestReport = { day, recipients: plans.length, emailsQueued: 0, skippedAlreadySent: 0 };
  const servedInThisRun = new Set<number>();
  for (let start = 0; start < plans.length; start += CHUNK) {
    const chunk = plans.slice(start, start + CHUNK);
    const { emailIds, servedUserIds } = await persistChunk(deps.db, chunk, day, now, deps.publicUrl);
    servedUserIds.forEach((userId) => servedInThisRun.add(userId));
    report.emailsQueued += emailIds.length;
    report.skippedAlreadySent += chunk.length - servedUserIds.length;
    await deps.mailer.dispatch(emailIds);
  }
  // Due searches were looked at up to now: next time only later publications count. Not for a
  // person already served earlier today (a second run): her news waits for the next digest.
  const withPlan = new Set(plans.map((plan) => plan.user.id));
  const checked = due.filter((search) => !withPlan.has(search.userId) || servedInThisRun.has(search.userId)).map((search) => search.id);
  for (let start = 0; start < checked.length; start += 5000) {
    await deps.db.execute(sql`UPDATE saved_searches SET checked_until = ${now.toISOString()} WHERE id = ANY(${intArray(checked.slice(start, start + 5000))})`);
  }
  return report;
}
