import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { Clock } from './clock.ts';
import { hashToken } from './tokens.ts';

/**
 * Fixed-window counters in the database, so a limit holds across every process. Keys are
 * hashed: an email address or an IP address used as a key is never stored in clear.
 */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one attempt; false when the limit of the current window is exceeded. */
  consume(key: string, rule: RateLimit): Promise<boolean>;
}

export function createRateLimiter(db: Database, clock: Clock): RateLimiter {
  return {
    async consume(key, rule) {
      const now = clock.now().getTime();
      const windowStart = new Date(Math.floor(now / (rule.windowSeconds * 1000)) * rule.windowSeconds * 1000);
      const [row] = await queryRows<{ hits: number }>(db, sql`
        INSERT INTO rate_limit_hits (key, window_start, hits) VALUES (${hashToken(key)}, ${windowStart.toISOString()}, 1)
        ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
        RETURNING hits`);
      return Number(row?.hits ?? 0) <= rule.limit;
    },
  };
}

/** Old windows are useless once over; a scheduled job deletes them. */
export async function purgeRateLimitWindows(db: Database, clock: Clock): Promise<void> {
  const dayAgo = new Date(clock.now().getTime() - 86_400_000).toISOString();
  await db.execute(sql`DELETE FROM rate_limit_hits WHERE window_start < ${dayAgo}`);
}
