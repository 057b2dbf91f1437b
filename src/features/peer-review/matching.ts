import type { ScoreParts } from '../../db/schema/index.ts';
import { type IsoDate, daysBetween, parisDate } from '../../platform/dates.ts';

/**
 * The matching engine of the peer review (pure: same input, same pairs). Two waiting members
 * are paired to review each other's dossier.
 *
 * Hard rules, never broken: not with herself, never the same two people twice, at least one
 * common language. Before RELAX_AFTER_DAYS of waiting, partners must also share a discipline
 * (or a close one); after that, any discipline will do, and a volunteer may be assigned when
 * no member is available. Requests are served in order: back-in-queue first, then the closest
 * deadline, then the longest wait; each takes the best-scoring partner.
 */

export const RELAX_AFTER_DAYS = 5;

export interface WaitingRequest {
  id: number;
  userId: number;
  kind: 'dossier' | 'volunteer';
  disciplines: readonly string[];
  languages: readonly string[];
  targetKind: string | null;
  deadline: IsoDate | null;
  waitingSince: Date;
  priority: boolean;
}

export interface Match {
  /** The request served (always a dossier). */
  a: number;
  /** Her partner: another dossier, or a volunteer who reviews without submitting. */
  b: number;
  score: ScoreParts;
}

// Practices close enough for a useful reading (same family of work).
const CLOSE_DISCIPLINES: readonly (readonly string[])[] = [
  ['documentary', 'photojournalism', 'book'],
  ['fine_art', 'experimental', 'book'],
  ['portrait', 'fashion'],
  ['landscape', 'architecture'],
];

const WEIGHTS = { sameDiscipline: 3, closeDiscipline: 1.5, anyDiscipline: 1, sameTarget: 2, deadline: 2, wait: 2, priority: 3 } as const;
const DEADLINE_HORIZON_DAYS = 60;

export function disciplineScore(a: readonly string[], b: readonly string[]): number {
  if (a.some((discipline) => b.includes(discipline) && discipline !== 'any')) return WEIGHTS.sameDiscipline;
  if (a.some((x) => b.some((y) => x !== y && CLOSE_DISCIPLINES.some((family) => family.includes(x) && family.includes(y))))) return WEIGHTS.closeDiscipline;
  if (a.includes('any') || b.includes('any') || a.length === 0 || b.length === 0) return WEIGHTS.anyDiscipline;
  return 0;
}

export const pairKey = (userA: number, userB: number) => (userA < userB ? `${userA}:${userB}` : `${userB}:${userA}`);

interface Prepared extends WaitingRequest {
  waitedDays: number;
  relaxed: boolean;
  /** The part of the score that depends on this request alone, as a partner. */
  base: number;
  deadlinePart: number;
  waitPart: number;
  priorityPart: number;
}

function prepare(request: WaitingRequest, now: Date, today: IsoDate): Prepared {
  const waitedDays = (now.getTime() - request.waitingSince.getTime()) / 86_400_000;
  const daysLeft = request.deadline ? daysBetween(today, request.deadline) : null;
  const deadlinePart = daysLeft === null || daysLeft < 0 ? 0 : Math.max(0, WEIGHTS.deadline * (1 - daysLeft / DEADLINE_HORIZON_DAYS));
  const waitPart = Math.min(WEIGHTS.wait, Math.max(0, waitedDays) / 7);
  const priorityPart = request.priority ? WEIGHTS.priority : 0;
  return { ...request, waitedDays, relaxed: waitedDays >= RELAX_AFTER_DAYS, base: deadlinePart + waitPart + priorityPart, deadlinePart, waitPart, priorityPart };
}

/** Who is served first: back in the queue, then the closest deadline, then the longest wait. */
function serviceOrder(a: Prepared, b: Prepared): number {
  if (a.priority !== b.priority) return a.priority ? -1 : 1;
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return a.waitingSince.getTime() - b.waitingSince.getTime() || a.id - b.id;
}

/** Within a bucket, candidates in this order: the first one still free is the bucket's best. */
const byBase = (a: Prepared, b: Prepared) => b.base - a.base || a.waitingSince.getTime() - b.waitingSince.getTime() || a.id - b.id;

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Candidates grouped by (language, target kind, one of their practices, relaxed or not). For a
 * request, the pair-dependent part of the score is the same for a whole bucket (a candidate's
 * discipline score is the best over her practices, i.e. over the buckets she is in), so the
 * best partner is the best of each bucket's first free candidate: no scan of the whole queue.
 */
