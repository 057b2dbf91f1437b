import type { OrganizationType, ParityMetric } from '../../db/schema/index.ts';
import { type Count, PARITY_LEVELS, type ParityLevel, parityLevel, shareOfWomen, sumCounts } from './parity-rule.ts';
import type { TypeYearTotal } from './parity.queries.ts';
import { HEADLINE_METRIC } from './parity.vocabulary.ts';

/**
 * The national views of the key-figures page, computed from the published figures (never
 * typed in): by type of organisation, the prizes since 1989, the organisations by level.
 */

export interface KeyFigures {
  /** Non-prize organisations: each type, metric and year summed. */
  byType: TypeYearTotal[];
  /** Each type's headline metric in its latest year (the chart). */
  headlineByType: (TypeYearTotal & { share: number | null })[];
  prizes: {
    byYear: (Count & { year: number; prizes: number })[];
    byPeriod: (Count & { label: string })[];
    firstYear: number | null;
    lastYear: number | null;
    overall: Count | null;
  };
  levels: { level: ParityLevel; organizations: number }[];
  levelTotal: number;
  /** Share of women among artists exhibited by festivals, latest year (a sector fact computed here). */
  festivalsExhibited: (Count & { year: number; organizations: number }) | null;
}

const PERIODS: readonly { label: string; from: number; to: number }[] = [
  { label: '1989-1999', from: 1989, to: 1999 },
  { label: '2000-2009', from: 2000, to: 2009 },
  { label: '2010-2019', from: 2010, to: 2019 },
  { label: '2020 et après', from: 2020, to: 2100 },
];

export function computeKeyFigures(totals: readonly TypeYearTotal[], headlines: readonly (Count & { type: OrganizationType })[]): KeyFigures {
  const byType = totals.filter((row) => row.type !== 'prize');
  const headlineByType = [...new Set(byType.map((row) => row.type))].flatMap((type) => {
    const rows = byType.filter((row) => row.type === type && row.metric === HEADLINE_METRIC[type]);
    const latest = rows.reduce<TypeYearTotal | null>((best, row) => (best === null || row.year > best.year ? row : best), null);
    return latest ? [{ ...latest, share: shareOfWomen(latest) }] : [];
  });

  const laureates = totals.filter((row) => row.type === 'prize' && row.metric === ('laureates' satisfies ParityMetric));
  const byYear = laureates.map((row) => ({ year: row.year, women: row.women, total: row.total, prizes: row.organizations })).sort((a, b) => a.year - b.year);
  const byPeriod = PERIODS.flatMap((period) => {
    const sum = sumCounts(byYear.filter((row) => row.year >= period.from && row.year <= period.to));
    return sum ? [{ label: period.label, ...sum }] : [];
  });

  const levels = PARITY_LEVELS.map((level) => ({ level, organizations: headlines.filter((figure) => parityLevel(figure) === level).length }));

  const festivals = byType.filter((row) => row.type === 'festival' && row.metric === 'exhibited_artists');
  const festivalsLatest = festivals.reduce<TypeYearTotal | null>((best, row) => (best === null || row.year > best.year ? row : best), null);

  return {
    byType,
    headlineByType,
    prizes: { byYear, byPeriod, firstYear: byYear[0]?.year ?? null, lastYear: byYear[byYear.length - 1]?.year ?? null, overall: sumCounts(byYear) },
    levels,
    levelTotal: headlines.length,
    festivalsExhibited: festivalsLatest ? { year: festivalsLatest.year, women: festivalsLatest.women, total: festivalsLatest.total, organizations: festivalsLatest.organizations } : null,
  };
}
