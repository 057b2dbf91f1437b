import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, importRuns, opportunities, opportunityWindows } from '../../db/schema/index.ts';
import { startLocalServer, type LocalServer } from '../../../test/helpers/http-server.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { httpPageFetcher, importProcedures, runCultureImport } from './culture-gouv.import.ts';
import { mapKind, mapProcedure, mapRegion, readAmount } from './culture-gouv.mapping.ts';

const page = JSON.parse(readFileSync(new URL('../../../test/fixtures/culture-gouv-page-0.json', import.meta.url), 'utf8')) as { count: number; results: Record<string, unknown>[] };

describe('mapping a procedure of the Ministry’s open data', () => {
  it('keeps photography and visual-arts aids, and says why others are set aside', () => {
    const outcomes = page.results.map((item) => mapProcedure(item));
    expect(outcomes.map((outcome) => (outcome.kept ? 'kept' : outcome.reason))).toEqual([
      'kept', 'kept', 'démarche qui n’est pas une aide (autorisation, labellisation)', 'kept', 'kept',
    ]);
    expect(mapProcedure({ ...page.results[0], eztag_theme: ['Patrimoine'] })).toMatchObject({ kept: false, reason: 'hors photographie et arts visuels' });
    expect(mapProcedure({ id: 1 })).toMatchObject({ kept: false, reason: 'champs manquants ou invalides' });
    expect(mapProcedure('pas un objet')).toMatchObject({ kept: false });
  });

  it('reads French deadlines, keeps non-dates in the conditions', () => {
    const [first, , , rolling, past] = page.results.map((item) => mapProcedure(item));
    expect(first).toMatchObject({ kept: true, fields: { windows: [{ opensOn: null, closesOn: '2027-03-01', isEstimated: false }], typicalDeadlineMonth: 3 } });
    expect(rolling).toMatchObject({ kept: true, fields: { windows: [], isPermanent: true, otherConditions: expect.stringContaining('Calendrier : Candidatures au fil de l\'eau.') } });
    expect(past).toMatchObject({ kept: true, fields: { windows: [{ closesOn: '2026-09-30' }] } });
  });

  it('maps regions, kinds, amounts and organizers to the platform’s own', () => {
    expect(mapRegion(['Occitanie'])).toEqual({ scope: 'region', region: 'Occitanie' });
    expect(mapRegion(['- France entière -'])).toEqual({ scope: 'france', region: null });
    expect(mapRegion(['Outre-mer'])).toEqual({ scope: 'overseas', region: null });
    expect(mapRegion(['ILE-DE-FRANCE'])).toEqual({ scope: 'region', region: 'Île-de-France' });
    expect(mapRegion(['Provence-Alpes-Côte d’Azur'])).toEqual({ scope: 'region', region: "Provence-Alpes-Côte d'Azur" });
    expect(mapKind('Résidences d’artistes en outre-mer', ['Aide'])).toBe('residency');
    expect(mapKind('Soutien à la photographie', ['Subvention'])).toBe('grant');
    expect(readAmount('Jusqu\'à 8 000 €')).toBe(8000);
    expect(readAmount('5 000 € à 15 000 €')).toBe(15000);
    expect(readAmount('750 € par mois')).toBeNull();
    expect(readAmount('Jusqu\'à 50 % des frais de fabrication')).toBeNull();
    expect(mapProcedure(page.results[0])).toMatchObject({ fields: { organizer: 'DRAC Occitanie', amountEur: 8000, amountNote: 'Jusqu\'à 8 000 €' } });
  });

  it('turns HTML into plain Markdown and drops anything active', () => {
    const mapped = mapProcedure({ ...page.results[0], body: '<p>Un <strong>dossier</strong> <a href="https://exemple.fr/d">complet</a>.</p><script>alert(1)</script><ul><li>portfolio</li><li>budget</li></ul><p><a href="javascript:alert(1)">piège</a></p>' });
    expect(mapped).toMatchObject({ kept: true, fields: { description: 'Un **dossier** [complet](https://exemple.fr/d).\n\n- portfolio\n- budget\n\npiège' } });
  });
});

