/**
 * The parity rule, in one place: how a share of women is computed, rounded and judged. Every
 * page, chart, badge and export asks this module; none computes a share on its own.
 */

export const PARITY_LEVELS = ['parity', 'progress', 'imbalance', 'not_computable'] as const;
export type ParityLevel = (typeof PARITY_LEVELS)[number];

/** Thresholds in whole percent, applied to the rounded share. */
export const PARITY_THRESHOLD = 50;
export const PROGRESS_THRESHOLD = 40;

export const PARITY_LEVEL_LABELS: Record<ParityLevel, string> = {
  parity: 'Parité atteinte',
  progress: 'En progrès',
  imbalance: 'Déséquilibre',
  not_computable: 'Non calculable',
};

export const PARITY_LEVEL_EXPLANATIONS: Record<ParityLevel, string> = {
  parity: `au moins ${PARITY_THRESHOLD} % de femmes`,
  progress: `de ${PROGRESS_THRESHOLD} à ${PARITY_THRESHOLD - 1} % de femmes`,
  imbalance: `moins de ${PROGRESS_THRESHOLD} % de femmes`,
  not_computable: 'effectif nul ou non renseigné',
};

export interface Count {
  women: number;
  total: number;
}

export type CountCheck = { ok: true; count: Count } | { ok: false; message: string };

/** Validates a pair of counts as typed or imported: whole numbers, women never above the total. */
export function checkCount(women: number, total: number): CountCheck {
  if (!Number.isInteger(women) || !Number.isInteger(total)) return { ok: false, message: 'Les effectifs sont des nombres entiers.' };
  if (women < 0 || total < 0) return { ok: false, message: 'Les effectifs ne peuvent pas être négatifs.' };
  if (women > total) return { ok: false, message: `Le nombre de femmes (${women}) dépasse l’effectif total (${total}).` };
  return { ok: true, count: { women, total } };
}

/** Share of women in whole percent, rounded half up (2 out of 3 is 67 %, not 66 %); null when it cannot be computed. */
export function shareOfWomen(count: Count | null | undefined): number | null {
  if (!count || count.total <= 0) return null;
  const checked = checkCount(count.women, count.total);
  if (!checked.ok) throw new RangeError(checked.message);
  // Integer arithmetic: no floating-point surprise at exactly .5.
  return Math.floor((200 * count.women + count.total) / (2 * count.total));
}

export function parityLevel(count: Count | null | undefined): ParityLevel {
  const share = shareOfWomen(count);
  if (share === null) return 'not_computable';
  if (share >= PARITY_THRESHOLD) return 'parity';
  if (share >= PROGRESS_THRESHOLD) return 'progress';
  return 'imbalance';
}

export interface ParityAssessment {
  share: number | null;
  level: ParityLevel;
  label: string;
  /** "30 %" or "non calculable". */
  shareText: string;
}

export function assessParity(count: Count | null | undefined): ParityAssessment {
  const share = shareOfWomen(count);
  const level = parityLevel(count);
  return { share, level, label: PARITY_LEVEL_LABELS[level], shareText: share === null ? 'non calculable' : `${share} %` };
}

/** Sums counts (a national view of many organisations); null when nothing was counted. */
export function sumCounts(counts: readonly Count[]): Count | null {
  if (counts.length === 0) return null;
  return counts.reduce((sum, count) => ({ women: sum.women + count.women, total: sum.total + count.total }), { women: 0, total: 0 });
}

/** "28 femmes sur 94" — the counts behind a share, always shown beside it. */
export function describeCount(count: Count): string {
  return `${count.women} ${count.women > 1 ? 'femmes' : 'femme'} sur ${count.total}`;
}
