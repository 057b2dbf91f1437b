import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface Scenario {
  name: string;
  path: string;
}

export const LOAD_SETTINGS = { connections: 20, durationSeconds: 10 } as const;

// Browsers ask for compressed pages; so do we, to measure what a visitor costs.
const HEADERS = { 'accept-encoding': 'gzip', 'accept-language': 'fr-FR' };

export async function runLoad(baseUrl: string, scenario: Scenario): Promise<LoadResult> {
  // A short warm-up so the JIT and the database caches are in their working state.
  await autocannon({ url: `${baseUrl}${scenario.path}`, connections: 4, amount: 200, headers: HEADERS });
  const result = await autocannon({
    url: `${baseUrl}${scenario.path}`,
    connections: LOAD_SETTINGS.connections,
    duration: LOAD_SETTINGS.durationSeconds,
    headers: HEADERS,
  });
  return {
    name: scenario.name,
    path: scenario.path,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

export function formatTable(driver: string, results: LoadResult[], baseline: LoadResult): string {
  const lines = [
    `### ${driver} — ${LOAD_SETTINGS.connections} connexions, ${LOAD_SETTINGS.durationSeconds} s par page`,
    '',
    '| page | chemin | req/s | p50 (ms) | p99 (ms) | / référence | erreurs |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const result of results) {
    const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
    lines.push(`| ${result.name} | \`${result.path}\` | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} | ${result.p99} | ${(ratio * 100).toFixed(1)} % | ${result.errors} |`);
  }
  return lines.join('\n');
}
