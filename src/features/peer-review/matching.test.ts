import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type WaitingRequest, disciplineScore, matchRequests, pairKey } from './matching.ts';

const NOW = new Date('2027-03-02T10:00:00+01:00');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

let sequence = 0;
function request(overrides: Partial<WaitingRequest> = {}): WaitingRequest {
  sequence += 1;
  return {
    id: sequence, userId: 1000 + sequence, kind: 'dossier', disciplines: ['documentary'], languages: ['fr'], targetKind: 'prize', deadline: null,
    waitingSince: daysAgo(1), priority: false, ...overrides,
  };
}

const LANGUAGES = ['fr', 'en', 'es', 'de'];
const DISCIPLINES = ['any', 'documentary', 'photojournalism', 'fine_art', 'experimental', 'portrait', 'landscape', 'architecture', 'fashion', 'book'];

const populationArbitrary = fc.array(
  fc.record({
    userId: fc.integer({ min: 1, max: 40 }),
    volunteer: fc.boolean(),
    disciplines: fc.subarray(DISCIPLINES, { minLength: 1, maxLength: 3 }),
    languages: fc.subarray(LANGUAGES, { minLength: 1, maxLength: 2 }),
    targetKind: fc.constantFrom('prize', 'grant', 'residency', null),
    deadlineIn: fc.option(fc.integer({ min: -5, max: 120 })),
    waitedDays: fc.integer({ min: 0, max: 20 }),
    priority: fc.boolean(),
  }),
  { maxLength: 60 },
).map((rows) => rows.map((row, index): WaitingRequest => ({
  id: index + 1, userId: row.userId, kind: row.volunteer ? 'volunteer' : 'dossier', disciplines: row.disciplines, languages: row.languages, targetKind: row.targetKind,
  deadline: row.deadlineIn === null ? null : new Date(NOW.getTime() + row.deadlineIn * 86_400_000).toISOString().slice(0, 10), waitingSince: daysAgo(row.waitedDays), priority: row.priority,
})));

const pastArbitrary = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })), { maxLength: 30 }).map((pairs) => pairs.map(([a, b]) => pairKey(a, b)));

/** The engine's rules written the slow, obvious way (every candidate scored): the reference. */
function referenceMatch(waiting: readonly WaitingRequest[], pastPairs: readonly string[]) {
  const past = new Set(pastPairs);
  const waited = (item: WaitingRequest) => (NOW.getTime() - item.waitingSince.getTime()) / 86_400_000;
  const base = (item: WaitingRequest) => {
    const daysLeft = item.deadline ? Math.round((Date.parse(item.deadline) - Date.parse(NOW.toISOString().slice(0, 10))) / 86_400_000) : null;
    return (daysLeft === null || daysLeft < 0 ? 0 : Math.max(0, 2 * (1 - daysLeft / 60))) + Math.min(2, Math.max(0, waited(item)) / 7) + (item.priority ? 3 : 0);
  };
  const order = [...waiting].filter((item) => item.kind === 'dossier').sort((a, b) =>
    (a.priority === b.priority ? 0 : a.priority ? -1 : 1) || (a.deadline === b.deadline ? 0 : a.deadline === null ? 1 : b.deadline === null ? -1 : a.deadline < b.deadline ? -1 : 1)
    || a.waitingSince.getTime() - b.waitingSince.getTime() || a.id - b.id);
  const taken = new Set<number>();
  const result: [number, number][] = [];
  for (const item of order) {
    if (taken.has(item.id)) continue;
    const pick = (kind: 'dossier' | 'volunteer', strict: boolean) => {
      let best: { candidate: WaitingRequest; total: number } | null = null;
      for (const candidate of waiting) {
        if (candidate.kind !== kind || candidate.id === item.id || taken.has(candidate.id) || candidate.userId === item.userId || past.has(pairKey(item.userId, candidate.userId))) continue;
        if (!item.languages.some((language) => candidate.languages.includes(language))) continue;
        const discipline = disciplineScore(item.disciplines, candidate.disciplines);
        if (strict && discipline === 0 && waited(candidate) < 5) continue;
        const total = base(candidate) + discipline + (item.targetKind && item.targetKind === candidate.targetKind ? 2 : 0);
        if (!best || total > best.total || (total === best.total && (candidate.waitingSince.getTime() - best.candidate.waitingSince.getTime() || candidate.id - best.candidate.id) < 0)) best = { candidate, total };
      }
      return best?.candidate ?? null;
    };
    const partner = pick('dossier', waited(item) < 5) ?? (waited(item) >= 5 ? pick('volunteer', false) : null);
    if (!partner) continue;
    taken.add(item.id).add(partner.id);
    past.add(pairKey(item.userId, partner.userId));
    result.push([item.id, partner.id]);
  }
  return result;
}

