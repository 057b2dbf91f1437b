// Calendar dates of the platform are Paris dates written as ISO strings ("2027-03-01"):
// a deadline is a day in France, whatever the server's time zone.
export type IsoDate = string;

const parisFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const FRENCH_MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The calendar day it is in Paris at this instant. */
export function parisDate(instant: Date): IsoDate {
  return parisFormatter.format(instant);
}

function toUtcMidnight(date: IsoDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function fromUtcMidnight(time: number): IsoDate {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / 86_400_000);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function makeIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

/** "1er mars 2027", "15 janvier 2027": the way French people write a date. */
export function formatFrenchDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month - 1]} ${year}`;
}

export function frenchMonthName(month: number): string {
  return FRENCH_MONTHS[month - 1] ?? '';
}

const MONTH_NUMBERS = new Map(FRENCH_MONTHS.map((month, index) => [month.normalize('NFD').replace(/\p{M}/gu, ''), index + 1]));

/**
 * A date written in French free text: "1er mars 2027", "15 janvier 2027", "le 3 juin 2027 à
 * midi", "30/09/2026". Null when the text holds no single valid date ("au fil de l'eau").
 */
export function parseFrenchDate(text: string): IsoDate | null {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const written = /\b(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})\b/.exec(folded);
  if (written) {
    const month = MONTH_NUMBERS.get(written[2]!);
    if (month) {
      const date = makeIsoDate(Number(written[3]), month, Number(written[1]));
      return isIsoDate(date) ? date : null;
    }
  }
  const numeric = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(folded);
  if (numeric) {
    const date = makeIsoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
    return isIsoDate(date) ? date : null;
  }
  return null;
}

const parisDateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

/** "jeudi 18 mars 2027 à 18 h 30": an instant as people in France read it. */
export function formatParisDateTime(instant: Date): string {
  const parts = Object.fromEntries(parisDateTime.formatToParts(instant).map((part) => [part.type, part.value]));
  const day = parts.day === '1' ? '1er' : parts.day;
  return `${parts.weekday} ${day} ${parts.month} ${parts.year} à ${parts.hour} h ${parts.minute}`;
}

const parisParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** "2027-03-18T18:30": the wall-clock time in Paris of an instant (for datetime-local fields). */
export function toParisLocal(instant: Date): string {
  const parts = Object.fromEntries(parisParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant of a Paris wall-clock time ("2027-03-18T18:30"), daylight saving included. */
export function fromParisLocal(local: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) || !isIsoDate(local.slice(0, 10))) return null;
  const asUtc = new Date(`${local}:00Z`).getTime();
  let instant = asUtc;
  // Two passes settle the offset even next to a daylight-saving change.
  for (let pass = 0; pass < 2; pass += 1) {
    const wall = new Date(`${toParisLocal(new Date(instant))}:00Z`).getTime();
    instant += asUtc - wall;
  }
  return new Date(instant);
}
