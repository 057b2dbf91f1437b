import { safeExternalUrl } from '../../platform/urls.ts';

export interface UrlCheck {
  isBroken: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface CheckOptions {
  timeoutMs: number;
  maxRedirects: number;
  fetchImpl?: typeof fetch;
}

const USER_AGENT = 'ElleFontLaCulture-verification-liens/1.0 (+https://ellesfontlaculture.culture.gouv.fr)';

async function request(url: string, method: 'HEAD' | 'GET', options: CheckOptions): Promise<Response> {
  const response = await (options.fetchImpl ?? fetch)(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: { 'user-agent': USER_AGENT, accept: 'text/html,*/*;q=0.8' },
  });
  // Only the status matters: the body is not read (and not downloaded).
  await response.body?.cancel().catch(() => undefined);
  return response;
}

/**
 * HEAD first (cheap for the site), GET when HEAD is refused; redirects followed by hand, to a
 * limit, and only towards http(s) addresses. Broken: an error status, a timeout, no answer.
 */
export async function checkUrl(url: string, options: CheckOptions): Promise<UrlCheck> {
  let current = url;
  for (let hop = 0; hop <= options.maxRedirects; hop += 1) {
    let response: Response;
    try {
      response = await request(current, 'HEAD', options);
      if (response.status === 405 || response.status === 501 || response.status === 403) response = await request(current, 'GET', options);
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      return { isBroken: true, statusCode: null, error: timedOut ? 'délai dépassé' : 'pas de réponse' };
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      const next = safeExternalUrl(new URL(response.headers.get('location')!, current).toString());
      if (!next) return { isBroken: true, statusCode: response.status, error: 'redirection vers une adresse invalide' };
      current = next;
      continue;
    }
    return { isBroken: response.status >= 400, statusCode: response.status, error: null };
  }
  return { isBroken: true, statusCode: null, error: 'trop de redirections' };
}
