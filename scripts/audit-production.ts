// npm run audit:prod — the production dependencies must have no high or critical advisory.
// When the registry's advisory service cannot be reached (this workplace's registry mirror
// answers 405 to it), the audit cannot conclude: that is said loudly, with the reason, and the
// step does not pretend to have passed or failed on the code's account.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: { metadata?: { vulnerabilities?: Record<string, number> }; statusCode?: number; message?: string; error?: { summary?: string } };
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  console.error(`npm audit a répondu autre chose que du JSON :\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
const counts = report.metadata?.vulnerabilities;
if (counts) {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.info(`npm audit (dépendances de production) : ${JSON.stringify(counts)}`);
  if (serious > 0) {
    console.error(`${serious} vulnérabilité(s) haute(s) ou critique(s) : voir \`npm audit --omit=dev\`.`);
    process.exit(1);
  }
  process.exit(0);
}
const reason = report.message ?? report.error?.summary ?? 'réponse inattendue';
console.warn(`AUDIT NON CONCLUANT : le service d’alertes du registre n’a pas répondu (${reason}). Justification : ce poste n’atteint que le miroir du registre, sans service d’audit ; lancer \`npm audit --omit=dev\` sur un poste relié à registry.npmjs.org.`);
