// npm run db:seed — (re)loads the real opportunities of data/seed/ into the configured database.
import { openMigratedDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { seedOpportunities } from '../src/features/opportunities/seed.commands.ts';
import { systemClock } from '../src/platform/clock.ts';

const config = loadConfig();
const database = await openMigratedDatabase(config);
try {
  const report = await seedOpportunities(database.db, systemClock);
  console.info(`Aides : ${report.inserted} ajoutées, ${report.updated} mises à jour (base ${database.driver}).`);
} finally {
  await database.close();
}
