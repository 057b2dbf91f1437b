import { z } from 'zod';
import { ORGANIZATION_TYPES, type ParityOrganizationRow } from '../../db/schema/index.ts';
import { safeExternalUrl } from '../../platform/urls.ts';
import { REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import { PARITY_NETWORKS } from './parity.vocabulary.ts';

const optionalText = (max: number) => z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string().max(max, `${max} caractères au plus.`)).transform((value) => value || null);
const optionalChoice = (values: readonly string[], message: string) =>
  z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().refine((value) => value === '' || values.includes(value), message)).transform((value) => value || null);

/** The team's form for an organisation of the index (its figures are corrected separately). */
export const organizationFormSchema = z.object({
  name: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string().min(2, 'Indiquez le nom.').max(200, '200 caractères au plus.')),
  type: z.enum(ORGANIZATION_TYPES, { error: 'Choisissez un type de la liste.' }),
  city: optionalText(120),
  region: optionalChoice(REGIONS, 'Choisissez une région de la liste.'),
  network: optionalChoice(PARITY_NETWORKS, 'Choisissez un réseau de la liste.'),
  website: optionalText(300).refine((value) => value === null || safeExternalUrl(value) !== null, 'Indiquez une adresse complète, commençant par https:// ou http://.'),
  parent: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string().max(120).regex(/^[a-z0-9-]*$/, 'Indiquez l’identifiant tel qu’il apparaît dans l’adresse de la page (lettres minuscules, chiffres et tirets).')).transform((value) => value || null),
});
export type OrganizationForm = z.infer<typeof organizationFormSchema>;

export function organizationFormValues(organization: ParityOrganizationRow, parentSlug: string | null): Record<string, string> {
  return {
    name: organization.name, type: organization.type, city: organization.city ?? '', region: organization.region ?? '', network: organization.network ?? '',
    website: organization.website ?? '', parent: parentSlug ?? '',
  };
}
