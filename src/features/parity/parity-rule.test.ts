import { describe, expect, it } from 'vitest';
import { assessParity, checkCount, parityLevel, shareOfWomen, sumCounts } from './parity-rule.ts';

describe('the parity rule', () => {
  it.each([
    [1, 3, 33],
    [2, 3, 67], // rounded, not truncated (66.67)
    [1, 8, 13], // 12.5 rounds half up
    [5, 8, 63], // 62.5
    [199, 400, 50], // 49.75
    [79, 200, 40], // 39.5 rounds up to the "en progrès" threshold
    [0, 5, 0],
    [7, 7, 100],
  ])('%i women out of %i is %i %%', (women, total, share) => {
    expect(shareOfWomen({ women, total })).toBe(share);
  });

  it('places shares on the levels, from the rounded share', () => {
    expect(parityLevel({ women: 1, total: 2 })).toBe('parity');
    expect(parityLevel({ women: 199, total: 400 })).toBe('parity'); // 49.75 -> 50 %
    expect(parityLevel({ women: 49, total: 100 })).toBe('progress');
    expect(parityLevel({ women: 40, total: 100 })).toBe('progress');
    expect(parityLevel({ women: 39, total: 100 })).toBe('imbalance');
    expect(parityLevel({ women: 0, total: 12 })).toBe('imbalance');
  });

  it('treats zero women as a real figure and a zero or missing total as not computable', () => {
    expect(assessParity({ women: 0, total: 4 })).toEqual({ share: 0, level: 'imbalance', label: 'Déséquilibre', shareText: '0 %' });
    expect(assessParity({ women: 0, total: 0 })).toEqual({ share: null, level: 'not_computable', label: 'Non calculable', shareText: 'non calculable' });
    expect(assessParity(null)).toMatchObject({ share: null, level: 'not_computable' });
    expect(assessParity(undefined)).toMatchObject({ level: 'not_computable' });
  });

  it('rejects more women than the total, negative and fractional counts', () => {
    expect(checkCount(5, 4)).toEqual({ ok: false, message: 'Le nombre de femmes (5) dépasse l’effectif total (4).' });
    expect(checkCount(-1, 4).ok).toBe(false);
    expect(checkCount(1.5, 4).ok).toBe(false);
    expect(checkCount(4, 4)).toEqual({ ok: true, count: { women: 4, total: 4 } });
    expect(() => shareOfWomen({ women: 5, total: 4 })).toThrow(RangeError);
  });

  it('sums counts for national views, and has nothing to sum when nothing was counted', () => {
    expect(sumCounts([{ women: 1, total: 3 }, { women: 2, total: 2 }])).toEqual({ women: 3, total: 5 });
    expect(sumCounts([])).toBeNull();
  });
});

describe('the summary sentence of a chart', () => {
  it('says where the series starts and ends, and the share over the period', async () => {
    const { summarizeSeries } = await import('./parity-summary.ts');
    expect(summarizeSeries('laureates', [{ year: 1990, women: 0, total: 1 }, { year: 1991, women: 0, total: 0 }, { year: 2022, women: 1, total: 1 }]))
      .toBe('De 1990 à 2022, la part de femmes parmi les lauréat·es passe de 0 % à 100 % ; sur ces 2 années, 1 femme sur 2, soit 50 %.');
    expect(summarizeSeries('exhibited_artists', [{ year: 2022, women: 28, total: 94 }])).toBe('En 2022, les femmes représentent 30 % des artistes exposé·es (28 sur 94).');
    expect(summarizeSeries('picture_editors', [{ year: 2022, women: 0, total: 0 }])).toMatch(/^Aucune part de femmes n’est calculable parmi les iconographes/);
  });
});