describe('the matching engine', () => {
  it('chooses exactly what scoring every candidate would (property, against a slow reference)', () => {
    fc.assert(fc.property(populationArbitrary, pastArbitrary, (waiting, past) => {
      expect(matchRequests({ waiting, pastPairs: past, now: NOW }).map((match) => [match.a, match.b])).toEqual(referenceMatch(waiting, past));
    }), { numRuns: 300 });
  });

  it('never breaks a hard rule, whatever the population (property)', () => {
    fc.assert(fc.property(populationArbitrary, pastArbitrary, (waiting, past) => {
      const byId = new Map(waiting.map((item) => [item.id, item]));
      const matches = matchRequests({ waiting, pastPairs: past, now: NOW });
      const used = new Set<number>();
      const pairs = new Set<string>();
      for (const match of matches) {
        const a = byId.get(match.a)!;
        const b = byId.get(match.b)!;
        expect(a.kind).toBe('dossier');
        expect(a.userId).not.toBe(b.userId);
        expect(a.languages.some((language) => b.languages.includes(language))).toBe(true);
        expect(past).not.toContain(pairKey(a.userId, b.userId));
        expect(pairs.has(pairKey(a.userId, b.userId))).toBe(false);
        pairs.add(pairKey(a.userId, b.userId));
        expect(used.has(a.id) || used.has(b.id)).toBe(false);
        used.add(a.id).add(b.id);
        // A volunteer only for someone who waited five days or more.
        if (b.kind === 'volunteer') expect((NOW.getTime() - a.waitingSince.getTime()) / 86_400_000).toBeGreaterThanOrEqual(5);
        // Before relaxing, a shared or close practice.
        const relaxed = [a, b].some((item) => (NOW.getTime() - item.waitingSince.getTime()) / 86_400_000 >= 5);
        if (!relaxed) expect(disciplineScore(a.disciplines, b.disciplines)).toBeGreaterThan(0);
      }
    }), { numRuns: 300 });
  });

  it('is deterministic: the same input gives the same pairs, whatever the input order', () => {
    fc.assert(fc.property(populationArbitrary, (waiting) => {
      const first = matchRequests({ waiting, pastPairs: [], now: NOW });
      const second = matchRequests({ waiting: [...waiting].reverse(), pastPairs: [], now: NOW });
      expect(second).toEqual(first);
    }), { numRuns: 100 });
  });

  it('prefers the same practice, then a close one, then the same kind of call', () => {
    const asker = request({ disciplines: ['documentary'], targetKind: 'residency' });
    const other = request({ disciplines: ['fashion'], targetKind: 'residency' });
    const close = request({ disciplines: ['photojournalism'], targetKind: 'grant' });
    const same = request({ disciplines: ['documentary'], targetKind: 'grant' });
    const sameBoth = request({ disciplines: ['documentary'], targetKind: 'residency' });
    const run = (waiting: WaitingRequest[]) => matchRequests({ waiting, pastPairs: [], now: NOW }).find((match) => match.a === asker.id || match.b === asker.id);
    expect(run([asker, other, close])).toMatchObject({ b: close.id });
    expect(run([asker, other, close, same])).toMatchObject({ b: same.id });
    expect(run([asker, close, same, sameBoth])).toMatchObject({ b: sameBoth.id, score: { discipline: 3, target: 2 } });
    // Different practices are not paired before five days of waiting.
    expect(run([asker, other])).toBeUndefined();
  });

  it('serves the closest deadline first, then the longest wait, then those sent back to the queue', () => {
    const partner = request({ waitingSince: daysAgo(0) });
    const late = request({ deadline: '2027-06-30', waitingSince: daysAgo(4) });
    const soon = request({ deadline: '2027-03-20', waitingSince: daysAgo(0) });
    expect(matchRequests({ waiting: [partner, late, soon], pastPairs: [], now: NOW })[0]).toMatchObject({ a: soon.id });
    const patient = request({ waitingSince: daysAgo(4) });
    const recent = request({ waitingSince: daysAgo(1) });
    expect(matchRequests({ waiting: [recent, patient, partner], pastPairs: [], now: NOW })[0]).toMatchObject({ a: patient.id });
    const requeued = request({ waitingSince: daysAgo(0), priority: true });
    expect(matchRequests({ waiting: [patient, soon, requeued], pastPairs: [], now: NOW })[0]).toMatchObject({ a: requeued.id, score: { priority: 3 } });
  });

  it('relaxes the practice after five days, and calls volunteers only when no member is available', () => {
    const waitingLong = request({ disciplines: ['fashion'], waitingSince: daysAgo(6) });
    const otherPractice = request({ disciplines: ['landscape'], waitingSince: daysAgo(0) });
    const volunteer = request({ kind: 'volunteer', disciplines: ['fashion'] });
    expect(matchRequests({ waiting: [waitingLong, otherPractice, volunteer], pastPairs: [], now: NOW })).toEqual([
      expect.objectContaining({ a: waitingLong.id, b: otherPractice.id, score: expect.objectContaining({ relaxed: true, volunteer: false }) }),
    ]);
    expect(matchRequests({ waiting: [waitingLong, volunteer], pastPairs: [], now: NOW })).toEqual([
      expect.objectContaining({ a: waitingLong.id, b: volunteer.id, score: expect.objectContaining({ volunteer: true }) }),
    ]);
    const recent = request({ disciplines: ['fashion'], waitingSince: daysAgo(2) });
    expect(matchRequests({ waiting: [recent, volunteer], pastPairs: [], now: NOW })).toEqual([]);
  });

  it('never pairs the same two people twice, nor someone with herself', () => {
    const a = request({ userId: 1 });
    const b = request({ userId: 2 });
    const alsoA = request({ userId: 1 });
    expect(matchRequests({ waiting: [a, b], pastPairs: [pairKey(2, 1)], now: NOW })).toEqual([]);
    expect(matchRequests({ waiting: [a, alsoA], pastPairs: [], now: NOW })).toEqual([]);
    expect(matchRequests({ waiting: [a, b], pastPairs: [], now: NOW })).toHaveLength(1);
  });

  it('needs a common language', () => {
    expect(matchRequests({ waiting: [request({ languages: ['fr'] }), request({ languages: ['en'] })], pastPairs: [], now: NOW })).toEqual([]);
    expect(matchRequests({ waiting: [request({ languages: ['fr', 'es'] }), request({ languages: ['es'] })], pastPairs: [], now: NOW })).toHaveLength(1);
  });

  it('matches 10,000 waiting requests in under 2 seconds', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T,>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
    const waiting: WaitingRequest[] = Array.from({ length: 10_000 }, (_, index) => ({
      id: index + 1, userId: index + 1, kind: random() < 0.1 ? 'volunteer' : 'dossier', disciplines: [pick(DISCIPLINES), pick(DISCIPLINES)],
      languages: random() < 0.8 ? ['fr'] : ['fr', pick(LANGUAGES)], targetKind: pick(['prize', 'grant', 'residency', 'call_for_applications']),
      deadline: random() < 0.6 ? new Date(NOW.getTime() + Math.floor(random() * 90) * 86_400_000).toISOString().slice(0, 10) : null,
      waitingSince: daysAgo(random() * 10), priority: random() < 0.02,
    }));
    const past = Array.from({ length: 5_000 }, () => pairKey(1 + Math.floor(random() * 10_000), 1 + Math.floor(random() * 10_000)));
    const started = performance.now();
    const matches = matchRequests({ waiting, pastPairs: past, now: NOW });
    const elapsed = performance.now() - started;
    console.info(`appariement : 10 000 demandes, ${matches.length} paires en ${elapsed.toFixed(0)} ms`);
    expect(matches.length).toBeGreaterThan(4_000);
    expect(elapsed).toBeLessThan(2_000);
  });
});
