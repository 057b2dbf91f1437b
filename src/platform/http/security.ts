import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

// A strict Content-Security-Policy: scripts and styles only from our own origin, nothing
// inline, no framing. Any third party (video player, analytics) must be added here on purpose.
export async function registerSecurityHeaders(app: FastifyInstance, isProduction: boolean, analyticsOrigin: string | null = null): Promise<void> {
  // The audience-measurement server, only when one is configured: its script and its hits.
  const analytics = analyticsOrigin ? [analyticsOrigin] : [];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...analytics],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', ...analytics],
        'font-src': ["'self'"],
        'connect-src': ["'self'", ...analytics],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(isProduction ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // HSTS only where the site is served over HTTPS for real.
    strictTransportSecurity: isProduction ? { maxAge: 63_072_000, includeSubDomains: true, preload: false } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
