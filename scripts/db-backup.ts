// npm run db:backup [-- --vers dossier] — saves the database and the stored files in one folder
// (backups/<date> by default), with a manifest of row counts.
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import { backUp } from '../src/platform/backup/backup.ts';

try {
  const config = loadConfig();
  const index = process.argv.indexOf('--vers');
  const now = new Date();
  const target = index > 0 && process.argv[index + 1] ? process.argv[index + 1]! : join('backups', now.toISOString().replace(/[:.]/g, '-'));
  const manifest = await backUp(config, target, now);
  const rows = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0);
  console.info(`Sauvegarde écrite dans ${target} : base ${manifest.driver} (${rows} lignes dans ${Object.keys(manifest.rowCounts).length} tables)${manifest.files ? ', fichiers' : ''}.`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Échec de la sauvegarde : ${(error as Error).message}`);
  process.exit(1);
}
