import { z } from 'zod';
import { DIGEST_FREQUENCIES } from '../../db/schema/index.ts';
import { REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import { FILTERABLE_CAREER_STAGES, FILTERABLE_DISCIPLINES } from '../opportunities/search.schema.ts';

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? '')
    .pipe(z.string().max(max, tooLong))
    .transform((value) => (value === '' ? null : value));

const asList = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]);

export function profileSchema(currentYear: number) {
  return z.object({
    displayName: optionalText(80, 'Le nom affiché ne doit pas dépasser 80 caractères.'),
    pronouns: optionalText(30, 'Les pronoms ne doivent pas dépasser 30 caractères.'),
    region: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || (REGIONS as readonly string[]).includes(value), 'Choisissez une région de la liste.'),
    disciplines: z.preprocess(asList, z.array(z.enum(FILTERABLE_DISCIPLINES, { error: 'Choisissez des pratiques de la liste.' })).max(FILTERABLE_DISCIPLINES.length)),
    careerStage: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || (FILTERABLE_CAREER_STAGES as readonly string[]).includes(value), 'Choisissez une étape de la liste.'),
    birthYear: z
      .string()
      .optional()
      .transform((value) => value?.trim() ?? '')
      .refine((value) => value === '' || /^\d{4}$/.test(value), 'Indiquez une année sur quatre chiffres, par exemple 1994.')
      .transform((value) => (value === '' ? null : Number(value)))
      .refine((value) => value === null || (value >= currentYear - 100 && value <= currentYear - 10), `Indiquez une année entre ${currentYear - 100} et ${currentYear - 10}.`),
  });
}

export type ProfileInput = z.infer<ReturnType<typeof profileSchema>>;

export const notificationsSchema = z.object({
  digestFrequency: z.enum(DIGEST_FREQUENCIES, { error: 'Choisissez un rythme.' }),
});
