import type { ParityMetric } from '../../db/schema/index.ts';
import { type Count, describeCount, shareOfWomen, sumCounts } from './parity-rule.ts';
import { METRIC_IN_SENTENCE } from './parity.vocabulary.ts';

/**
 * The one-sentence summary that goes with every chart: what a reader would take from it,
 * in words (it is also the chart's description for screen readers).
 */
export function summarizeSeries(metric: ParityMetric, series: readonly (Count & { year: number })[]): string {
  const computable = series.filter((point) => shareOfWomen(point) !== null);
  const subject = METRIC_IN_SENTENCE[metric];
  if (computable.length === 0) return `Aucune part de femmes n’est calculable parmi ${subject} : les effectifs sont nuls ou non renseignés.`;
  const first = computable[0]!;
  const last = computable[computable.length - 1]!;
  if (computable.length === 1) {
    return `En ${last.year}, les femmes représentent ${shareOfWomen(last)} % ${subjectOf(subject)} (${last.women} sur ${last.total}).`;
  }
  const all = sumCounts(computable)!;
  return `De ${first.year} à ${last.year}, la part de femmes parmi ${subject} passe de ${shareOfWomen(first)} % à ${shareOfWomen(last)} % ; sur ces ${computable.length} années, ${describeCount(all)}, soit ${shareOfWomen(all)} %.`;
}

/** "les lauréat·es" -> "des lauréat·es", "la direction" -> "de la direction". */
function subjectOf(subject: string): string {
  return subject.startsWith('les ') ? `des ${subject.slice(4)}` : `de ${subject}`;
}
