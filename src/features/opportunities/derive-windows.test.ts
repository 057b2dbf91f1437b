import { describe, expect, it } from 'vitest';
import { deriveNextWindow } from './derive-windows.ts';

describe('deriveNextWindow', () => {
  it('places the deadline at the end of the typical month, this year while it is ahead', () => {
    expect(deriveNextWindow({ recurrence: 'annual', typicalOpenMonth: 2, typicalDeadlineMonth: 4 }, '2027-03-02')).toEqual({
      opensOn: '2027-02-01', closesOn: '2027-04-30', isEstimated: true,
    });
  });

  it('moves to next year once this year’s deadline has passed', () => {
    expect(deriveNextWindow({ recurrence: 'annual', typicalOpenMonth: 1, typicalDeadlineMonth: 2 }, '2027-03-02')).toEqual({
      opensOn: '2028-01-01', closesOn: '2028-02-29', isEstimated: true,
    });
  });

  it('keeps the deadline day itself in the current edition', () => {
    expect(deriveNextWindow({ recurrence: 'annual', typicalOpenMonth: null, typicalDeadlineMonth: 3 }, '2027-03-31')?.closesOn).toBe('2027-03-31');
  });

  it('opens the year before when the opening month comes after the deadline month', () => {
    expect(deriveNextWindow({ recurrence: 'annual', typicalOpenMonth: 11, typicalDeadlineMonth: 1 }, '2027-03-02')).toEqual({
      opensOn: '2027-11-01', closesOn: '2028-01-31', isEstimated: true,
    });
  });

  it('assumes an opening two months before the deadline when the opening month is unknown', () => {
    expect(deriveNextWindow({ recurrence: 'biennial', typicalOpenMonth: null, typicalDeadlineMonth: 2 }, '2027-01-10')).toEqual({
      opensOn: '2026-12-01', closesOn: '2027-02-28', isEstimated: true,
    });
  });

  it('assumes a call known only by its opening month stays open until the end of the next month', () => {
    expect(deriveNextWindow({ recurrence: 'annual', typicalOpenMonth: 12, typicalDeadlineMonth: null }, '2027-03-02')).toEqual({
      opensOn: '2027-12-01', closesOn: '2028-01-31', isEstimated: true,
    });
  });

  it('derives nothing for one-off calls or unknown months', () => {
    expect(deriveNextWindow({ recurrence: 'one_off', typicalOpenMonth: null, typicalDeadlineMonth: 5 }, '2027-03-02')).toBeNull();
    expect(deriveNextWindow({ recurrence: 'annual', typicalOpenMonth: null, typicalDeadlineMonth: null }, '2027-03-02')).toBeNull();
  });
});
