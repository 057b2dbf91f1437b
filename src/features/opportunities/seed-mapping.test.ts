import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_FILE } from './seed.commands.ts';
import { readEntryFee, seedFileSchema, seedItemToRow } from './seed-mapping.ts';

describe('readEntryFee', () => {
  it('reads a stated fee, a free application and an unknown amount', () => {
    expect(readEntryFee(["Photographes résidant en Europe ; frais d'inscription de 22 €"])).toEqual({ amount: 22, note: null });
    expect(readEntryFee(['Ouvert à tous ; pas de frais de dossier ; aucun thème'])).toEqual({ amount: 0, note: null });
    expect(readEntryFee([null, 'Exposition ; frais de candidature (tarif réduit en early bird)'])).toEqual({
      amount: null, note: 'Frais de candidature (montant non précisé)',
    });
    expect(readEntryFee(['Allocation de vie, frais de transport'])).toEqual({ amount: null, note: null });
  });
});

describe('the seed file', () => {
  const items = seedFileSchema.parse(JSON.parse(readFileSync(SEED_FILE, 'utf8')));

  it('holds the 101 real opportunities, each valid and with a unique slug', () => {
    expect(items).toHaveLength(101);
    expect(new Set(items.map((item) => item.slug)).size).toBe(101);
  });

  it('maps regional residence rules to a regional scope and flags uncertain items', () => {
    const rows = items.map(seedItemToRow);
    expect(rows.filter((row) => row.geographicScope === 'region').every((row) => row.eligibilityRegion)).toBe(true);
    expect(rows.filter((row) => row.isLowConfidence)).toHaveLength(29);
    expect(rows.every((row) => row.status === 'published' && row.source === 'seed')).toBe(true);
  });
});
