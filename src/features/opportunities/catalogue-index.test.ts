import { describe, expect, it } from 'vitest';
import { type CatalogueEntry, dateEntries, foldText, searchIndex, significantWords, similarEntries } from './catalogue-index.ts';
import { parseOpportunitySearch } from './search.schema.ts';

const TODAY = '2027-03-02';

function entry(id: number, fields: Partial<CatalogueEntry> = {}): CatalogueEntry {
  const title = fields.title ?? `Aide ${id}`;
  return {
    id, slug: `aide-${id}`, title, titleKey: foldText(title), words: significantWords(title), kind: 'grant', disciplines: ['any'], geographicScope: 'france', region: null, eligibilityRegion: null,
    careerStages: ['any'], reservedToWomen: false, entryFeeEur: null, ageMin: null, ageMax: null, amountEur: null, publishedAt: id,
    isPermanent: false, recurrence: 'annual', typicalOpenMonth: null, typicalDeadlineMonth: null,
    windows: [{ opensOn: '2027-01-01', closesOn: '2027-06-30', isEstimated: false }],
    ...fields,
  };
}

const ENTRIES = dateEntries(
  [
    entry(1, { kind: 'prize', disciplines: ['portrait'], amountEur: 5000, windows: [{ opensOn: '2027-01-01', closesOn: '2027-03-10', isEstimated: false }] }),
    entry(2, { kind: 'prize', disciplines: ['any', 'fashion'], reservedToWomen: true, amountEur: 12000 }),
    entry(3, { kind: 'residency', disciplines: ['documentary'], region: 'Bretagne', careerStages: ['emerging'], entryFeeEur: 0, ageMax: 30 }),
    entry(4, { kind: 'residency', disciplines: ['landscape'], eligibilityRegion: 'Bretagne', geographicScope: 'region', windows: [{ opensOn: '2027-04-01', closesOn: '2027-05-01', isEstimated: true }] }),
    entry(5, { kind: 'grant', recurrence: 'one_off', windows: [{ opensOn: null, closesOn: '2026-12-01', isEstimated: false }] }),
    entry(6, { kind: 'commission', isPermanent: true, ageMin: 25, windows: [] }),
  ],
  TODAY,
);

const run = (query: Record<string, string | string[]>, ranks: Map<number, number> | null = null) => searchIndex(ENTRIES, parseOpportunitySearch(query), ranks);

describe('searchIndex', () => {
  it('hides closed opportunities unless asked, and counts them', () => {
    const result = run({});
    expect(result.ids).toEqual([1, 4, 2, 3, 6]);
    expect(result.total).toBe(5);
    expect(result.closedMatching).toBe(1);
    expect(run({ statut: 'cloturee' }).ids).toEqual([5]);
  });

  it('counts each facet with the other filters only, so counts predict results', () => {
    const result = run({ type: 'prix', reservee: '1' });
    expect(result.ids).toEqual([2]);
    // Kind counts ignore the kind filter but keep "reserved": only entry 2 is reserved.
    expect(result.facets.kind).toEqual({ prize: 1 });
    // Reserved count ignores the reserved filter but keeps the kind: both prizes.
    expect(result.facets.reservedToWomen).toBe(1);
    const kindsOnly = run({ type: 'prix' });
    expect(kindsOnly.facets.reservedToWomen).toBe(1);
    expect(kindsOnly.facets.kind).toEqual({ prize: 2, residency: 2, commission: 1 });
  });

  it('treats "any" as every discipline and every career stage', () => {
    expect(run({ discipline: 'mode' }).ids).toEqual([2, 6]);
    expect(run({ discipline: 'documentaire' }).ids).toEqual([2, 3, 6]);
    expect(run({}).facets.discipline.documentary).toBe(3);
    expect(run({ parcours: 'confirmee' }).ids).toEqual([1, 4, 2, 6]);
  });

  it('matches a region where the opportunity takes place or whom it is reserved to', () => {
    expect(run({ region: 'Bretagne' }).ids).toEqual([4, 3]);
    expect(run({}).facets.region).toEqual({ Bretagne: 2 });
  });

  it('applies age, amount and free-application filters', () => {
    expect(run({ age: '35' }).ids).toEqual([1, 4, 2, 6]);
    expect(run({ age: '20' }).ids).toEqual([1, 4, 2, 3]);
    expect(run({ montant_min: '6000' }).ids).toEqual([2]);
    expect(run({ gratuite: '1' }).ids).toEqual([3]);
  });

  it('counts statuses with every other filter applied', () => {
    expect(run({ type: 'residence' }).facets.status).toEqual({ open: 1, upcoming: 1 });
    expect(run({}).facets.status).toEqual({ closing_soon: 1, open: 2, upcoming: 1, permanent: 1, closed: 1 });
  });

  it('keeps only full-text matches and orders them by relevance', () => {
    const ranks = new Map([[3, 0.2], [2, 0.9], [5, 0.5]]);
    expect(run({ q: 'x' }, ranks).ids).toEqual([2, 3]);
    expect(run({ q: 'x', statut: ['ouverte', 'cloturee'] }, ranks).ids).toEqual([2, 5, 3]);
  });

  it('sorts by newest and by amount', () => {
    expect(run({ tri: 'recent' }).ids).toEqual([6, 4, 3, 2, 1]);
    expect(run({ tri: 'montant' }).ids.slice(0, 2)).toEqual([2, 1]);
  });
});

describe('similarEntries', () => {
  it('prefers the same kind and shared disciplines, then shared words, and skips closed ones', () => {
    const target = entry(10, { kind: 'residency', disciplines: ['documentary'], title: 'Résidence documentaire en Bretagne', words: significantWords('Résidence documentaire en Bretagne') });
    const dated = dateEntries([
      target,
      entry(11, { kind: 'residency', disciplines: ['landscape'], title: 'Résidence paysage', words: significantWords('Résidence paysage') }),
      entry(12, { kind: 'residency', disciplines: ['documentary'], title: 'Résidence documentaire', words: significantWords('Résidence documentaire') }),
      entry(13, { kind: 'prize', disciplines: ['portrait'], title: 'Prix documentaire Bretagne', words: significantWords('Prix documentaire Bretagne') }),
      entry(14, { kind: 'residency', disciplines: ['documentary'], recurrence: 'one_off', windows: [{ opensOn: null, closesOn: '2026-01-01', isEstimated: false }] }),
    ], TODAY);
    expect(similarEntries(dated, target, 3)).toEqual([12, 11]);
  });
});