describe('importing into the catalogue', () => {
  let context: TestContext;
  let server: LocalServer;
  let answer: { status: number; body: string; hang?: boolean } = { status: 200, body: JSON.stringify(page) };

  beforeAll(async () => {
    context = await createTestApp();
    server = await startLocalServer((request, response) => {
      if (answer.hang) return;
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    });
  });
  afterAll(async () => {
    await server.close();
    await context.close();
  });

  const imported = () => context.database.db.select().from(opportunities).where(eq(opportunities.source, 'import'));

  it('puts new aids in the review queue, and a second run changes nothing', async () => {
    const first = await runCultureImport(context.database.db, httpPageFetcher(server.url), context.clock);
    expect(first).toMatchObject({ created: 4, updated: 0, unchanged: 0, skipped: 1 });
    expect(server.requests[0]!.path).toBe('/?limit=50&offset=0');
    const rows = await imported();
    expect(rows.every((row) => row.status === 'in_review')).toBe(true);
    const snapshot = JSON.stringify(rows.map(({ updatedAt: _updated, ...row }) => row));
    const second = await runCultureImport(context.database.db, httpPageFetcher(server.url), context.clock);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 4, skipped: 1 });
    expect(JSON.stringify((await imported()).map(({ updatedAt: _updated, ...row }) => row))).toBe(snapshot);
    expect(await context.database.db.select().from(importRuns)).toHaveLength(2);
  });

  it('updates a changed deadline, keeps the team’s corrections, and logs the change', async () => {
    const [item] = await context.database.db.select().from(opportunities).where(and(eq(opportunities.source, 'import'), eq(opportunities.sourceRef, '48211')));
    await context.database.db.update(opportunities).set({ title: 'Titre corrigé par l’équipe', status: 'published' }).where(eq(opportunities.id, item!.id));
    const changed = page.results.map((result) => (result.id === 48211 ? { ...result, deadline: '15 mars 2027' } : result));
    const report = await importProcedures(context.database.db, changed, context.clock);
    expect(report).toMatchObject({ updated: 1, unchanged: 3 });
    const [after] = await context.database.db.select().from(opportunities).where(eq(opportunities.id, item!.id));
    expect(after).toMatchObject({ title: 'Titre corrigé par l’équipe', status: 'published', typicalDeadlineMonth: 3 });
    expect(await context.database.db.select({ closesOn: opportunityWindows.closesOn }).from(opportunityWindows).where(eq(opportunityWindows.opportunityId, item!.id))).toEqual([{ closesOn: '2027-03-15' }]);
    const [entry] = await context.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, String(item!.id)), eq(auditLog.action, 'opportunity.import_update')));
    expect(entry).toMatchObject({ actorLabel: 'Import culture.gouv.fr' });
    expect(entry!.before).toMatchObject({ windows: [{ closesOn: '2027-03-01' }] });
    expect(entry!.after).toMatchObject({ windows: [{ closesOn: '2027-03-15' }] });
  });

  it('stops with a clear error on an HTTP error, malformed JSON, an unexpected shape or a timeout', async () => {
    for (const [setting, message] of [
      [{ status: 500, body: 'panne' }, 'réponse HTTP 500'],
      [{ status: 200, body: '{"count": 3, "results": [' }, 'réponse qui n’est pas du JSON valide'],
      [{ status: 200, body: '{"items": []}' }, 'page au format inattendu (count et results attendus)'],
      [{ status: 200, body: '', hang: true }, 'source injoignable'],
    ] as const) {
      answer = setting;
      await expect(runCultureImport(context.database.db, httpPageFetcher(server.url, 200), context.clock)).rejects.toThrow(message);
    }
    const runs = await context.database.db.select().from(importRuns);
    expect(runs.at(-1)!.report).toMatchObject({ error: expect.stringContaining('source injoignable') });
  });
});
