import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, foldLine } from './calendar.ts';

describe('buildCalendar', () => {
  const calendar = buildCalendar(
    [
      { uid: 'aide-1-2027-04-30@example.test', title: 'Bourse, résidence; et « prix »', closesOn: '2027-04-30', description: 'Organisme\nDeux lignes', url: 'https://example.test/aides/a' },
      { uid: 'aide-1-2028-04-30@example.test', title: 'Bourse', closesOn: '2028-04-30', description: 'Organisme', url: 'https://example.test/aides/a' },
    ],
    { name: 'Échéances', now: new Date('2027-03-02T09:00:00Z') },
  );

  it('is valid iCalendar with one all-day event per deadline', () => {
    const component = new ICAL.Component(ICAL.parse(calendar));
    const events = component.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events).toHaveLength(2);
    expect(events[0]!.summary).toBe('Date limite : Bourse, résidence; et « prix »');
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.startDate.toString()).toBe('2027-04-30');
    expect(events[0]!.endDate.toString()).toBe('2027-05-01');
    expect(events[0]!.uid).toBe('aide-1-2027-04-30@example.test');
    expect(events[0]!.description).toContain('Deux lignes');
  });

  it('uses CRLF line endings and folds long lines at 75 octets', () => {
    expect(calendar.endsWith('\r\n')).toBe(true);
    for (const line of calendar.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'é'.repeat(80)}`);
    expect(folded).not.toContain('\uFFFD');
  });
});
