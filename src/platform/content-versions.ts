import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';

/**
 * Reads the versions of public content (bumped by database triggers on every write). Derived
 * data kept in memory is valid while the version it was built from is current. A short
 * time-to-live spares a query per request; 0 reads the database every time (tests).
 */
export interface ContentVersions {
  /** "catalogue:12,resources:3": changes whenever any public content changes. */
  all(): Promise<string>;
  of(name: string): Promise<number>;
}

export function createContentVersions(db: Database, options: { ttlMs: number }): ContentVersions {
  let cached: { at: number; versions: Map<string, number> } | null = null;
  let pending: Promise<Map<string, number>> | null = null;

  async function load(): Promise<Map<string, number>> {
    if (cached && Date.now() - cached.at < options.ttlMs) return cached.versions;
    // Concurrent requests share one read.
    pending ??= queryRows<{ name: string; version: string | number }>(db, sql`SELECT name, version FROM content_versions ORDER BY name`)
      .then((rows) => {
        const versions = new Map(rows.map((row) => [row.name, Number(row.version)]));
        cached = { at: Date.now(), versions };
        return versions;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  return {
    async all() {
      return [...(await load()).entries()].map(([name, version]) => `${name}:${version}`).join(',');
    },
    async of(name) {
      return (await load()).get(name) ?? 0;
    },
  };
}
