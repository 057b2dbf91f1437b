import type { Config } from './config.ts';
import { type DatabaseHandle, databaseOptionsFromConfig, openDatabase } from './db/client.ts';
import { migrateDatabase, pendingMigrations } from './db/migrate.ts';
import { countAllOpportunities } from './features/opportunities/opportunities.queries.ts';
import { seedOpportunities } from './features/opportunities/seed.commands.ts';
import type { Clock } from './platform/clock.ts';
import type { Storage } from './platform/storage.ts';
import { seedResources } from './features/resources/resource-seed.commands.ts';
import { countParityOrganizations, seedParity } from './features/parity/parity-seed.commands.ts';

/**
 * Opens the configured database and brings its schema up to date: always for the embedded
 * database, and for PostgreSQL unless a release step does it (MIGRATE_ON_START=false), in which
 * case readiness (/sante/pret) stays 503 until the schema is current.
 */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase(databaseOptionsFromConfig(config));
  if (handle.driver === 'pglite' || config.migrateOnStart) {
    await migrateDatabase(handle);
  } else {
    const pending = await pendingMigrations(handle.db);
    if (pending > 0) console.warn(`${pending} migration(s) en attente : lancez « npm run db:migrate » (le service n’est pas prêt d’ici là).`);
  }
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
