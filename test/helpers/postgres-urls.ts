// Test databases live beside the one named in DATABASE_URL, on the same server.
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The server's maintenance connection (CREATE/DROP DATABASE cannot run in the target itself). */
export function adminUrl(url: string): string {
  return withDatabase(url, 'postgres');
}
