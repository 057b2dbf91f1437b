import { validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './current-user.ts';

describe('safeReturnPath', () => {
  it('keeps local paths, percent-encoding what a header cannot carry', () => {
    expect(safeReturnPath('/mon-espace/profil')).toBe('/mon-espace/profil');
    expect(safeReturnPath('/ā')).toBe('/%C4%81');
    expect(safeReturnPath('/aides?q=été photo')).toBe('/aides?q=%C3%A9t%C3%A9%20photo');
    expect(safeReturnPath('/aides?q=%C3%A9')).toBe('/aides?q=%C3%A9');
  });

  it('refuses other sites, control characters, backslashes and lone surrogates', () => {
    for (const value of ['//site.example', 'https://site.example', '/\t/site.example', '/\\site.example', '/\uD800', 'mon-espace', '', null, 42]) {
      expect(safeReturnPath(value), JSON.stringify(value)).toBeNull();
    }
  });

  it('whatever it is given, answers null or a local path Node accepts in a Location header', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }).map((rest) => `/${rest}`)), (value) => {
      const path = safeReturnPath(value);
      if (path === null) return;
      expect(() => validateHeaderValue('location', path)).not.toThrow();
      expect(path).toMatch(/^\/(?![/\\])[\u0021-\u007e]*$/);
      expect(new URL(path, 'http://localhost:3000/depart').origin).toBe('http://localhost:3000');
    }), { numRuns: 2_000 });
  });
});
