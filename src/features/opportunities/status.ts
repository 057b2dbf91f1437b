import { type IsoDate, daysBetween } from '../../platform/dates.ts';
import type { Recurrence } from './opportunity.vocabulary.ts';

/**
 * The one rule that says where an opportunity stands on a given Paris day. The catalogue's SQL
 * (status.sql.ts) encodes the same rule for filtering and sorting; a test checks they agree.
 */
export const CATALOGUE_STATUSES = ['open', 'closing_soon', 'upcoming', 'permanent', 'to_confirm', 'closed'] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

/** Open and closing within this many days (the closing day included) = "closing soon". */
export const CLOSING_SOON_DAYS = 14;

/** What the catalogue shows when the visitor has not chosen a status: everything but closed. */
export const DEFAULT_VISIBLE_STATUSES: readonly CatalogueStatus[] = ['open', 'closing_soon', 'upcoming', 'permanent', 'to_confirm'];

export const STATUS_LABELS: Record<CatalogueStatus, string> = {
  open: 'Ouverte',
  closing_soon: 'Clôture proche',
  upcoming: 'À venir',
  permanent: 'Permanente',
  to_confirm: 'Dates à confirmer',
  closed: 'Clôturée',
};

export interface ApplicationWindow {
  /** null: open until the closing date. */
  opensOn: IsoDate | null;
  /** Last day to apply, included (Paris time). */
  closesOn: IsoDate;
  isEstimated: boolean;
}

export interface StatusInput {
  isPermanent: boolean;
  recurrence: Recurrence;
  typicalOpenMonth: number | null;
  typicalDeadlineMonth: number | null;
  windows: readonly ApplicationWindow[];
}

export type StatusResult =
  | { status: 'permanent' }
  | { status: 'open' | 'closing_soon'; closesOn: IsoDate; daysLeft: number; isEstimated: boolean }
  | { status: 'upcoming'; opensOn: IsoDate; closesOn: IsoDate; isEstimated: boolean }
  | { status: 'to_confirm' }
  | { status: 'closed'; lastClosedOn: IsoDate | null; nextEditionMonth: number | null };

export function isRecurring(recurrence: Recurrence): boolean {
  return recurrence === 'annual' || recurrence === 'biennial';
}

export function computeStatus(input: StatusInput, today: IsoDate): StatusResult {
  if (input.isPermanent || input.recurrence === 'permanent') return { status: 'permanent' };

  // A window is current from its opening day (or always, if none) through its closing day.
  const current = input.windows
    .filter((window) => (window.opensOn === null || window.opensOn <= today) && today <= window.closesOn)
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn))[0];
  if (current) {
    const daysLeft = daysBetween(today, current.closesOn);
    return {
      status: daysLeft <= CLOSING_SOON_DAYS ? 'closing_soon' : 'open',
      closesOn: current.closesOn,
      daysLeft,
      isEstimated: current.isEstimated,
    };
  }

  const next = input.windows
    .filter((window): window is ApplicationWindow & { opensOn: IsoDate } => window.opensOn !== null && window.opensOn > today)
    .sort((a, b) => a.opensOn.localeCompare(b.opensOn))[0];
  if (next) return { status: 'upcoming', opensOn: next.opensOn, closesOn: next.closesOn, isEstimated: next.isEstimated };

  // A recurring call with no known date at all is not over: its dates are simply not known yet.
  if (input.windows.length === 0 && isRecurring(input.recurrence)) return { status: 'to_confirm' };

  const lastClosedOn = input.windows.map((window) => window.closesOn).sort().at(-1) ?? null;
  const nextEditionMonth = isRecurring(input.recurrence) ? (input.typicalOpenMonth ?? input.typicalDeadlineMonth) : null;
  return { status: 'closed', lastClosedOn, nextEditionMonth };
}
