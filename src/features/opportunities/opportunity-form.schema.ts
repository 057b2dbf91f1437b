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

// Messages never repeat the field's name: the error summary puts it before them.
const text = (max: number) =>
  z.string().optional().transform((value) => value?.trim() ?? '').pipe(z.string().max(max, `${max.toLocaleString('fr-FR')} caractères au plus.`));

const requiredText = (min: number, max: number, message: string) =>
  z.string({ error: message }).transform((value) => value.trim()).pipe(z.string().min(min, message).max(max, `${max} caractères au plus.`));

const optionalText = (max: number) => text(max).transform((value) => (value === '' ? null : value));

const optionalInteger = (min: number, max: number, message: string) =>
  z.string().optional()
    .transform((value) => value?.replace(/\s/g, '') ?? '')
    .refine((value) => value === '' || /^\d+$/.test(value), message)
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || (value >= min && value <= max), message);

const optionalUrl = () =>
  optionalText(500).refine((value) => value === null || safeExternalUrl(value) !== null, 'Indiquez une adresse web complète commençant par https://');

const asList = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]);

const checkbox = z.unknown().optional().transform((value) => value === '1' || value === 'on' || value === 'oui');

const optionalMonth = optionalInteger(1, 12, 'Choisissez un mois de la liste.');

const optionalDate = (message: string) =>
  z.string().optional().transform((value) => value?.trim() ?? '').refine((value) => value === '' || isIsoDate(value), message)
    .transform((value) => (value === '' ? null : value));

const windowFields = Object.fromEntries(
  Array.from({ length: MAX_WINDOWS }, (_, index) => [
    [`window${index + 1}Opens`, optionalDate('Indiquez une date valide (jj/mm/aaaa).')],
    [`window${index + 1}Closes`, optionalDate('Indiquez une date valide (jj/mm/aaaa).')],
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
    description: text(10_000),
    amountEur: optionalInteger(0, 10_000_000, 'Indiquez un nombre entier d’euros, sans espace ni symbole.'),
    amountNote: optionalText(300),
    entryFeeEur: optionalInteger(0, 10_000, 'Indiquez un nombre entier d’euros (0 si la candidature est gratuite).'),
    entryFeeNote: optionalText(200),
    geographicScope: z.enum(GEOGRAPHIC_SCOPES, { error: 'Choisissez à qui l’aide est ouverte.' }),
    eligibilityRegion: z.string().optional().transform((value) => (value ? value : null))
      .refine((value) => value === null || (REGIONS as readonly string[]).includes(value), 'Choisissez une région de la liste.'),
    ageMin: optionalInteger(10, 120, 'Indiquez un âge entre 10 et 120 ans.'),
    ageMax: optionalInteger(10, 120, 'Indiquez un âge entre 10 et 120 ans.'),
    careerStages: z.preprocess(asList, z.array(z.enum(CAREER_STAGES, { error: 'Choisissez des étapes de la liste.' }))),
    reservedToWomen: checkbox,
    otherConditions: optionalText(1000),
    isPermanent: checkbox,
    recurrence: z.enum(RECURRENCES, { error: 'Choisissez la fréquence de l’appel.' }),
    typicalOpenMonth: optionalMonth,
    typicalDeadlineMonth: optionalMonth,
    officialUrl: optionalUrl(),
    applicationUrl: optionalUrl(),
    contact: optionalText(300),
    city: optionalText(100),
    region: z.string().optional().transform((value) => (value ? value : null))
      .refine((value) => value === null || (REGIONS as readonly string[]).includes(value), 'Choisissez une région de la liste.'),
    ...windowFields,
  });

/**
 * Rules across fields, checked on the raw values so they are reported together with every
 * other problem (a schema's refinements only run once each field is valid).
 */
export function crossFieldErrors(raw: Record<string, unknown>): Record<string, string> {
  const value = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
  const errors: Record<string, string> = {};
  if ((value('geographicScope') === 'region' || value('geographicScope') === 'overseas') && !value('eligibilityRegion')) {
    errors.eligibilityRegion = 'Indiquez la région où les candidates doivent résider.';
  }
  const ageMin = Number(value('ageMin'));
  const ageMax = Number(value('ageMax'));
  if (value('ageMin') && value('ageMax') && Number.isInteger(ageMin) && Number.isInteger(ageMax) && ageMin > ageMax) {
    errors.ageMax = 'L’âge maximum doit être supérieur ou égal à l’âge minimum.';
  }
  for (let index = 1; index <= MAX_WINDOWS; index += 1) {
    const opens = value(`window${index}Opens`);
    const closes = value(`window${index}Closes`);
    if (opens && !closes) errors[`window${index}Closes`] = 'Indiquez la date limite de cette période de candidature.';
    if (opens && closes && isIsoDate(opens) && isIsoDate(closes) && opens > closes) errors[`window${index}Closes`] = 'La date limite doit suivre la date d’ouverture.';
  }
  return errors;
}

/** The form parsed strictly: field rules and cross-field rules, every problem at once. */
export function parseOpportunityForm<Extra extends z.ZodRawShape = Record<string, never>>(body: unknown, extra?: Extra) {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const schema = extra ? opportunityFormSchema.extend(extra) : opportunityFormSchema;
  const parsed = schema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'formulaire')] ??= issue.message;
  }
  for (const [field, message] of Object.entries(crossFieldErrors(raw))) errors[field] ??= message;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false as const, errors, values: raw };
  return { ok: true as const, data: parsed.data as OpportunityFormData & z.infer<z.ZodObject<Extra>> };
}

export type OpportunityFormData = z.infer<typeof opportunityFormSchema>;

/** Extra fields only the team edits. */
export const moderationFieldsSchema = z.object({
  juryWomenShare: optionalInteger(0, 100, 'Indiquez un pourcentage entre 0 et 100.'),
  laureatesWomenShare: optionalInteger(0, 100, 'Indiquez un pourcentage entre 0 et 100.'),
  paritySource: optionalUrl(),
  parityYear: optionalInteger(1950, 2100, 'Indiquez une année sur quatre chiffres.'),
  sourceLinks: text(3000).transform((value) => value.split(/\s+/).filter(Boolean))
    .refine((links) => links.every((link) => safeExternalUrl(link) !== null), 'Indiquez une adresse https:// par ligne.'),
  lastVerifiedOn: optionalDate('Indiquez une date valide (jj/mm/aaaa).'),
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
