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

export const LOAD_SETTINGS = { connections: 20, durationSeconds: Number(process.env.BENCH_SECONDS ?? 10) } as const;

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

/** Regressions are judged against the previous report (same section and path): over 20 % slower is flagged. */
export const REGRESSION_THRESHOLD = 0.2;

export function formatTable(driver: string, results: LoadResult[], baseline: LoadResult, previous: ReadonlyMap<string, number> = new Map()): string {
  const lines = [
    `### ${driver} — ${LOAD_SETTINGS.connections} connexions, ${LOAD_SETTINGS.durationSeconds} s par page`,
    '',
    '| page | chemin | req/s | p50 (ms) | p99 (ms) | / référence | erreurs | évolution |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const result of results) {
    const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
    const before = previous.get(`${driver}|${result.path}`);
    const change = before ? (result.requestsPerSecond - before) / before : null;
    const evolution = change === null ? 'nouveau' : `${change >= 0 ? '+' : ''}${(change * 100).toFixed(0)} %${change < -REGRESSION_THRESHOLD ? ' ⚠' : ''}`;
    lines.push(`| ${result.name} | \`${result.path}\` | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} | ${result.p99} | ${(ratio * 100).toFixed(1)} % | ${result.errors} | ${evolution} |`);
  }
  return lines.join('\n');
}
