import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_MESSAGES, ErrorPage } from '../../ui/error-page.tsx';
import { AppError } from './errors.ts';
import { ASSETS_VERSION } from './static-assets.ts';
import type { PageContext } from '../../ui/page-context.ts';

// Connection-level failures of the database: the service is unavailable, not broken.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === 'string' && /Connection terminated|connect ECONNREFUSED|terminating connection/.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}

export function statusCodeOf(error: unknown): number {
  if (error instanceof AppError) return error.statusCode;
  if (isDatabaseUnavailable(error)) return 503;
  const statusCode = (error as FastifyError).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600) return statusCode;
  return 500;
}

// An error raised before the request's context exists still gets a proper page.
function safePageContext(request: FastifyRequest): PageContext {
  try {
    return request.pageContext();
  } catch {
    return { path: request.url.split('?')[0] ?? '/', csrfToken: () => '', assetsVersion: ASSETS_VERSION, publicUrl: request.server.config.publicUrl, analytics: request.server.config.analytics, user: null };
  }
}

function sendError(request: FastifyRequest, reply: FastifyReply, statusCode: number, detail?: string, publicMessage?: string, advice?: string) {
  const generic = ERROR_MESSAGES[statusCode] ?? (statusCode < 500 ? ERROR_MESSAGES[400]! : ERROR_MESSAGES[500]!);
  const messages = advice ? { ...generic, advice } : generic;
  if (statusCode === 503) reply.header('retry-after', '30');
  // The open API answers in JSON, with the same { error } shape as its documented 404.
  if (request.url.startsWith('/api/')) {
    return reply.code(statusCode).type('application/json; charset=utf-8').send({ error: publicMessage ?? messages.title });
  }
  return reply.view(<ErrorPage ctx={safePageContext(request)} statusCode={statusCode} {...messages} detail={detail} />, statusCode);
}

export function registerErrorHandling(app: FastifyInstance, options: { isProduction: boolean }): void {
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404));
  app.setErrorHandler((error, request, reply) => {
    const statusCode = statusCodeOf(error);
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: (error as FastifyError).code, statusCode }, 'request refused');
    }
    // Never a stack trace in production; in development it saves a trip to the logs.
    const detail = !options.isProduction && statusCode >= 500 && error instanceof Error ? error.stack : undefined;
    // A refusal we raised ourselves says why; anything else keeps its generic title.
    const publicMessage = error instanceof AppError && statusCode < 500 ? error.message : undefined;
    const advice = error instanceof AppError && statusCode < 500 ? error.advice : undefined;
    return sendError(request, reply, statusCode, detail, publicMessage, advice);
  });
}
