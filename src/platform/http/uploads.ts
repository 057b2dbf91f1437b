import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

export interface UploadedFile {
  fileName: string;
  declaredType: string;
  content: Buffer;
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Forms with a file are read whole into memory (bounded): fields become ordinary body values, so
 * the CSRF check and the zod schemas work the same, and each file becomes an UploadedFile.
 * A file over the limit is refused with 413 before the handler runs.
 */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 2, fields: 200, fieldSize: 200_000, parts: 210 },
    async onFile(part) {
      const content = await part.toBuffer();
      const file: UploadedFile = { fileName: part.filename, declaredType: part.mimetype, content };
      part.value = file;
    },
  });
}

/** The file sent in this field, or null when the person chose none. */
export function uploadedFile(body: unknown, field: string): UploadedFile | null {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (!value || typeof value !== 'object' || !('content' in value)) return null;
  const file = value as UploadedFile;
  return file.content.length === 0 && !file.fileName ? null : file;
}
