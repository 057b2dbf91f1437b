/**
 * What a file is, decided by its content and never by its name: a renamed executable stays an
 * executable. Only the formats the platform accepts are recognised.
 */
export type DocumentKind = 'pdf' | 'odt';

export const DOCUMENT_MIME_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
};

export function detectDocumentKind(content: Buffer): DocumentKind | null {
  if (content.length >= 5 && content.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  // An OpenDocument file is a zip whose first entry, stored uncompressed, is "mimetype".
  if (content.length > 80 && content.readUInt32LE(0) === 0x04034b50 && content.subarray(30, 38).toString('latin1') === 'mimetype'
    && content.subarray(38, 38 + DOCUMENT_MIME_TYPES.odt.length).toString('latin1') === DOCUMENT_MIME_TYPES.odt) return 'odt';
  return null;
}

/** A file name safe to show and to offer for download: no path, no control characters. */
export function sanitizeFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '').slice(0, 100);
  return cleaned || fallback;
}
