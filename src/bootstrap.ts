import type { Config } from './config.ts';
import { type DatabaseHandle, databaseOptionsFromConfig, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { countAllOpportunities } from './features/opportunities/opportunities.queries.ts';
import { seedOpportunities } from './features/opportunities/seed.commands.ts';
import type { Clock } from './platform/clock.ts';
import type { Storage } from './platform/storage.ts';
import { seedResources } from './features/resources/resource-seed.commands.ts';

/** Opens the configured database and brings its schema up to date (every start). */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase(databaseOptionsFromConfig(config));
  await migrateDatabase(handle);
  return handle;
}

/** A newcomer's first start: an empty catalogue is filled with the real seed data. */
export async function seedIfEmpty(handle: DatabaseHandle, storage: Storage, clock: Clock): Promise<boolean> {
  if ((await countAllOpportunities(handle.db)) > 0) return false;
  await seedAll(handle, storage, clock);
  return true;
}

/** Everything the service ships with: the real opportunities, then its own resources. */
export async function seedAll(handle: DatabaseHandle, storage: Storage, clock: Clock) {
  const opportunities = await seedOpportunities(handle.db, clock);
  const resources = await seedResources(handle.db, storage, clock);
  return { opportunities, resources };
}
