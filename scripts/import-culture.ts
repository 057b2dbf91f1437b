// npm run import:culture               — imports from the Ministry's API (CULTURE_API_URL)
// npm run import:culture -- --file p.json — imports one recorded page ({ count, results })
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { type PageFetcher, httpPageFetcher, runCultureImport } from '../src/features/imports/culture-gouv.import.ts';
import { systemClock } from '../src/platform/clock.ts';

const { values } = parseArgs({ options: { file: { type: 'string' } } });
const config = loadConfig();
const fromFile = (path: string): PageFetcher => async (offset) => {
  if (offset > 0) return { count: 0, results: [] };
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Fichier illisible ou JSON invalide : ${(error as Error).message}`);
  }
};
const database = await openMigratedDatabase(config);
try {
  const report = await runCultureImport(database.db, values.file ? fromFile(values.file) : httpPageFetcher(config.cultureApiUrl), systemClock);
  console.info(`Import terminé : ${report.created} nouvelles (à relire), ${report.updated} mises à jour, ${report.unchanged} inchangées, ${report.skipped} écartées.`);
  for (const [reason, count] of Object.entries(report.skippedReasons)) console.info(`  écartées — ${reason} : ${count}`);
} catch (error) {
  console.error(`Import interrompu : ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
