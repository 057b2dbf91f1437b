/** The URL itself when it is an absolute http(s) address, otherwise null (javascript:, data:…). */
export function safeExternalUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Host name shown to people so they know where a link leads ("www.cnap.fr"). */
export function displayHost(value: string): string {
  try {
    return new URL(value).host;
  } catch {
    return value;
  }
}
