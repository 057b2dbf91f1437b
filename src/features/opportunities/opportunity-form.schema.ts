import { z } from 'zod';
import { isIsoDate } from '../../platform/dates.ts';
import { safeExternalUrl } from '../../platform/urls.ts';
import {
  CAREER_STAGES, DISCIPLINES, GEOGRAPHIC_SCOPES, OPPORTUNITY_KINDS, RECURRENCES, REGIONS,
} from './opportunity.vocabulary.ts';

/**
 * The fields of an opportunity as a form sends them, for the public's suggestions and for the
 * back-office. Only these names are read from a body: nothing else (status, slug, ids) can be
 * set through a form. Messages are in French, one per field.
 */
export const MAX_WINDOWS = 3;

const text = (max: number, label: string) =>
  z.string().optional().transform((value) => value?.trim() ?? '').pipe(z.string().max(max, `${label} : ${max} caractères au plus.`));

const requiredText = (min: number, max: number, message: string) =>
  z.string({ error: message }).transform((value) => value.trim()).pipe(z.string().min(min, message).max(max, `${max} caractères au plus.`));

const optionalText = (max: number, label: string) => text(max, label).transform((value) => (value === '' ? null : value));

const optionalInteger = (min: number, max: number, message: string) =>
  z.string().optional()
    .transform((value) => value?.replace(/\s/g, '') ?? '')
    .refine((value) => value === '' || /^\d+$/.test(value), message)
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || (value >= min && value <= max), message);

const optionalUrl = (label: string) =>
  optionalText(500, label).refine((value) => value === null || safeExternalUrl(value) !== null, `${label} : indiquez une adresse web complète commençant par https://`);

const asList = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]);

const checkbox = z.unknown().optional().transform((value) => value === '1' || value === 'on' || value === 'oui');

const optionalMonth = optionalInteger(1, 12, 'Choisissez un mois de la liste.');

const optionalDate = (message: string) =>
  z.string().optional().transform((value) => value?.trim() ?? '').refine((value) => value === '' || isIsoDate(value), message)
    .transform((value) => (value === '' ? null : value));

const windowFields = Object.fromEntries(
  Array.from({ length: MAX_WINDOWS }, (_, index) => [
    [`window${index + 1}Opens`, optionalDate('Date d’ouverture : indiquez une date valide (jj/mm/aaaa).')],
    [`window${index + 1}Closes`, optionalDate('Date limite : indiquez une date valide (jj/mm/aaaa).')],
    [`window${index + 1}Estimated`, checkbox],
  ]).flat(),
) as Record<string, z.ZodType>;

export const opportunityFormSchema = z
  .object({
    title: requiredText(3, 200, 'Indiquez le nom de l’aide (3 caractères au moins).'),
    organizer: requiredText(2, 200, 'Indiquez l’organisme qui la propose.'),
    kind: z.enum(OPPORTUNITY_KINDS, { error: 'Choisissez le type d’aide.' }),
    disciplines: z.preprocess(asList, z.array(z.enum(DISCIPLINES, { error: 'Choisissez des pratiques de la liste.' }))),
    summary: requiredText(20, 600, 'Résumez l’aide en 20 à 600 caractères.'),
    description: text(10_000, 'Description'),
    amountEur: optionalInteger(0, 10_000_000, 'Montant : indiquez un nombre entier d’euros, sans espace ni symbole.'),
    amountNote: optionalText(300, 'Précision sur le montant'),
    entryFeeEur: optionalInteger(0, 10_000, 'Frais de candidature : indiquez un nombre entier d’euros (0 si gratuit).'),
    entryFeeNote: optionalText(200, 'Précision sur les frais'),
    geographicScope: z.enum(GEOGRAPHIC_SCOPES, { error: 'Choisissez à qui l’aide est ouverte.' }),
    eligibilityRegion: z.string().optional().transform((value) => (value ? value : null))
      .refine((value) => value === null || (REGIONS as readonly string[]).includes(value), 'Choisissez une région de la liste.'),
    ageMin: optionalInteger(10, 120, 'Âge minimum : un nombre entre 10 et 120.'),
    ageMax: optionalInteger(10, 120, 'Âge maximum : un nombre entre 10 et 120.'),
    careerStages: z.preprocess(asList, z.array(z.enum(CAREER_STAGES, { error: 'Choisissez des étapes de la liste.' }))),
    reservedToWomen: checkbox,
    otherConditions: optionalText(1000, 'Autres conditions'),
    isPermanent: checkbox,
    recurrence: z.enum(RECURRENCES, { error: 'Choisissez la fréquence de l’appel.' }),
    typicalOpenMonth: optionalMonth,
    typicalDeadlineMonth: optionalMonth,
    officialUrl: optionalUrl('Site de l’organisme'),
    applicationUrl: optionalUrl('Page de candidature'),
    contact: optionalText(300, 'Contact'),
    city: optionalText(100, 'Ville'),
    region: z.string().optional().transform((value) => (value ? value : null))
      .refine((value) => value === null || (REGIONS as readonly string[]).includes(value), 'Choisissez une région de la liste.'),
    ...windowFields,
  })
  .superRefine((fields, context) => {
    if ((fields.geographicScope === 'region' || fields.geographicScope === 'overseas') && !fields.eligibilityRegion) {
      context.addIssue({ code: 'custom', path: ['eligibilityRegion'], message: 'Indiquez la région où les candidates doivent résider.' });
    }
    if (fields.ageMin !== null && fields.ageMax !== null && fields.ageMin > fields.ageMax) {
      context.addIssue({ code: 'custom', path: ['ageMax'], message: 'L’âge maximum doit être supérieur ou égal à l’âge minimum.' });
    }
    const record = fields as Record<string, unknown>;
    for (let index = 1; index <= MAX_WINDOWS; index += 1) {
      const opens = record[`window${index}Opens`] as string | null;
      const closes = record[`window${index}Closes`] as string | null;
      if (opens && !closes) context.addIssue({ code: 'custom', path: [`window${index}Closes`], message: 'Indiquez la date limite de cette période de candidature.' });
      if (opens && closes && opens > closes) context.addIssue({ code: 'custom', path: [`window${index}Closes`], message: 'La date limite doit suivre la date d’ouverture.' });
    }
  });

