import { inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { users } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { parisDate } from '../../platform/dates.ts';
import type { Mailer } from '../../platform/email/mailer.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { SYSTEM_ACTOR, recordAudit } from '../audit/audit.commands.ts';
import { deriveNextWindow } from '../opportunities/derive-windows.ts';
import { replaceWindows } from '../opportunities/opportunity-editing.commands.ts';
import { moderationDailyEmail, needsAttention } from './moderation-daily.email.tsx';
import { dashboardFigures } from './moderation.queries.ts';

export const FRESHNESS_JOB = 'catalogue-freshness';

/**
 * Recurring opportunities whose dates were only estimated and are all past get the next
 * estimated window (shown as "dates indicatives" until confirmed). Confirmed dates are never
 * touched: a moderator's word is final.
 */
export async function rollEstimatedWindows(db: Database, clock: Clock): Promise<number> {
  const today = parisDate(clock.now());
  const stale = await queryRows<{ id: number; recurrence: 'annual' | 'biennial'; typical_open_month: number | null; typical_deadline_month: number | null }>(db, sql`
    SELECT o.id, o.recurrence, o.typical_open_month, o.typical_deadline_month FROM opportunities o
    WHERE o.status = 'published' AND o.last_verified_on IS NULL AND o.recurrence IN ('annual', 'biennial')
      AND EXISTS (SELECT 1 FROM opportunity_windows w WHERE w.opportunity_id = o.id)
      AND NOT EXISTS (SELECT 1 FROM opportunity_windows w WHERE w.opportunity_id = o.id AND (NOT w.is_estimated OR w.closes_on >= ${today}::date))`);
  let rolled = 0;
  for (const row of stale) {
    const next = deriveNextWindow({ recurrence: row.recurrence, typicalOpenMonth: row.typical_open_month, typicalDeadlineMonth: row.typical_deadline_month }, today);
    if (!next) continue;
    await db.transaction(async (tx) => {
      await replaceWindows(tx, Number(row.id), [next]);
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'opportunity.roll_window', entityType: 'opportunity', entityId: row.id, summary: 'Dates indicatives de la prochaine édition calculées', after: next }, clock);
    });
    rolled += 1;
  }
  return rolled;
}

/** One email a day to each moderator and admin, only when something needs their eyes. */
export async function emailModerators(db: Database, clock: Clock, mailer: Mailer, publicUrl: string): Promise<number> {
  const now = clock.now();
  const day = parisDate(now);
  const figures = await dashboardFigures(db, day, now);
  if (!needsAttention(figures)) return 0;
  const staff = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.role, ['moderator', 'admin']));
  const content = moderationDailyEmail(figures, publicUrl);
  const ids: (number | null)[] = [];
  for (const person of staff) {
    ids.push(await queueEmail(db, { idempotencyKey: `moderation-daily:${person.id}:${day}`, recipient: person.email, purpose: 'moderation_daily', ...content }));
  }
  await mailer.dispatch(ids);
  return ids.filter((id) => id !== null).length;
}

export function setUpFreshnessJob(app: FastifyInstance): void {
  app.jobs.define({
    name: FRESHNESS_JOB,
    cron: '30 6 * * *',
    handle: async () => {
      await rollEstimatedWindows(app.db, app.clock);
      await emailModerators(app.db, app.clock, app.mailer, app.config.publicUrl);
    },
  });
}

