import { type IsoDate, daysInMonth, makeIsoDate, yearOf } from '../../platform/dates.ts';
import type { Recurrence } from './opportunity.vocabulary.ts';
import type { ApplicationWindow } from './status.ts';

/**
 * When only the typical months of a call are known (seed data, recurring prizes), the next
 * application window is estimated from them. Every derived window is marked as estimated so
 * pages say "dates indicatives" until a moderator confirms the real dates.
 */
export interface TypicalMonths {
  recurrence: Recurrence;
  typicalOpenMonth: number | null;
  typicalDeadlineMonth: number | null;
}

/** Without a known opening month, a call is assumed to open this many months before its deadline. */
export const ASSUMED_OPENING_LEAD_MONTHS = 2;

function firstDayOf(year: number, month: number): IsoDate {
  const shifted = year * 12 + (month - 1);
  return makeIsoDate(Math.floor(shifted / 12), (shifted % 12) + 1, 1);
}

function lastDayOf(year: number, month: number): IsoDate {
  const shifted = year * 12 + (month - 1);
  const realYear = Math.floor(shifted / 12);
  const realMonth = (shifted % 12) + 1;
  return makeIsoDate(realYear, realMonth, daysInMonth(realYear, realMonth));
}

export function deriveNextWindow(months: TypicalMonths, today: IsoDate): ApplicationWindow | null {
  if (months.recurrence === 'one_off' || months.recurrence === 'permanent') return null;
  const { typicalOpenMonth: openMonth, typicalDeadlineMonth: deadlineMonth } = months;
  const year = yearOf(today);

  if (deadlineMonth) {
    let closesOn = lastDayOf(year, deadlineMonth);
    if (closesOn < today) closesOn = lastDayOf(year + 1, deadlineMonth);
    const deadlineYear = yearOf(closesOn);
    const opensOn = openMonth
      ? firstDayOf(openMonth <= deadlineMonth ? deadlineYear : deadlineYear - 1, openMonth)
      : firstDayOf(deadlineYear, deadlineMonth - ASSUMED_OPENING_LEAD_MONTHS);
    return { opensOn, closesOn, isEstimated: true };
  }

  if (openMonth) {
    // Only the opening month is known: assume the call stays open until the end of the next month.
    let opensOn = firstDayOf(year, openMonth);
    let closesOn = lastDayOf(year, openMonth + 1);
    if (closesOn < today) {
      opensOn = firstDayOf(year + 1, openMonth);
      closesOn = lastDayOf(year + 1, openMonth + 1);
    }
    return { opensOn, closesOn, isEstimated: true };
  }
  return null;
}
