import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digests, opportunityFeedback, parityFigures, parityOrganizations } from '../../db/schema/index.ts';
import { createUser } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { followOpportunity } from '../alerts/alerts.commands.ts';
import { impactFigures, lastMonths, masked, maskedRate, monthlySeries } from './stats.queries.ts';

describe('public impact statistics', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp(); // "today" is 2 March 2027
    const db = context.database.db;
    // Seven opportunities published in January 2027, three in February, one prize in March; one draft that never counts.
    for (let index = 0; index < 7; index += 1) await createOpportunity(db, { publishedAt: new Date('2027-01-15T10:00:00Z'), kind: 'grant' });
    for (let index = 0; index < 3; index += 1) await createOpportunity(db, { publishedAt: new Date('2027-02-10T10:00:00Z'), kind: 'residency' });
    const prize = await createOpportunity(db, { publishedAt: new Date('2027-03-01T10:00:00Z'), kind: 'prize' });
    await createOpportunity(db, { status: 'draft', publishedAt: null });
    // Six people follow the prize (one alert each); one digest email was sent.
    for (let index = 0; index < 6; index += 1) {
      const user = await createUser(db, context.clock, `suiveuse-${index}@exemple.fr`);
      await followOpportunity(db, user.id, prize.id, 'deadlines', context.clock);
      if (index === 0) await db.insert(digests).values({ userId: user.id, day: '2027-03-02', itemCount: 1 });
    }
    const [organization] = await db.insert(parityOrganizations).values({ slug: 'lieu', name: 'Lieu', type: 'exhibition_venue' }).returning();
    await db.insert(parityFigures).values({ organizationId: organization!.id, year: 2025, metric: 'directors', women: 1, total: 2, source: 'Test', status: 'published', recordedBy: 'Test' });
    // Feedback: 4 useful out of 6 — enough cases to show a rate.
    for (const answer of ['useful', 'useful', 'useful_but_closed', 'useful', 'not_useful', 'not_useful'] as const) {
      await db.insert(opportunityFeedback).values({ opportunityId: prize.id, answer });
    }
  });
  afterAll(() => context.close());

  it('computes each figure from the database', async () => {
    const figures = await impactFigures(context.database.db);
    expect(figures).toMatchObject({
      publishedOpportunities: 11, activeAlerts: 6, followers: 6, alertEmails: 1,
      peerReview: { exchanges: 0, completion: { part: 0, whole: 0 }, medianWaitDays: null },
      mentorships: { started: 0, completed: 0 }, directory: { contacts: 0, answers: 0, ledToWork: 0 },
      parity: { organizations: 1, figures: 1 }, usefulness: { part: 4, whole: 6 },
    });
    expect(figures.byKind.map((item) => [item.kind, item.count])).toEqual([['grant', 7], ['residency', 3], ['prize', 1]]);
    const series = await monthlySeries(context.database.db, context.clock.now());
    const published = series.find((item) => item.slug === 'aides-publiees')!;
    expect(published.points.slice(-3)).toEqual([{ month: '2027-01', value: 7 }, { month: '2027-02', value: 3 }, { month: '2027-03', value: 1 }]);
    expect(published.points).toHaveLength(12);
    expect(published.points[0]!.month).toBe('2026-04');
    expect(series.find((item) => item.slug === 'alertes-creees')!.points.at(-1)).toEqual({ month: '2027-03', value: 6 });
  });

  it('masks small counts and rates built on few cases, on the page and in the CSV', async () => {
    expect([masked(0), masked(1), masked(4), masked(5), masked(1234)]).toEqual(['0', '< 5', '< 5', '5', '1\u202f234']);
    expect(maskedRate({ part: 3, whole: 4 })).toBe('non communiqué (moins de 5 cas)');
    expect(maskedRate({ part: 4, whole: 6 })).toBe('67 %');
    const page = textOf((await context.app.inject({ url: '/stats' })).body);
    expect(page).toContain('11 aides publiées dans le catalogue');
    expect(page).toContain('6 alertes actives, pour 6 personnes');
    expect(page).toContain('< 5 emails d’alerte envoyés');
    expect(page).toContain('67 % des avis sur les fiches disent qu’elles ont été utiles');
    expect(page).toContain('Résidence < 5');
    expect(page).toContain('février 2027 < 5');
    expect(page).toContain('janvier 2027 7');
    expect(page).not.toMatch(/février 2027 3\b/);
    const csv = parse((await context.app.inject({ url: '/stats/aides-publiees.csv' })).body, { columns: true }) as { mois: string; valeur: string }[];
    expect(csv.slice(-3)).toEqual([{ mois: '2027-01', valeur: '7' }, { mois: '2027-02', valeur: '< 5' }, { mois: '2027-03', valeur: '< 5' }]);
    expect((await context.app.inject({ url: '/stats/inconnue.csv' })).statusCode).toBe(404);
  });

  it('counts months in Paris time, across years', () => {
    expect(lastMonths(new Date('2027-01-01T00:30:00+01:00'), 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(lastMonths(new Date('2026-12-31T23:30:00Z'), 2)).toEqual(['2026-12', '2027-01']);
  });

  it('computes the page at most every ten minutes, then shows the new figures', async () => {
    const before = textOf((await context.app.inject({ url: '/stats' })).body);
    expect(before).toContain('11 aides publiées dans le catalogue');
    await createOpportunity(context.database.db, { publishedAt: new Date('2027-03-02T09:30:00Z') });
    expect(textOf((await context.app.inject({ url: '/stats' })).body)).toContain('11 aides publiées dans le catalogue');
    context.clock.set('2027-03-02T10:11:00+01:00');
    expect(textOf((await context.app.inject({ url: '/stats' })).body)).toContain('12 aides publiées dans le catalogue');
  });
});
