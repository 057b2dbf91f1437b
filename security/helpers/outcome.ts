import type { LightMyRequestResponse } from 'fastify';

/** What a request came to, in the terms of the authorisation matrix. */
export type Outcome = 'ok' | 'sign-in' | 'unauthorized' | 'hidden' | 'forbidden' | 'bad-request' | 'rate-limited' | 'server-error';

export function outcomeOf(response: LightMyRequestResponse): Outcome {
  const status = response.statusCode;
  if (status >= 500) return 'server-error';
  if (status === 303 || status === 302) return String(response.headers.location ?? '').startsWith('/connexion') ? 'sign-in' : 'ok';
  if (status < 400) return 'ok';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  if (status === 429) return 'rate-limited';
  return 'bad-request';
}
