import { z } from 'zod';
import { COMMISSIONER_TYPES, DIRECTORY_FIELDS, FIELD_AUDIENCES, REVIEW_LANGUAGES } from '../../db/schema/index.ts';
import { safeExternalUrl } from '../../platform/urls.ts';
import { DISCIPLINES, REGIONS } from '../opportunities/opportunity.vocabulary.ts';

const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).filter((item): item is string => typeof item === 'string');
const trimmed = (max: number) => z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : ''), z.string().max(max, `${max.toLocaleString('fr-FR')} caractères au plus.`));
const optional = (max: number) => trimmed(max).transform((value) => value || null);
const audience = z.preprocess((value) => (value === undefined || value === '' ? 'private' : value), z.enum(FIELD_AUDIENCES, { error: 'Choisissez qui peut voir ce champ.' }));

export const directoryProfileSchema = z.object({
  listed: z.preprocess((value) => value === 'oui', z.boolean()),
  displayName: trimmed(80).pipe(z.string().min(2, 'Indiquez le nom sous lequel vous voulez apparaître.')),
  nameAudience: z.preprocess((value) => (value === undefined || value === '' ? 'commissioners' : value), z.enum(['commissioners', 'public'], { error: 'Choisissez qui peut voir votre nom.' })),
  pronouns: optional(40),
  region: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().refine((value) => value === '' || (REGIONS as readonly string[]).includes(value), 'Choisissez une région de la liste.')).transform((value) => value || null),
  specialties: z.preprocess(list, z.array(z.enum(DISCIPLINES, { error: 'Choisissez des pratiques de la liste.' })).max(10)),
  languages: z.preprocess(list, z.array(z.enum(REVIEW_LANGUAGES, { error: 'Choisissez des langues de la liste.' })).max(7)),
  bio: optional(1500),
  website: optional(300).refine((value) => value === null || safeExternalUrl(value) !== null, 'Indiquez une adresse complète commençant par https://, ou laissez vide.'),
  availableForCommissions: z.preprocess((value) => value === 'oui', z.boolean()),
  ...Object.fromEntries(DIRECTORY_FIELDS.map((field) => [`audience_${field}`, audience])) as Record<`audience_${(typeof DIRECTORY_FIELDS)[number]}`, typeof audience>,
});
export type DirectoryProfileInput = z.infer<typeof directoryProfileSchema>;

export const CHARTER_VERSION = '2027-01';

export const commissionerSchema = z.object({
  organizationName: trimmed(150).pipe(z.string().min(2, 'Indiquez le nom de votre organisation.')),
  organizationType: z.enum(COMMISSIONER_TYPES, { error: 'Choisissez le type d’organisation.' }),
  website: trimmed(300).refine((value) => safeExternalUrl(value) !== null, 'Indiquez le site de votre organisation (adresse complète commençant par https://).'),
  contactRole: trimmed(120).pipe(z.string().min(2, 'Indiquez votre fonction.')),
  charter: z.literal('oui', { error: 'Signez la charte pour continuer.' }),
});

export const contactSchema = z.object({
  subject: trimmed(150).pipe(z.string().min(3, 'Indiquez l’objet de votre message.')),
  body: trimmed(3000).pipe(z.string().min(50, 'Présentez la commande en quelques lignes (50 caractères au moins) : sujet, dates, budget.')),
});

export const messageReportSchema = z.object({
  reason: trimmed(1000).pipe(z.string().min(10, 'Expliquez en quelques mots ce qui ne va pas (10 caractères au moins).')),
});
