import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { PageContext } from '../../ui/page-context.ts';
import { ASSETS_VERSION } from './static-assets.ts';

export function renderDocument(page: VNode): string {
  // render() gives no doctype; without it browsers fall back to quirks mode.
  return `<!DOCTYPE html>${renderToString(page)}`;
}

export function registerViews(app: FastifyInstance): void {
  // Replaced on every request by the onRequest hook below (it needs that request's reply).
  app.decorateRequest('pageContext', function unboundPageContext(): PageContext {
    throw new Error('pageContext() is only available once the request has started');
  });
  app.decorateReply('view', function (page: VNode, statusCode = 200) {
    return this.code(statusCode).type('text/html; charset=utf-8').send(renderDocument(page));
  });
  app.addHook('onRequest', async (request, reply) => {
    let token: string | undefined;
    const context: PageContext = {
      path: request.url.split('?')[0] ?? '/',
      // Generated on first use only: pages without a form set no cookie.
      csrfToken: () => (token ??= reply.generateCsrf()),
      assetsVersion: ASSETS_VERSION,
    };
    request.pageContext = () => context;
  });
}
