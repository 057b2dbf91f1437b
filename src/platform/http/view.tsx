import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { PageContext } from '../../ui/page-context.ts';
import type { PageCache } from './page-cache.ts';
import { ASSETS_VERSION } from './static-assets.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** A CSRF token went into this page: it belongs to one visitor and must not be shared. */
    csrfTokenIssued: boolean;
  }
}

export function renderDocument(page: VNode): string {
  // render() gives no doctype; without it browsers fall back to quirks mode.
  return `<!DOCTYPE html>${renderToString(page)}`;
}

export function registerViews(app: FastifyInstance, pageCache: PageCache): void {
  // Replaced on every request by the onRequest hook below (it needs that request's reply).
  app.decorateRequest('pageContext', function unboundPageContext(): PageContext {
    throw new Error('pageContext() is only available once the request has started');
  });
  app.decorateRequest('csrfTokenIssued', false);
  app.decorateReply('view', function (page: VNode, statusCode = 200) {
    return pageCache.sendHtml(this.request, this, renderDocument(page), statusCode);
  });
  app.decorateReply('sendShared', function (text: string, contentType: string) {
    return pageCache.sendText(this.request, this, text, contentType);
  });
  app.addHook('onRequest', async (request, reply) => {
    let token: string | undefined;
    const context: PageContext = {
      path: request.url.split('?')[0] ?? '/',
      // Generated on first use only: pages without a form set no cookie.
      csrfToken: () => {
        request.csrfTokenIssued = true;
        return (token ??= reply.issueCsrfToken());
      },
      assetsVersion: ASSETS_VERSION,
      publicUrl: app.config.publicUrl,
      analytics: app.config.analytics,
      // Read when the page renders: the session is loaded after this hook.
      get user() {
        const user = request.currentUser;
        if (!user) return null;
        return { label: user.displayName ?? user.email, isStaff: user.role === 'moderator' || user.role === 'admin' };
      },
    };
    request.pageContext = () => context;
  });
}
