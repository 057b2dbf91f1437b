import type { Config } from './config.ts';
import { type DatabaseHandle, databaseOptionsFromConfig, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { countAllOpportunities } from './features/opportunities/opportunities.queries.ts';
import { seedOpportunities } from './features/opportunities/seed.commands.ts';
import type { Clock } from './platform/clock.ts';
import type { Storage } from './platform/storage.ts';
import { seedResources } from './features/resources/resource-seed.commands.ts';
import { countParityOrganizations, seedParity } from './features/parity/parity-seed.commands.ts';

/** Opens the configured database and brings its schema up to date (every start). */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase(databaseOptionsFromConfig(config));
  await migrateDatabase(handle);
  return handle;
}

/** A newcomer's first start: an empty catalogue is filled with the real seed data. */
export async function seedIfEmpty(handle: DatabaseHandle, storage: Storage, clock: Clock): Promise<boolean> {
  if ((await countAllOpportunities(handle.db)) === 0) {
    await seedAll(handle, storage, clock);
    return true;
  }
  // A database created before the Index de la parité existed gets its reference figures once.
  if ((await countParityOrganizations(handle.db)) === 0) {
    await seedParity(handle.db, clock);
    return true;
  }
  return false;
}

/** Everything the service ships with: the real opportunities, its own resources, the parity reference figures. */
export async function seedAll(handle: DatabaseHandle, storage: Storage, clock: Clock) {
  const opportunities = await seedOpportunities(handle.db, clock);
  const resources = await seedResources(handle.db, storage, clock);
  const parity = await seedParity(handle.db, clock);
  return { opportunities, resources, parity };
}
