import { z } from 'zod';
import { READINESS_LEVELS, REVIEW_LANGUAGES } from '../../db/schema/index.ts';
import { isIsoDate } from '../../platform/dates.ts';
import { safeExternalUrl } from '../../platform/urls.ts';
import { CAREER_STAGES, DISCIPLINES, OPPORTUNITY_KINDS } from '../opportunities/opportunity.vocabulary.ts';

const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).filter((item): item is string => typeof item === 'string');
const trimmed = z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : ''), z.string());
const optionalChoice = (values: readonly string[], message: string) =>
  z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().refine((value) => value === '' || values.includes(value), message)).transform((value) => value || null);

const profileFields = {
  disciplines: z.preprocess(list, z.array(z.enum(DISCIPLINES, { error: 'Choisissez des pratiques de la liste.' })).min(1, 'Choisissez au moins une pratique.').max(10)),
  languages: z.preprocess(list, z.array(z.enum(REVIEW_LANGUAGES, { error: 'Choisissez des langues de la liste.' })).min(1, 'Choisissez au moins une langue dans laquelle vous pouvez lire et écrire.').max(7)),
  careerStage: optionalChoice(CAREER_STAGES.filter((stage) => stage !== 'any'), 'Choisissez une étape de la liste.'),
  rules: z.literal('oui', { error: 'Acceptez les règles de la revue de dossier pour continuer.' }),
};

/** The dossier request (the file is checked apart, by its content). */
export function requestSchema(today: string) {
  return z.object({
    ...profileFields,
    targetKind: optionalChoice(OPPORTUNITY_KINDS, 'Choisissez un type d’appel de la liste.'),
    opportunity: trimmed.pipe(z.string().max(300)).transform((value) => {
      if (!value) return null;
      // A catalogue address or a bare slug: "…/aides/prix-niepce" -> "prix-niepce".
      const match = /(?:^|\/aides\/)([a-z0-9-]{1,150})\/?$/.exec(value.replace(/[?#].*$/, ''));
      return match ? match[1]! : undefined;
    }).refine((value) => value !== undefined, 'Collez l’adresse d’une aide du catalogue (elle contient « /aides/ »), ou laissez vide.'),
    deadline: trimmed.refine((value) => value === '' || (isIsoDate(value) && value >= today), 'Indiquez une date à venir, ou laissez vide.').transform((value) => value || null),
    message: trimmed.pipe(z.string().max(1000, '1 000 caractères au plus.')).transform((value) => value || null),
    alsoVolunteer: z.preprocess((value) => value === 'oui', z.boolean()),
  });
}

export const volunteerSchema = z.object(profileFields);

export const RUBRIC_MIN = 200;
const rubricText = (label: string) => trimmed.pipe(z.string()
  .min(RUBRIC_MIN, `${label} : au moins ${RUBRIC_MIN} caractères, pour un retour qui aide vraiment.`)
  .max(6000, `${label} : 6 000 caractères au plus.`));

export const rubricSchema = z.object({
  strengths: rubricText('Points forts'),
  improvements: rubricText('Pistes d’amélioration'),
  advice: rubricText('Conseils pour cet appel'),
  readiness: z.enum(READINESS_LEVELS, { error: 'Choisissez où en est le dossier.' }),
  mediaUrl: trimmed.refine((value) => value === '' || safeExternalUrl(value) !== null, 'Indiquez une adresse complète commençant par https://, ou laissez vide.').transform((value) => value || null),
});

export const ratingSchema = z.object({
  useful: z.enum(['oui', 'non'], { error: 'Dites si ce retour vous a été utile.' }),
  kind: z.enum(['oui', 'non'], { error: 'Dites si ce retour était bienveillant.' }),
  shareEmail: z.preprocess((value) => value === 'oui', z.boolean()),
});

export const reportSchema = z.object({
  reason: trimmed.pipe(z.string().min(10, 'Expliquez en quelques mots ce qui ne va pas (10 caractères au moins).').max(1000, '1 000 caractères au plus.')),
});
