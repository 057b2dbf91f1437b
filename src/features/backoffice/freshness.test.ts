import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opportunityWindows } from '../../db/schema/index.ts';
import { createUser } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { FRESHNESS_JOB, emailModerators, rollEstimatedWindows } from './freshness.job.ts';

describe('keeping the catalogue fresh', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
  });
  afterAll(() => context.close());

  it('moves estimated windows of recurring calls to their next edition, never confirmed ones', async () => {
    const db = context.database.db;
    const estimated = await createOpportunity(db, { typicalDeadlineMonth: 1, windows: [{ opensOn: '2026-11-01', closesOn: '2027-01-31', isEstimated: true }] });
    const confirmed = await createOpportunity(db, { typicalDeadlineMonth: 1, windows: [{ opensOn: '2026-11-01', closesOn: '2027-01-31', isEstimated: false }] });
    const verified = await createOpportunity(db, { typicalDeadlineMonth: 1, lastVerifiedOn: '2026-10-01', windows: [{ opensOn: '2026-11-01', closesOn: '2027-01-31', isEstimated: true }] });
    expect(await rollEstimatedWindows(db, context.clock)).toBe(1);
    const windowsOf = async (id: number) => db.select({ opensOn: opportunityWindows.opensOn, closesOn: opportunityWindows.closesOn }).from(opportunityWindows).where(eq(opportunityWindows.opportunityId, id));
    expect(await windowsOf(estimated.id)).toEqual([{ opensOn: '2027-11-01', closesOn: '2028-01-31' }]);
    expect(await windowsOf(confirmed.id)).toEqual([{ opensOn: '2026-11-01', closesOn: '2027-01-31' }]);
    expect(await windowsOf(verified.id)).toEqual([{ opensOn: '2026-11-01', closesOn: '2027-01-31' }]);
    expect(await rollEstimatedWindows(db, context.clock)).toBe(0);
  });

  it('emails moderators once a day, only when something needs them', async () => {
    const db = context.database.db;
    await createUser(db, context.clock, 'moderatrice@culture.gouv.fr', 'moderator');
    await createUser(db, context.clock, 'membre@exemple.fr', 'member');
    expect(await emailModerators(db, context.clock, context.app.mailer, context.config.publicUrl)).toBe(0);
    await createOpportunity(db, { status: 'in_review', title: 'Proposition en attente' });
    await context.jobs.run(FRESHNESS_JOB);
    await context.jobs.run(FRESHNESS_JOB);
    await context.jobs.runAll();
    const mails = context.smtp!.to('moderatrice@culture.gouv.fr');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Modération : 1 proposition(s) ou déclaration(s) à relire');
    expect(context.smtp!.to('membre@exemple.fr')).toHaveLength(0);
  });
});
