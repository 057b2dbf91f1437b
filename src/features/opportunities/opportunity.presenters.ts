import { type IsoDate, formatFrenchDate, frenchMonthName } from '../../platform/dates.ts';
import type { OpportunityWithWindows } from './opportunities.queries.ts';
import {
  CAREER_STAGE_LABELS, type CareerStage, type GeographicScope,
} from './opportunity.vocabulary.ts';
import { type StatusResult, STATUS_LABELS, computeStatus } from './status.ts';

// Turns stored values into the French sentences pages show. Pure: tested without a database.

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export function formatEuros(amount: number): string {
  return euros.format(amount);
}

export function statusOf(opportunity: OpportunityWithWindows, today: IsoDate): StatusResult {
  return computeStatus(
    {
      isPermanent: opportunity.isPermanent,
      recurrence: opportunity.recurrence,
      typicalOpenMonth: opportunity.typicalOpenMonth,
      typicalDeadlineMonth: opportunity.typicalDeadlineMonth,
      windows: opportunity.windows,
    },
    today,
  );
}

export type BadgeTone = 'success' | 'warning' | 'info' | 'new' | 'neutral';

export const STATUS_TONES: Record<StatusResult['status'], BadgeTone> = {
  open: 'success',
  closing_soon: 'warning',
  upcoming: 'info',
  permanent: 'new',
  to_confirm: 'neutral',
  closed: 'neutral',
};

export function statusLabel(status: StatusResult): string {
  return STATUS_LABELS[status.status];
}

function daysPhrase(days: number): string {
  if (days === 0) return 'dernier jour aujourd’hui';
  if (days === 1) return 'plus qu’un jour';
  return `plus que ${days} jours`;
}

/** One sentence saying when to apply, e.g. "Candidatures jusqu’au 31 mars 2027 (plus que 5 jours)". */
export function statusSentence(status: StatusResult): string {
  switch (status.status) {
    case 'permanent':
      return 'Candidatures possibles toute l’année.';
    case 'open':
      return `Candidatures ouvertes jusqu’au ${formatFrenchDate(status.closesOn)}.`;
    case 'closing_soon':
      return `Candidatures jusqu’au ${formatFrenchDate(status.closesOn)} : ${daysPhrase(status.daysLeft)}.`;
    case 'upcoming':
      return `Ouverture des candidatures le ${formatFrenchDate(status.opensOn)}, clôture le ${formatFrenchDate(status.closesOn)}.`;
    case 'to_confirm':
      return 'Les dates de la prochaine édition ne sont pas encore connues.';
    case 'closed':
      return status.nextEditionMonth
        ? `Candidatures closes. Prochaine édition attendue vers ${frenchMonthName(status.nextEditionMonth)}.`
        : 'Candidatures closes.';
  }
}

export function isEstimated(status: StatusResult): boolean {
  return 'isEstimated' in status && status.isEstimated;
}

export function amountSentence(opportunity: Pick<OpportunityWithWindows, 'amountEur' | 'amountNote'>): string | null {
  if (opportunity.amountEur !== null) return `Jusqu’à ${formatEuros(opportunity.amountEur)}`;
  return opportunity.amountNote ?? null;
}

export function entryFeeSentence(opportunity: Pick<OpportunityWithWindows, 'entryFeeEur' | 'entryFeeNote'>): string {
  if (opportunity.entryFeeEur === 0) return 'Candidature gratuite';
  if (opportunity.entryFeeEur !== null) return `Frais de candidature : ${formatEuros(opportunity.entryFeeEur)}`;
  return opportunity.entryFeeNote ?? 'Frais de candidature non précisés';
}

export function ageSentence(ageMin: number | null, ageMax: number | null): string | null {
  if (ageMin !== null && ageMax !== null) return `De ${ageMin} à ${ageMax} ans`;
  if (ageMin !== null) return `À partir de ${ageMin} ans`;
  if (ageMax !== null) return `Jusqu’à ${ageMax} ans`;
  return null;
}

export function scopeSentence(scope: GeographicScope, region: string | null): string {
  if (scope === 'region' && region) return `Personnes résidant en région ${region}`;
  if (scope === 'overseas') return region ? `Personnes résidant en ${region}` : 'Personnes résidant en outre-mer';
  if (scope === 'france') return 'Personnes résidant en France';
  if (scope === 'europe') return 'Personnes résidant en Europe';
  return 'Candidatures du monde entier';
}

export function careerStagesSentence(stages: string[]): string {
  if (stages.length === 0 || stages.includes('any')) return 'Tous les parcours';
  return stages.map((stage) => CAREER_STAGE_LABELS[stage as CareerStage] ?? stage).join(', ');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
