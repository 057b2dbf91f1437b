// npm run db:seed — (re)loads the real opportunities and the service's resources (idempotent).
import { openMigratedDatabase, seedAll } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createDiskStorage } from '../src/platform/storage.ts';

const config = loadConfig();
const database = await openMigratedDatabase(config);
try {
  const report = await seedAll(database, createDiskStorage(config.storageDir), systemClock);
  console.info(`Aides : ${report.opportunities.inserted} ajoutées, ${report.opportunities.updated} mises à jour. Ressources : ${report.resources.inserted} ajoutées, ${report.resources.updated} mises à jour (base ${database.driver}).`);
} finally {
  await database.close();
}
