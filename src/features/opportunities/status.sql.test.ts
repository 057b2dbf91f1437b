import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { findOpportunitiesByIds } from './opportunities.queries.ts';
import { statusOf } from './opportunity.presenters.ts';
import { catalogueStatusExpression, windowSummaryJoin } from './status.sql.ts';

// The catalogue filters and sorts with the SQL version of the status rule and displays with the
// TypeScript one: they must never disagree.
describe('the status rule in SQL', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp();
    const db = context.database.db;
    await createOpportunity(db, { isPermanent: true });
    await createOpportunity(db, { recurrence: 'annual' });
    await createOpportunity(db, { recurrence: 'one_off' });
    await createOpportunity(db, { recurrence: 'one_off', windows: [{ opensOn: null, closesOn: '2027-03-10' }] });
    await createOpportunity(db, { windows: [{ opensOn: '2027-02-01', closesOn: '2027-03-16' }] });
    await createOpportunity(db, { windows: [{ opensOn: '2027-04-01', closesOn: '2027-05-31', isEstimated: true }] });
    await createOpportunity(db, {
      typicalOpenMonth: 9,
      windows: [{ opensOn: '2027-01-01', closesOn: '2027-02-15' }, { opensOn: '2027-09-01', closesOn: '2027-10-15' }],
    });
    await createOpportunity(db, { windows: [{ opensOn: '2027-01-01', closesOn: '2027-06-30' }, { opensOn: '2027-02-01', closesOn: '2027-03-10' }] });
  });

  afterAll(() => context.close());

  it.each(['2027-01-01', '2027-02-15', '2027-02-16', '2027-03-01', '2027-03-02', '2027-03-16', '2027-03-17', '2027-03-31', '2027-04-01', '2027-09-01', '2027-12-31'])(
    'agrees with computeStatus on %s',
    async (today) => {
      const db = context.database.db;
      const rows = await queryRows<{ id: number; status: string }>(
        db,
        sql`SELECT o.id, ${catalogueStatusExpression(today)} AS status FROM opportunities o ${windowSummaryJoin(today)} ORDER BY o.id`,
      );
      const opportunities = await findOpportunitiesByIds(db, rows.map((row) => Number(row.id)));
      expect(rows.map((row) => row.status)).toEqual(opportunities.map((opportunity) => statusOf(opportunity, today).status));
    },
  );
});
