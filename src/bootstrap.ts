import type { Config } from './config.ts';
import { type DatabaseHandle, databaseOptionsFromConfig, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { countAllOpportunities } from './features/opportunities/opportunities.queries.ts';
import { seedOpportunities } from './features/opportunities/seed.commands.ts';
import type { Clock } from './platform/clock.ts';

/** Opens the configured database and brings its schema up to date (every start). */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase(databaseOptionsFromConfig(config));
  await migrateDatabase(handle);
  return handle;
}

/** A newcomer's first start: an empty catalogue is filled with the real seed data. */
export async function seedIfEmpty(handle: DatabaseHandle, clock: Clock): Promise<boolean> {
  if ((await countAllOpportunities(handle.db)) > 0) return false;
  await seedOpportunities(handle.db, clock);
  return true;
}
