import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { csrfTokenFrom } from './html.ts';

/**
 * A visitor for route tests: keeps its cookies between requests and fills CSRF tokens the way a
 * browser would, from the page that holds the form.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly app: FastifyInstance, readonly ip = '203.0.113.7') {}

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    if (String(response.headers['content-type'] ?? '').startsWith('text/html')) this.lastPage = response.body;
    return response;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, remoteAddress: this.ip, headers: { cookie: this.cookieHeader, ...headers } }));
  }

  /** Posts a multipart form (with files), the CSRF token taken from `page`. */
  async postMultipart(url: string, fields: Record<string, string | string[]>, files: Record<string, { fileName: string; type: string; content: Buffer }>, options: { page?: string } = {}) {
    if (options.page) await this.get(options.page);
    const boundary = '----eflc-test-boundary';
    const parts: Buffer[] = [];
    const field = (name: string, value: string) => parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    field('_csrf', csrfTokenFrom(this.lastPage));
    for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) field(name, item);
    for (const [name, file] of Object.entries(files)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.remember(
      await this.app.inject({
        method: 'POST', url, remoteAddress: this.ip, payload: Buffer.concat(parts),
        headers: { cookie: this.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
      }),
    );
  }

  /** Posts a form. The CSRF token comes from `page` (fetched first) unless `csrf: false`. */
  async post(url: string, fields: Record<string, string | string[]>, options: { page?: string; csrf?: boolean } = {}) {
    const body = new URLSearchParams();
    if (options.csrf !== false) {
      if (options.page) await this.get(options.page);
      body.append('_csrf', csrfTokenFrom(this.lastPage));
    }
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    );
  }
}