class Buckets {
  private readonly lists = new Map<string, { items: Prepared[]; next: number }>();
  readonly keys: { language: string; target: string | null; discipline: string; relaxed: boolean; key: string }[] = [];

  constructor(requests: readonly Prepared[]) {
    for (const request of requests) {
      for (const language of new Set(request.languages)) {
        for (const discipline of new Set(request.disciplines.length ? request.disciplines : ['any'])) {
          const key = `${language}|${request.targetKind ?? ''}|${discipline}|${request.relaxed ? 1 : 0}`;
          let list = this.lists.get(key);
          if (!list) {
            list = { items: [], next: 0 };
            this.lists.set(key, list);
            this.keys.push({ language, target: request.targetKind, discipline, relaxed: request.relaxed, key });
          }
          list.items.push(request);
        }
      }
    }
    for (const list of this.lists.values()) list.items.sort(byBase);
  }

  /** The bucket's first candidate that is free and allowed for this request. */
  first(key: string, taken: Set<number>, allowed: (candidate: Prepared) => boolean): Prepared | null {
    const list = this.lists.get(key)!;
    while (list.next < list.items.length && taken.has(list.items[list.next]!.id)) list.next += 1;
    for (let position = list.next; position < list.items.length; position += 1) {
      const candidate = list.items[position]!;
      if (!taken.has(candidate.id) && allowed(candidate)) return candidate;
    }
    return null;
  }
}

export function matchRequests(input: { waiting: readonly WaitingRequest[]; pastPairs: Iterable<string>; now: Date }): Match[] {
  const today = parisDate(input.now);
  const past = new Set(input.pastPairs);
  const dossiers = input.waiting.filter((request) => request.kind === 'dossier').map((request) => prepare(request, input.now, today));
  const volunteers = input.waiting.filter((request) => request.kind === 'volunteer').map((request) => prepare(request, input.now, today));
  const taken = new Set<number>();
  const dossierBuckets = new Buckets(dossiers);
  const volunteerBuckets = new Buckets(volunteers);

  function bestAmong(request: Prepared, buckets: Buckets, strict: boolean): { partner: Prepared; discipline: number; target: number; total: number } | null {
    const allowed = (candidate: Prepared) => candidate.userId !== request.userId && candidate.id !== request.id && !past.has(pairKey(request.userId, candidate.userId));
    const languages = new Set(request.languages);
    let best: { partner: Prepared; discipline: number; target: number; total: number } | null = null;
    for (const bucket of buckets.keys) {
      if (!languages.has(bucket.language)) continue;
      const discipline = disciplineScore(request.disciplines, [bucket.discipline]);
      // Before relaxing, both must share a practice (or a close one, or one takes any).
      if (strict && discipline === 0 && !bucket.relaxed) continue;
      const target = request.targetKind && request.targetKind === bucket.target ? WEIGHTS.sameTarget : 0;
      if (best && best.partner && discipline + target + 7 < best.total) continue;
      const candidate = buckets.first(bucket.key, taken, allowed);
      if (!candidate) continue;
      const total = candidate.base + discipline + target;
      const better = !best || total > best.total
        || (total === best.total && (candidate.waitingSince.getTime() - best.partner.waitingSince.getTime() || candidate.id - best.partner.id) < 0);
      if (better) best = { partner: candidate, discipline, target, total };
    }
    return best;
  }

  const matches: Match[] = [];
  for (const request of [...dossiers].sort(serviceOrder)) {
    if (taken.has(request.id)) continue;
    let found = bestAmong(request, dossierBuckets, !request.relaxed);
    let volunteer = false;
    // Volunteers step in only for someone who has waited long enough and has no member partner.
    if (!found && request.relaxed) {
      found = bestAmong(request, volunteerBuckets, false);
      volunteer = found !== null;
    }
    if (!found) continue;
    const partner = found.partner;
    taken.add(request.id);
    taken.add(partner.id);
    past.add(pairKey(request.userId, partner.userId));
    matches.push({
      a: request.id,
      b: partner.id,
      score: {
        discipline: found.discipline, target: found.target, deadline: round(Math.max(request.deadlinePart, partner.deadlinePart)),
        wait: round(Math.max(request.waitPart, partner.waitPart)), priority: Math.max(request.priorityPart, partner.priorityPart),
        relaxed: request.relaxed || partner.relaxed, volunteer, total: round(found.total),
      },
    });
  }
  return matches;
}
