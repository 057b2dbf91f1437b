import { describe, expect, it } from 'vitest';
import { parisDate } from '../../platform/dates.ts';
import { type StatusInput, computeStatus } from './status.ts';

const base: StatusInput = { isPermanent: false, recurrence: 'annual', typicalOpenMonth: null, typicalDeadlineMonth: null, windows: [] };
const window = (opensOn: string | null, closesOn: string, isEstimated = false) => ({ opensOn, closesOn, isEstimated });

describe('computeStatus', () => {
  it('says permanent for an always-open opportunity, whatever its windows', () => {
    expect(computeStatus({ ...base, isPermanent: true, windows: [window('2020-01-01', '2020-02-01')] }, '2027-03-02').status).toBe('permanent');
    expect(computeStatus({ ...base, recurrence: 'permanent' }, '2027-03-02').status).toBe('permanent');
  });

  it('is open inside a window more than 14 days before its end', () => {
    expect(computeStatus({ ...base, windows: [window('2027-02-01', '2027-04-30')] }, '2027-03-02')).toEqual({
      status: 'open', closesOn: '2027-04-30', daysLeft: 59, isEstimated: false,
    });
  });

  it('is closing soon from 14 days before the closing day through that day', () => {
    const input = { ...base, windows: [window('2027-02-01', '2027-03-16')] };
    expect(computeStatus(input, '2027-03-01').status).toBe('open');
    expect(computeStatus(input, '2027-03-02')).toMatchObject({ status: 'closing_soon', daysLeft: 14 });
    expect(computeStatus(input, '2027-03-16')).toMatchObject({ status: 'closing_soon', daysLeft: 0 });
    expect(computeStatus(input, '2027-03-17').status).toBe('closed');
  });

  it('treats a window without an opening date as open until it closes', () => {
    expect(computeStatus({ ...base, windows: [window(null, '2027-06-30')] }, '2027-03-02').status).toBe('open');
  });

  it('is upcoming before its opening day, and open on it', () => {
    const input = { ...base, windows: [window('2027-04-01', '2027-05-31', true)] };
    expect(computeStatus(input, '2027-03-31')).toEqual({ status: 'upcoming', opensOn: '2027-04-01', closesOn: '2027-05-31', isEstimated: true });
    expect(computeStatus(input, '2027-04-01').status).toBe('open');
  });

  it('uses the current window when several exist, and the next one between them', () => {
    const input = { ...base, windows: [window('2027-01-01', '2027-02-15'), window('2027-09-01', '2027-10-15'), window('2026-01-01', '2026-02-15')] };
    expect(computeStatus(input, '2027-02-10')).toMatchObject({ status: 'closing_soon', closesOn: '2027-02-15' });
    expect(computeStatus(input, '2027-03-02')).toMatchObject({ status: 'upcoming', opensOn: '2027-09-01' });
    expect(computeStatus(input, '2027-09-10')).toMatchObject({ status: 'open', closesOn: '2027-10-15' });
  });

  it('keeps the earliest closing date when windows overlap', () => {
    const input = { ...base, windows: [window('2027-01-01', '2027-06-30'), window('2027-02-01', '2027-03-10')] };
    expect(computeStatus(input, '2027-03-02')).toMatchObject({ status: 'closing_soon', closesOn: '2027-03-10' });
  });

  it('announces the next edition of a closed recurring call by its typical month', () => {
    const input = { ...base, typicalOpenMonth: 9, typicalDeadlineMonth: 11, windows: [window('2026-09-01', '2026-11-15')] };
    expect(computeStatus(input, '2027-03-02')).toEqual({ status: 'closed', lastClosedOn: '2026-11-15', nextEditionMonth: 9 });
    expect(computeStatus({ ...input, typicalOpenMonth: null }, '2027-03-02')).toMatchObject({ nextEditionMonth: 11 });
  });

  it('gives no next edition for a one-off call that has closed', () => {
    expect(computeStatus({ ...base, recurrence: 'one_off', typicalDeadlineMonth: 5, windows: [window(null, '2026-05-31')] }, '2027-03-02')).toEqual({
      status: 'closed', lastClosedOn: '2026-05-31', nextEditionMonth: null,
    });
  });

  it('says dates to confirm for a recurring call with no known window, closed for a one-off', () => {
    expect(computeStatus(base, '2027-03-02').status).toBe('to_confirm');
    expect(computeStatus({ ...base, recurrence: 'biennial' }, '2027-03-02').status).toBe('to_confirm');
    expect(computeStatus({ ...base, recurrence: 'one_off' }, '2027-03-02')).toMatchObject({ status: 'closed', lastClosedOn: null });
  });

  it('changes day at midnight in Paris, not at midnight UTC', () => {
    const input = { ...base, windows: [window('2027-02-01', '2027-03-31')] };
    // 23:30 UTC on 31 March is already 1 April in Paris (summer time, UTC+2).
    expect(computeStatus(input, parisDate(new Date('2027-03-31T21:59:59Z'))).status).toBe('closing_soon');
    expect(computeStatus(input, parisDate(new Date('2027-03-31T22:00:00Z'))).status).toBe('closed');
    // In winter Paris is UTC+1.
    const winter = { ...base, windows: [window('2027-01-01', '2027-01-15')] };
    expect(computeStatus(winter, parisDate(new Date('2027-01-15T22:59:59Z'))).status).toBe('closing_soon');
    expect(computeStatus(winter, parisDate(new Date('2027-01-15T23:00:00Z'))).status).toBe('closed');
  });
});
