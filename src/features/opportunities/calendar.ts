import { type IsoDate, addDays, formatFrenchDate } from '../../platform/dates.ts';
import type { OpportunityWithWindows } from './opportunities.queries.ts';

/**
 * iCalendar (RFC 5545) for deadlines: one all-day event per closing date, so calendar apps show
 * it on the right day whatever their time zone.
 */
export interface DeadlineEvent {
  /** Stable across downloads so re-importing updates instead of duplicating. */
  uid: string;
  title: string;
  closesOn: IsoDate;
  description: string;
  url: string;
}

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (currentBytes + size > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
    }
    current += character;
    currentBytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: IsoDate) => date.replace(/-/g, '');

function compactTimestamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function buildCalendar(events: DeadlineEvent[], options: { name: string; now: Date }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ministere de la Culture//Elles font la culture//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    'X-WR-TIMEZONE:Europe/Paris',
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${compactTimestamp(options.now)}`,
      `DTSTART;VALUE=DATE:${compactDate(event.closesOn)}`,
      // All-day events end the next day (DTEND is exclusive).
      `DTEND;VALUE=DATE:${compactDate(addDays(event.closesOn, 1))}`,
      `SUMMARY:${escapeText(`Date limite : ${event.title}`)}`,
      `DESCRIPTION:${escapeText(`${event.description}\nDate limite de candidature : ${formatFrenchDate(event.closesOn)}.\n${event.url}`)}`,
      `URL:${event.url}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(`Date limite dans 7 jours : ${event.title}`)}`,
      'TRIGGER:-P7D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Every deadline still ahead of an opportunity, as events (one per application window). */
export function deadlineEventsOf(opportunity: OpportunityWithWindows, today: IsoDate, publicUrl: string): DeadlineEvent[] {
  const host = new URL(publicUrl).host;
  const url = `${publicUrl}/aides/${opportunity.slug}`;
  return opportunity.windows
    .filter((window) => window.closesOn >= today)
    .map((window) => ({
      uid: `aide-${opportunity.id}-${window.closesOn}@${host}`,
      title: opportunity.title,
      closesOn: window.closesOn,
      description: `${opportunity.organizer}. ${window.isEstimated ? 'Date indicative, à vérifier auprès de l’organisme.' : ''}`.trim(),
      url,
    }));
}
