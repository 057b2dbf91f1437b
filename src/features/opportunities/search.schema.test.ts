import { describe, expect, it } from 'vitest';
import { EMPTY_SEARCH, effectiveSort, parseOpportunitySearch, searchUrl, toQueryString } from './search.schema.ts';

describe('parseOpportunitySearch', () => {
  it('reads every filter from its French query-string name and values', () => {
    const search = parseOpportunitySearch({
      q: '  résidence   photo ',
      type: ['residence', 'prix'],
      discipline: 'documentaire',
      statut: ['ouverte', 'cloture-proche'],
      perimetre: 'france',
      region: 'Occitanie',
      parcours: 'debut-de-carriere',
      reservee: '1',
      gratuite: 'oui',
      age: '27',
      montant_min: '5000',
      tri: 'montant',
      page: '3',
    });
    expect(search).toEqual({
      text: 'résidence photo',
      kinds: ['prize', 'residency'],
      disciplines: ['documentary'],
      statuses: ['open', 'closing_soon'],
      scopes: ['france'],
      region: 'Occitanie',
      careerStages: ['emerging'],
      reservedToWomen: true,
      freeToApply: true,
      age: 27,
      minAmount: 5000,
      sort: 'amount',
      page: 3,
    });
  });

  it('drops unknown and malformed values instead of failing', () => {
    const search = parseOpportunitySearch({
      type: ['prix', 'nimporte', { nested: true }],
      statut: 'fermee',
      region: 'Atlantide',
      age: '-4',
      montant_min: 'beaucoup',
      tri: 'hasard',
      page: '0',
      reservee: 'peut-etre',
      inconnu: 'x',
    });
    expect(search).toEqual({ ...EMPTY_SEARCH, kinds: ['prize'] });
  });

  it('bounds numbers and text length', () => {
    expect(parseOpportunitySearch({ age: '300', page: '100000', montant_min: '1e9' })).toMatchObject({ age: null, page: 1, minAmount: null });
    expect(parseOpportunitySearch({ q: 'a'.repeat(500) }).text).toHaveLength(200);
  });

  it('copes with a missing or odd query object', () => {
    expect(parseOpportunitySearch(undefined)).toEqual(EMPTY_SEARCH);
    expect(parseOpportunitySearch('q=bonjour')).toEqual(EMPTY_SEARCH);
  });

  it('sorts by relevance when searching words, by closing date otherwise', () => {
    expect(effectiveSort(parseOpportunitySearch({ q: 'prix' }))).toBe('relevance');
    expect(effectiveSort(parseOpportunitySearch({}))).toBe('closing');
    expect(parseOpportunitySearch({ tri: 'pertinence' }).sort).toBeNull();
    expect(effectiveSort(parseOpportunitySearch({ q: 'prix', tri: 'recent' }))).toBe('newest');
  });
});

describe('toQueryString and searchUrl', () => {
  it('round-trips a search through its canonical query string', () => {
    const search = parseOpportunitySearch({ q: 'bourse', type: ['bourse'], statut: 'a-venir', region: "Provence-Alpes-Côte d'Azur", age: '30', page: '2' });
    const again = parseOpportunitySearch(Object.fromEntries(new URLSearchParams(toQueryString(search)).entries()));
    expect(again).toEqual(search);
  });

  it('leaves defaults out and goes back to page 1 when criteria change', () => {
    expect(searchUrl(EMPTY_SEARCH)).toBe('/aides');
    const onPage4 = parseOpportunitySearch({ type: 'prix', page: '4' });
    expect(searchUrl(onPage4, { kinds: [] })).toBe('/aides');
    expect(searchUrl(onPage4, { page: 5 })).toBe('/aides?type=prix&page=5');
  });
});
