import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatFrenchDate, isIsoDate, parisDate } from './dates.ts';

describe('dates', () => {
  it('gives the Paris calendar day of an instant', () => {
    expect(parisDate(new Date('2027-06-30T21:59:00Z'))).toBe('2027-06-30');
    expect(parisDate(new Date('2027-06-30T22:00:00Z'))).toBe('2027-07-01');
  });

  it('counts days across month, year and daylight-saving changes', () => {
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-12-31', '2027-01-01')).toBe(-364);
  });

  it('writes dates the French way', () => {
    expect(formatFrenchDate('2027-03-01')).toBe('1er mars 2027');
    expect(formatFrenchDate('2027-01-15')).toBe('15 janvier 2027');
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-13-01')).toBe(false);
  });
});

describe('Paris wall-clock times', () => {
  it('converts both ways across daylight saving', async () => {
    const { fromParisLocal, toParisLocal, formatParisDateTime } = await import('./dates.ts');
    expect(fromParisLocal('2027-03-18T18:30')!.toISOString()).toBe('2027-03-18T17:30:00.000Z');
    expect(fromParisLocal('2027-04-15T18:30')!.toISOString()).toBe('2027-04-15T16:30:00.000Z');
    expect(toParisLocal(new Date('2027-04-15T16:30:00Z'))).toBe('2027-04-15T18:30');
    expect(fromParisLocal('2027-02-30T18:30')).toBeNull();
    expect(formatParisDateTime(new Date('2027-04-01T16:30:00Z'))).toBe('jeudi 1er avril 2027 à 18 h 30');
  });
});
