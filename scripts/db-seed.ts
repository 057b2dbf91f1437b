// npm run db:seed — (re)loads the real opportunities, the service's resources and the parity reference figures (idempotent).
import { openMigratedDatabase, seedAll } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createDiskStorage } from '../src/platform/storage.ts';

const config = loadConfig();
const database = await openMigratedDatabase(config);
try {
  const report = await seedAll(database, createDiskStorage(config.storageDir), systemClock);
  console.info(`Aides : ${report.opportunities.inserted} ajoutées, ${report.opportunities.updated} mises à jour. Ressources : ${report.resources.inserted} ajoutées, ${report.resources.updated} mises à jour. Index de la parité : ${report.parity.organizationsInserted} organisations et ${report.parity.figuresInserted} chiffres ajoutés (base ${database.driver}).`);
  for (const error of report.parity.errors) console.warn(`${error.file}, ligne ${error.line} : ${error.message}`);
} finally {
  await database.close();
}
