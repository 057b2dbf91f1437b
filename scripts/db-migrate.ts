// npm run db:migrate — brings the database schema up to date, then exits: the release step of a
// deployment (Procfile `release`/`postdeploy`). Processes started together wait for each other
// (PostgreSQL advisory lock): the first applies the migrations, the others find nothing to do.
import '../src/platform/runtime/require-supported-node.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { databaseOptionsFromConfig, openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';

try {
  const config = loadConfig();
  const database = await openDatabase({ ...databaseOptionsFromConfig(config), ...(config.database.url ? { poolSize: 1 } : {}) });
  try {
    const report = await migrateDatabase(database);
    const waited = report.waited ? ' après avoir attendu une autre migration en cours' : '';
    console.info(report.applied === 0
      ? `Schéma déjà à jour (${report.total} migrations, base ${database.driver})${waited}.`
      : `Schéma mis à jour : ${report.applied} migration${report.applied > 1 ? 's' : ''} appliquée${report.applied > 1 ? 's' : ''} sur ${report.total} (base ${database.driver})${waited}.`);
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Échec de la migration : ${(error as Error).message}`);
  process.exit(1);
}
