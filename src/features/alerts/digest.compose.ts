import type { AlertFrequency, DigestFrequency, FollowKind } from '../../db/schema/index.ts';
import { type IsoDate, daysBetween } from '../../platform/dates.ts';
import type { DatedEntry } from '../opportunities/catalogue-index.ts';
import { REMINDER_THRESHOLDS } from './alert.vocabulary.ts';

/**
 * Decides what each person's digest says on a given day. Pure: the job loads the data, this
 * module chooses, the job saves and sends. The rules:
 * - deadline reminders (14 and 3 days before) and date changes go out on the day they are due,
 *   whatever the rhythm chosen: a deadline must not slip;
 * - news of saved searches and opened editions follow the person's rhythm (every day, or
 *   Mondays), and a weekly saved search is only looked at on Mondays;
 * - a person with nothing new gets no email.
 */
export interface DigestUser {
  id: number;
  email: string;
  displayName: string | null;
  digestFrequency: Exclude<DigestFrequency, 'none'>;
  unsubscribeToken: string;
}

export interface FollowState {
  id: number;
  userId: number;
  opportunityId: number;
  kind: FollowKind;
  createdAt: Date;
  windowsVersionSeen: number;
  notifiedWindowId: number | null;
}

export interface FollowedOpportunity {
  id: number;
  slug: string;
  title: string;
  windowsVersion: number;
  windows: { id: number; opensOn: IsoDate | null; closesOn: IsoDate; createdAt: Date }[];
  /** Where it stands today; undefined when no longer published. */
  dated: DatedEntry | undefined;
}

export interface SavedSearchState {
  id: number;
  userId: number;
  query: string;
  label: string;
  frequency: AlertFrequency;
  manageToken: string;
  checkedUntil: Date;
}

export interface OpportunityRef {
  slug: string;
  title: string;
}

export interface DigestPlan {
  user: DigestUser;
  reminders: { followId: number; opportunity: OpportunityRef; closesOn: IsoDate; daysLeft: number; thresholds: number[] }[];
  dateChanges: { followId: number; opportunity: OpportunityRef; closesOn: IsoDate | null; windowsVersion: number }[];
  nextEditions: { followId: number; opportunity: OpportunityRef; windowId: number; closesOn: IsoDate }[];
  searchNews: { search: SavedSearchState; items: OpportunityRef[] }[];
}

export interface DigestInput {
  today: IsoDate;
  users: DigestUser[];
  follows: FollowState[];
  opportunities: ReadonlyMap<number, FollowedOpportunity>;
  /** "followId:closesOn:threshold" of reminders already sent. */
  remindersSent: ReadonlySet<string>;
  searches: SavedSearchState[];
  /** New matching opportunities per due saved search, newest first. */
  searchMatches: ReadonlyMap<number, OpportunityRef[]>;
}

export const reminderKey = (followId: number, closesOn: IsoDate, threshold: number) => `${followId}:${closesOn}:${threshold}`;

export function isMonday(day: IsoDate): boolean {
  return new Date(`${day}T12:00:00Z`).getUTCDay() === 1;
}

/** Saved searches whose news is looked at today for this person. */
export function isSearchDue(search: Pick<SavedSearchState, 'frequency'>, user: Pick<DigestUser, 'digestFrequency'>, today: IsoDate): boolean {
  if (user.digestFrequency === 'weekly' || search.frequency === 'weekly') return isMonday(today);
  return true;
}

const refOf = (opportunity: FollowedOpportunity): OpportunityRef => ({ slug: opportunity.slug, title: opportunity.title });

function reminderFor(follow: FollowState, opportunity: FollowedOpportunity, today: IsoDate, sent: ReadonlySet<string>): DigestPlan['reminders'][number] | null {
  const status = opportunity.dated;
  if (!status || (status.status !== 'open' && status.status !== 'closing_soon') || !status.sortDate) return null;
  const closesOn = status.sortDate;
  const daysLeft = daysBetween(today, closesOn);
  // The smallest threshold reached is the one to send; larger ones are then spent as well.
  const reached = REMINDER_THRESHOLDS.filter((threshold) => daysLeft <= threshold);
  if (reached.length === 0) return null;
  const smallest = Math.min(...reached);
  if (sent.has(reminderKey(follow.id, closesOn, smallest))) return null;
  return { followId: follow.id, opportunity: refOf(opportunity), closesOn, daysLeft, thresholds: reached.filter((threshold) => !sent.has(reminderKey(follow.id, closesOn, threshold))) };
}

function nextEditionFor(follow: FollowState, opportunity: FollowedOpportunity, today: IsoDate): DigestPlan['nextEditions'][number] | null {
  const status = opportunity.dated;
  if (!status || (status.status !== 'open' && status.status !== 'closing_soon') || !status.sortDate) return null;
  const window = opportunity.windows.find((candidate) => candidate.closesOn === status.sortDate && (candidate.opensOn === null || candidate.opensOn <= today));
  if (!window || window.id === follow.notifiedWindowId) return null;
  // Only an edition that opened (or was announced) after she asked counts as "the next one".
  const openedAt = window.opensOn ? new Date(`${window.opensOn}T23:59:59Z`) : window.createdAt;
  if (openedAt <= follow.createdAt) return null;
  return { followId: follow.id, opportunity: refOf(opportunity), windowId: window.id, closesOn: window.closesOn };
}

export function composeDigests(input: DigestInput): DigestPlan[] {
  const followsByUser = groupBy(input.follows, (follow) => follow.userId);
  const searchesByUser = groupBy(input.searches, (search) => search.userId);
  const monday = isMonday(input.today);
  const plans: DigestPlan[] = [];
  for (const user of input.users) {
    const plan: DigestPlan = { user, reminders: [], dateChanges: [], nextEditions: [], searchNews: [] };
    const newsToday = user.digestFrequency === 'daily' || monday;
    for (const follow of followsByUser.get(user.id) ?? []) {
      const opportunity = input.opportunities.get(follow.opportunityId);
      if (!opportunity) continue;
      if (follow.kind === 'deadlines') {
        const reminder = reminderFor(follow, opportunity, input.today, input.remindersSent);
        if (reminder) plan.reminders.push(reminder);
        if (opportunity.windowsVersion > follow.windowsVersionSeen) {
          plan.dateChanges.push({ followId: follow.id, opportunity: refOf(opportunity), closesOn: opportunity.dated?.sortDate ?? null, windowsVersion: opportunity.windowsVersion });
        }
      } else if (newsToday) {
        const edition = nextEditionFor(follow, opportunity, input.today);
        if (edition) plan.nextEditions.push(edition);
      }
    }
    for (const search of searchesByUser.get(user.id) ?? []) {
      if (!isSearchDue(search, user, input.today)) continue;
      const items = input.searchMatches.get(search.id) ?? [];
      if (items.length > 0) plan.searchNews.push({ search, items });
    }
    if (itemCount(plan) > 0) plans.push(plan);
  }
  return plans;
}

export function itemCount(plan: DigestPlan): number {
  return plan.reminders.length + plan.dateChanges.length + plan.nextEditions.length + plan.searchNews.reduce((sum, news) => sum + news.items.length, 0);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
