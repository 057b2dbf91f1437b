// npm run db:restore -- --depuis dossier --oui — replaces the database and the stored files with
// a backup's, then checks every table's row count against the backup's manifest.
// Stop the server first. Destructive: asks for --oui.
import { ConfigError, loadConfig } from '../src/config.ts';
import { restore } from '../src/platform/backup/backup.ts';

try {
  const config = loadConfig();
  const index = process.argv.indexOf('--depuis');
  const source = index > 0 ? process.argv[index + 1] : undefined;
  if (!source) throw new Error('indiquez la sauvegarde : npm run db:restore -- --depuis backups/<date> --oui');
  if (!process.argv.includes('--oui')) throw new Error('la restauration remplace toute la base et les fichiers : ajoutez --oui pour confirmer');
  const { manifest, counts } = await restore(config, source);
  const differences = Object.entries(manifest.rowCounts).filter(([table, count]) => counts[table] !== count);
  if (differences.length > 0) {
    console.error(`Restauration incomplète : ${differences.map(([table, count]) => `${table} ${counts[table] ?? 'absente'} au lieu de ${count}`).join(', ')}`);
    process.exit(1);
  }
  console.info(`Restauration terminée depuis ${source} (sauvegarde du ${manifest.createdAt}) : ${Object.keys(counts).length} tables vérifiées, toutes au même nombre de lignes.`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Échec de la restauration : ${(error as Error).message}`);
  process.exit(1);
}