export type OpportunityFormData = z.infer<typeof opportunityFormSchema>;

/** Extra fields only the team edits. */
export const moderationFieldsSchema = z.object({
  juryWomenShare: optionalInteger(0, 100, 'Part de femmes du jury : un pourcentage entre 0 et 100.'),
  laureatesWomenShare: optionalInteger(0, 100, 'Part de femmes lauréates : un pourcentage entre 0 et 100.'),
  paritySource: optionalUrl('Source des chiffres de parité'),
  parityYear: optionalInteger(1950, 2100, 'Année des chiffres : quatre chiffres.'),
  sourceLinks: text(3000, 'Sources').transform((value) => value.split(/\s+/).filter(Boolean))
    .refine((links) => links.every((link) => safeExternalUrl(link) !== null), 'Sources : une adresse https:// par ligne.'),
  lastVerifiedOn: optionalDate('Date de vérification : indiquez une date valide.'),
});

export type ModerationFieldsData = z.infer<typeof moderationFieldsSchema>;

export interface WindowInput {
  opensOn: string | null;
  closesOn: string;
  isEstimated: boolean;
}

/** The form's fields as columns of `opportunities`, and its windows. */
export function toOpportunityValues(data: OpportunityFormData) {
  const record = data as Record<string, unknown>;
  const windows: WindowInput[] = [];
  for (let index = 1; index <= MAX_WINDOWS; index += 1) {
    const closesOn = record[`window${index}Closes`] as string | null;
    if (closesOn) windows.push({ opensOn: record[`window${index}Opens`] as string | null, closesOn, isEstimated: Boolean(record[`window${index}Estimated`]) });
  }
  const disciplines = data.disciplines.length > 0 ? [...new Set(data.disciplines)] : ['any' as const];
  const careerStages = data.careerStages.length > 0 ? [...new Set(data.careerStages)] : ['any' as const];
  return {
    values: {
      title: data.title, organizer: data.organizer, kind: data.kind, disciplines, summary: data.summary, description: data.description,
      amountEur: data.amountEur, amountNote: data.amountNote, entryFeeEur: data.entryFeeEur, entryFeeNote: data.entryFeeNote,
      geographicScope: data.geographicScope,
      eligibilityRegion: data.geographicScope === 'region' || data.geographicScope === 'overseas' ? data.eligibilityRegion : null,
      ageMin: data.ageMin, ageMax: data.ageMax, careerStages, reservedToWomen: data.reservedToWomen, otherConditions: data.otherConditions,
      isPermanent: data.isPermanent, recurrence: data.recurrence, typicalOpenMonth: data.typicalOpenMonth, typicalDeadlineMonth: data.typicalDeadlineMonth,
      officialUrl: data.officialUrl, applicationUrl: data.applicationUrl, contact: data.contact, city: data.city, region: data.region,
    },
    windows,
  };
}

export function toModerationValues(data: ModerationFieldsData) {
  return {
    juryWomenShare: data.juryWomenShare === null ? null : data.juryWomenShare / 100,
    laureatesWomenShare: data.laureatesWomenShare === null ? null : data.laureatesWomenShare / 100,
    paritySource: data.paritySource,
    parityYear: data.parityYear,
    sourceLinks: data.sourceLinks,
    lastVerifiedOn: data.lastVerifiedOn,
  };
}
