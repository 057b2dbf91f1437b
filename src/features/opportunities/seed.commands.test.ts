import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opportunities, opportunityWindows } from '../../db/schema/index.ts';
import { cardSlugs } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { seedOpportunities } from './seed.commands.ts';

const ALL_STATUSES = 'statut=ouverte&statut=cloture-proche&statut=a-venir&statut=permanente&statut=dates-a-confirmer&statut=cloturee';

describe('the seed of 101 real opportunities', () => {
  let context: TestContext;
  const countRows = async (table: typeof opportunities | typeof opportunityWindows) =>
    (await context.database.db.select({ value: count() }).from(table))[0]!.value;

  beforeAll(async () => {
    context = await createTestApp();
    await seedOpportunities(context.database.db, context.clock);
  });

  afterAll(() => context.close());

  it('loads every opportunity with windows derived from its typical months', async () => {
    expect(await countRows(opportunities)).toBe(101);
    // 66 recurring items have a typical month; one-offs and items without months get no window.
    expect(await countRows(opportunityWindows)).toBe(66);
  });

  it('reloads idempotently, keeping what a moderator verified', async () => {
    const db = context.database.db;
    await db.update(opportunities).set({ title: 'Titre corrigé par la modération', lastVerifiedOn: '2027-03-01' }).where(eq(opportunities.slug, 'prix-photo-fondation-yves-rocher'));
    const report = await seedOpportunities(db, context.clock);
    expect(report).toEqual({ inserted: 0, updated: 100 });
    expect(await countRows(opportunities)).toBe(101);
    expect(await countRows(opportunityWindows)).toBe(66);
    const [kept] = await db.select().from(opportunities).where(eq(opportunities.slug, 'prix-photo-fondation-yves-rocher'));
    expect(kept!.title).toBe('Titre corrigé par la modération');
  });

  // The acceptance searches of the catalogue: the most relevant opportunity comes first.
  it.each(['residence photo', 'résidence', 'residance'])('puts a residency first when searching "%s"', async (words) => {
    const { body } = await context.app.inject({ url: `/aides?q=${encodeURIComponent(words)}&${ALL_STATUSES}` });
    const slugs = cardSlugs(body);
    expect(slugs.length).toBeGreaterThan(3);
    const [first] = await context.database.db.select().from(opportunities).where(eq(opportunities.slug, slugs[0]!));
    expect(first!.kind).toBe('residency');
    expect(first!.title).toMatch(/Résidence/);
  });

  it('puts documentary photography first when searching "photographie documentaire"', async () => {
    const { body } = await context.app.inject({ url: `/aides?q=photographie+documentaire&${ALL_STATUSES}` });
    expect(cardSlugs(body)[0]).toBe('cnap-soutien-photographie-documentaire-contemporaine');
  });

  it('puts a grant for young photographers first when searching "bourse jeune"', async () => {
    const { body } = await context.app.inject({ url: `/aides?q=bourse+jeune&${ALL_STATUSES}` });
    const [first] = await context.database.db.select().from(opportunities).where(eq(opportunities.slug, cardSlugs(body)[0]!));
    expect(first!.kind).toBe('grant');
    expect(first!.title).toMatch(/Bourse Jeune/i);
  });
});
