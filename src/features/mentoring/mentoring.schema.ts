import { z } from 'zod';
import { HELP_TOPICS, MENTOR_FORMATS, REVIEW_LANGUAGES } from '../../db/schema/index.ts';
import { DISCIPLINES, REGIONS } from '../opportunities/opportunity.vocabulary.ts';

const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).filter((item): item is string => typeof item === 'string');
const text = (min: number, max: number, minMessage: string) =>
  z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : ''), z.string().min(min, minMessage).max(max, `${max.toLocaleString('fr-FR')} caractères au plus.`));

export const mentorProfileSchema = z.object({
  displayName: text(2, 80, 'Indiquez le nom sous lequel vous voulez apparaître.'),
  roleTitle: text(2, 120, 'Indiquez votre métier (photographe, iconographe, galeriste…).'),
  bio: text(80, 2000, 'Présentez votre parcours en quelques lignes (80 caractères au moins).'),
  specialties: z.preprocess(list, z.array(z.enum(DISCIPLINES, { error: 'Choisissez des pratiques de la liste.' })).min(1, 'Choisissez au moins une pratique.')),
  helpTopics: z.preprocess(list, z.array(z.enum(HELP_TOPICS, { error: 'Choisissez des sujets de la liste.' })).min(1, 'Choisissez au moins un sujet sur lequel vous pouvez aider.')),
  languages: z.preprocess(list, z.array(z.enum(REVIEW_LANGUAGES, { error: 'Choisissez des langues de la liste.' })).min(1, 'Choisissez au moins une langue.')),
  formats: z.preprocess(list, z.array(z.enum(MENTOR_FORMATS, { error: 'Choisissez des formats de la liste.' })).min(1, 'Choisissez au moins un format.')),
  region: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().refine((value) => value === '' || (REGIONS as readonly string[]).includes(value), 'Choisissez une région de la liste.')).transform((value) => value || null),
  capacity: z.preprocess((value) => Number(value), z.number({ error: 'Indiquez un nombre de 1 à 10.' }).int('Indiquez un nombre de 1 à 10.').min(1, 'Indiquez un nombre de 1 à 10.').max(10, 'Indiquez un nombre de 1 à 10.')),
});
export type MentorProfileInput = z.infer<typeof mentorProfileSchema>;

export const mentoringRequestSchema = z.object({
  note: text(30, 1000, 'Dites en quelques lignes ce que vous attendez de ce mentorat (30 caractères au moins).'),
});

export const answerSchema = z.object({
  decision: z.enum(['accepter', 'decliner'], { error: 'Choisissez d’accepter ou de décliner.' }),
  message: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string().max(1000, '1 000 caractères au plus.')).transform((value) => value || null),
});

export const endSchema = z.object({ outcome: z.enum(['completed', 'stopped'], { error: 'Choisissez comment se termine le mentorat.' }) });

export const surveySchema = z.object({
  helped: z.enum(['oui', 'non'], { error: 'Dites si ce mentorat vous a aidée.' }),
  recommend: z.enum(['oui', 'non'], { error: 'Dites si vous le recommanderiez.' }),
});

export const reportSchema = z.object({ reason: text(10, 1000, 'Expliquez en quelques mots ce qui ne va pas (10 caractères au moins).') });
