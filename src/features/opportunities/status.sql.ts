import { sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../platform/dates.ts';
import { CLOSING_SOON_DAYS } from './status.ts';

/**
 * The status rule of status.ts written in SQL, for filtering, counting and sorting inside the
 * database. Keep both in step: status.sql.test.ts compares them on many cases.
 * Expects the opportunity aliased "o"; adds the columns of alias "w".
 */
export function windowSummaryJoin(today: IsoDate): SQL {
  return sql`LEFT JOIN LATERAL (
    SELECT
      min(ow.closes_on) FILTER (WHERE (ow.opens_on IS NULL OR ow.opens_on <= ${today}::date) AND ow.closes_on >= ${today}::date) AS current_close,
      min(ow.opens_on) FILTER (WHERE ow.opens_on > ${today}::date) AS next_open,
      min(ow.closes_on) FILTER (WHERE ow.opens_on > ${today}::date) AS next_close,
      count(*) AS window_count
    FROM opportunity_windows ow
    WHERE ow.opportunity_id = o.id
  ) AS w ON true`;
}

export function catalogueStatusExpression(today: IsoDate): SQL {
  return sql`CASE
    WHEN o.is_permanent OR o.recurrence = 'permanent' THEN 'permanent'
    WHEN w.current_close IS NOT NULL THEN
      CASE WHEN w.current_close - ${today}::date <= ${CLOSING_SOON_DAYS} THEN 'closing_soon' ELSE 'open' END
    WHEN w.next_open IS NOT NULL THEN 'upcoming'
    WHEN w.window_count = 0 AND o.recurrence IN ('annual', 'biennial') THEN 'to_confirm'
    ELSE 'closed'
  END`;
}
