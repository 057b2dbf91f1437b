import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import { parseFrenchDate } from './dates.ts';

describe('toCsv', () => {
  it('quotes what needs it and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'il a dit "non"'], [null, ['p', 'q']]])).toBe('a,b\r\n"x, y","il a dit ""non"""\r\n,p|q\r\n');
  });

  it('neutralises formula-looking cells for spreadsheets only', () => {
    expect(toCsv(['a'], [['=1+1'], ['-2'], ['@x']], { spreadsheetSafe: true })).toBe("a\r\n'=1+1\r\n'-2\r\n'@x\r\n");
    expect(toCsv(['a'], [['-2']])).toBe('a\r\n-2\r\n');
  });
});

describe('parseFrenchDate', () => {
  it.each([
    ['1er mars 2027', '2027-03-01'],
    ['15 janvier 2027', '2027-01-15'],
    ['Le 3 août 2027 à midi', '2027-08-03'],
    ['30/09/2026', '2026-09-30'],
    ['31 février 2027', null],
    ['Candidatures au fil de l\'eau', null],
    ['', null],
  ])('%s -> %s', (text, expected) => {
    expect(parseFrenchDate(text)).toBe(expected);
  });
});
