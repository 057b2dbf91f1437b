import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { safeExternalUrl } from '../../platform/urls.ts';

/**
 * The associations and helplines of the Entraide page: editorial content kept in
 * data/seed/resources/entraide.json, each entry with the public source it was checked against.
 */
const link = z.string().refine((value) => safeExternalUrl(value) !== null, 'adresse https attendue');
const entraideSchema = z.object({
  associations: z.array(z.object({ name: z.string(), description: z.string(), url: link, source: link })),
  helplines: z.array(z.object({ name: z.string(), number: z.string().nullable(), url: link.nullable(), description: z.string(), hours: z.string().nullable(), source: link })),
});

export type EntraideData = z.infer<typeof entraideSchema>;

let cached: EntraideData | null = null;

export function entraideData(): EntraideData {
  cached ??= entraideSchema.parse(JSON.parse(readFileSync(new URL('../../../data/seed/resources/entraide.json', import.meta.url), 'utf8')));
  return cached;
}
