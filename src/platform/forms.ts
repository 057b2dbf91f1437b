import type { z } from 'zod';

/** Field name -> message in French, shown beside the field and in the error summary. */
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/**
 * Strict parsing of a form body: only the schema's fields are read (anything else sent is
 * ignored — no mass assignment), and each problem is reported on its field.
 */
export function parseForm<Schema extends z.ZodType>(schema: Schema, body: unknown): FormResult<z.infer<Schema>> {
  const values = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'formulaire');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** A form value as text for re-displaying it after an error. */
export function valueOf(values: Record<string, unknown> | undefined, name: string): string {
  const value = values?.[name];
  if (Array.isArray(value)) return String(value[0] ?? '');
  return typeof value === 'string' ? value : '';
}

export function valuesOf(values: Record<string, unknown> | undefined, name: string): string[] {
  const value = values?.[name];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** An email address as the platform stores it (trimmed, lower case). */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}
