import type { FastifyServerOptions } from 'fastify';

// Only what helps to operate the service: no IP addresses, no cookies, no query strings
// (they may hold an email address or a token), no token-like path segments.
const TOKEN_SEGMENT = /\/[A-Za-z0-9_-]{24,}(?=\/|$)/g;

export function sanitizeUrlForLogs(url: string): string {
  const path = url.split('?')[0] ?? '/';
  return path.replace(TOKEN_SEGMENT, '/[jeton]');
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.email', '*.token', '*.password'],
      censor: '[masqué]',
    },
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: sanitizeUrlForLogs(request.url) }),
    },
  };
}
