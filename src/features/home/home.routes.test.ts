import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { cardSlugs, textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';

describe('GET /', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp();
    const db = context.database.db;
    await createOpportunity(db, { slug: 'ferme-dans-un-mois', windows: [{ opensOn: '2027-01-01', closesOn: '2027-04-02' }] });
    await createOpportunity(db, { slug: 'ferme-demain', windows: [{ opensOn: '2027-01-01', closesOn: '2027-03-03' }] });
    await createOpportunity(db, { slug: 'a-venir', windows: [{ opensOn: '2027-05-01', closesOn: '2027-06-01' }] });
    await createOpportunity(db, { slug: 'brouillon', status: 'draft', windows: [{ opensOn: '2027-01-01', closesOn: '2027-03-05' }] });
  });

  afterAll(() => context.close());

  it('presents the service, a search box and the open opportunities closing first', async () => {
    const response = await context.app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    const text = textOf(response.body);
    expect(text).toContain('Elles font la culture');
    expect(text).toContain('3 prix, bourses, résidences');
    expect(response.body).toMatch(/<form method="get" action="\/aides"/);
    expect(cardSlugs(response.body)).toEqual(['ferme-demain', 'ferme-dans-un-mois']);
    expect(text).toContain('plus qu’un jour');
  });
});
