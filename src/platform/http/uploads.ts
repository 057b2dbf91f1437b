import multipart, { type Multipart, type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError, BadRequestError } from './errors.ts';
import { cleanInput, cleanText } from './input-cleaning.ts';

export interface UploadedFile {
  fileName: string;
  declaredType: string;
  content: Buffer;
}

/** What a route that takes files accepts: its file fields and the size of each file. */
export interface UploadRule {
  /** Names of the file inputs of the form; any other file is refused. */
  files: readonly string[];
  maxFileBytes: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Only routes with this setting accept a multipart body; every other route answers 415. */
    upload?: UploadRule;
  }
}

export const MEGABYTE = 1024 * 1024;
const FIELD_LIMITS = { fields: 200, fieldSize: 200_000, parts: 210 } as const;

/** The multipart reading left for after the CSRF and session checks: the first file part, not yet read. */
interface PendingUpload {
  parts: AsyncIterator<Multipart>;
  first: MultipartFile;
}
const pendingUploads = new WeakMap<FastifyRequest, PendingUpload>();

const isMultipartRequest = (request: FastifyRequest) => /^multipart\//i.test(String(request.headers['content-type'] ?? ''));
const megabytes = (bytes: number) => `${Math.round(bytes / MEGABYTE)} Mo`;

function tooLarge(rule: UploadRule): AppError {
  return new AppError('file_too_large', 413, 'Fichier trop volumineux', {
    advice: `Un fichier ne peut pas dépasser ${megabytes(rule.maxFileBytes)} ici. Revenez en arrière, choisissez un fichier plus léger (un PDF compressé, par exemple) et envoyez à nouveau le formulaire.`,
  });
}

/** Whatever the multipart parser refuses is about the body sent: a French 4xx, never a 500. */
function refusalOf(error: unknown, rule: UploadRule): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') return tooLarge(rule);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('too_many_fields', 413, 'Formulaire trop volumineux');
  return new BadRequestError('Envoi incomplet ou mal formé');
}

function addValue(body: Record<string, unknown>, name: string, value: unknown) {
  const existing = body[name];
  if (existing === undefined) body[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else body[name] = [existing, value];
}

async function nextPart(parts: AsyncIterator<Multipart>, rule: UploadRule): Promise<Multipart | null> {
  try {
    const { value, done } = await parts.next();
    return done ? null : value;
  } catch (error) {
    throw refusalOf(error, rule);
  }
}

/**
 * Forms with files are read in two steps, so that nothing large is held before the request is
 * known to be legitimate:
 * 1. (preValidation) the fields that come before the first file — the CSRF token is the form's
 *    first field — become the body; the file is left unread, and the socket stops feeding
 *    the parser (back-pressure);
 * 2. (last preHandler of the route, after the CSRF check, the session and the route's own
 *    guards) the files are read within the route's limit, and later fields join the body.
 * A multipart body sent to any other route is refused with 415 when the request arrives, before a
 * byte of it is read. A refused request whose body was not read is answered with
 * `Connection: close`, so the rest of the upload is not read either.
 */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { ...FIELD_LIMITS, files: 1 } });

  app.addHook('onRequest', async (request) => {
    if (isMultipartRequest(request) && !request.routeOptions.config.upload) {
      throw new AppError('unsupported_media_type', 415, 'Format non pris en charge');
    }
  });

  app.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config.upload;
    if (!rule || !request.isMultipart()) return;
    const parts = request.parts({ limits: { ...FIELD_LIMITS, files: rule.files.length, fileSize: rule.maxFileBytes } })[Symbol.asyncIterator]();
    const body: Record<string, unknown> = {};
    for (let part = await nextPart(parts, rule); part; part = await nextPart(parts, rule)) {
      if (part.type === 'file') {
        pendingUploads.set(request, { parts, first: part });
        break;
      }
      addValue(body, part.fieldname, part.value);
    }
    request.body = body;
  });

  app.addHook('onSend', async (request, reply) => {
    if (pendingUploads.has(request) || (isMultipartRequest(request) && !request.routeOptions.config.upload)) void reply.header('connection', 'close');
  });

  app.addHook('onRoute', (route) => {
    if (!route.config?.upload) return;
    const existing = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [...existing, readFiles as preHandlerAsyncHookHandler];
  });
}

/** Step 2: only for a signed-in person whose CSRF token was accepted (the hooks before this one). */
async function readFiles(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const pending = pendingUploads.get(request);
  if (!pending) return;
  if (!request.currentUser) throw new AppError('unauthorized', 401, 'Connexion nécessaire');
  const rule = request.routeOptions.config.upload!;
  const body = { ...(request.body as Record<string, unknown>) };
  const late: Record<string, unknown> = {};
  for (let part: Multipart | null = pending.first; part; part = await nextPart(pending.parts, rule)) {
    if (part.type === 'field') {
      addValue(late, part.fieldname, part.value);
      continue;
    }
    if (!rule.files.includes(part.fieldname) || body[part.fieldname] !== undefined) throw new BadRequestError('Fichier inattendu');
    let content: Buffer;
    try {
      content = await part.toBuffer();
    } catch (error) {
      throw refusalOf(error, rule);
    }
    body[part.fieldname] = { fileName: cleanText(part.filename), declaredType: cleanText(part.mimetype), content } satisfies UploadedFile;
  }
  pendingUploads.delete(request);
  // Fields after a file are cleaned like every other input (NUL, lone surrogates).
  for (const [name, value] of Object.entries(cleanInput(late) as Record<string, unknown>)) {
    for (const item of [value].flat()) addValue(body, name, item);
  }
  request.body = body;
}

/** The file sent in this field, or null when the person chose none. */
export function uploadedFile(body: unknown, field: string): UploadedFile | null {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (!value || typeof value !== 'object' || !('content' in value) || !Buffer.isBuffer(value.content)) return null;
  const file = value as UploadedFile;
  return file.content.length === 0 && !file.fileName ? null : file;
}
