import { z } from 'zod';
import { RESOURCE_STAGES, RESOURCE_THEMES, RESOURCE_TYPES, type ResourceRow } from '../../db/schema/index.ts';
import { fromParisLocal, isIsoDate, toParisLocal } from '../../platform/dates.ts';
import { safeExternalUrl } from '../../platform/urls.ts';

/** The team's resource form. Lists are one item a line; sources and speakers split on " | ". */
const asList = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]);
const text = (max: number) => z.string().optional().transform((value) => value?.trim() ?? '').pipe(z.string().max(max, `${max.toLocaleString('fr-FR')} caractères au plus.`));
const optionalText = (max: number) => text(max).transform((value) => (value === '' ? null : value));
const optionalUrl = () => optionalText(500).refine((value) => value === null || safeExternalUrl(value) !== null, 'Indiquez une adresse web complète commençant par https://');
const lines = (value: string) => value.split('\n').map((line) => line.trim()).filter(Boolean);

export const resourceAdminSchema = z.object({
  type: z.enum(RESOURCE_TYPES, { error: 'Choisissez le type de ressource.' }),
  title: z.string({ error: 'Indiquez un titre.' }).trim().min(3, 'Indiquez un titre (3 caractères au moins).').max(200, '200 caractères au plus.'),
  summary: z.string({ error: 'Indiquez un résumé.' }).trim().min(10, 'Indiquez un résumé (10 caractères au moins).').max(600, '600 caractères au plus.'),
  objective: optionalText(400),
  introduction: text(5000),
  body: text(60_000),
  keyTakeaways: text(5000).transform(lines),
  sources: text(5000).transform((value, context) => lines(value).map((line) => {
    const [title = '', url = '', publisher = ''] = line.split('|').map((part) => part.trim());
    if (!safeExternalUrl(url)) context.addIssue({ code: 'custom', message: `Source « ${line.slice(0, 40)} » : écrivez « Titre | https://… | Éditeur ».` });
    return { title: title || url, url, publisher: publisher || null };
  })),
  author: optionalText(120),
  themes: z.preprocess(asList, z.array(z.enum(RESOURCE_THEMES, { error: 'Choisissez des thèmes de la liste.' }))),
  careerStages: z.preprocess(asList, z.array(z.enum(RESOURCE_STAGES, { error: 'Choisissez des étapes de la liste.' }))),
  tags: text(500).transform((value) => value.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean)),
  lastUpdatedOn: text(10).refine((value) => value === '' || isIsoDate(value), 'Indiquez une date valide.').transform((value) => (value === '' ? null : value)),
  speakers: text(3000).transform((value) => lines(value).map((line) => {
    const [name = '', role = ''] = line.split('|').map((part) => part.trim());
    return { name, role };
  })),
  videoUrl: optionalUrl(),
  transcript: optionalText(100_000),
  startsAt: text(16).refine((value) => value === '' || fromParisLocal(value) !== null, 'Indiquez une date et une heure valides.')
    .transform((value) => (value === '' ? null : fromParisLocal(value))),
  durationMinutes: text(4).refine((value) => value === '' || /^\d{1,4}$/.test(value), 'Indiquez une durée en minutes.').transform((value) => (value === '' ? null : Number(value))),
  eventFormat: optionalText(40),
  registrationUrl: optionalUrl(),
  replayUrl: optionalUrl(),
  externalUrl: optionalUrl(),
}).superRefine((form, context) => {
  // Each type needs what makes it useful.
  if (form.type === 'video' && !form.videoUrl) context.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Indiquez l’adresse du lecteur vidéo.' });
  if (form.type === 'video' && !form.transcript) context.addIssue({ code: 'custom', path: ['transcript'], message: 'Une vidéo doit avoir sa transcription.' });
  if (form.type === 'webinar' && !form.startsAt) context.addIssue({ code: 'custom', path: ['startsAt'], message: 'Indiquez la date et l’heure de l’événement.' });
  if (form.type === 'link' && !form.externalUrl) context.addIssue({ code: 'custom', path: ['externalUrl'], message: 'Indiquez l’adresse de la ressource.' });
  if (form.type === 'sheet' && form.body.length < 50) context.addIssue({ code: 'custom', path: ['body'], message: 'Écrivez le corps de la fiche.' });
});

export type ResourceAdminData = z.infer<typeof resourceAdminSchema>;

export function resourceFormValues(resource: ResourceRow): Record<string, unknown> {
  return {
    type: resource.type, title: resource.title, summary: resource.summary, objective: resource.objective ?? '', introduction: resource.introduction,
    body: resource.body, keyTakeaways: resource.keyTakeaways.join('\n'),
    sources: resource.sources.map((source) => [source.title, source.url, source.publisher ?? ''].join(' | ')).join('\n'),
    author: resource.author ?? '', themes: resource.themes, careerStages: resource.careerStages, tags: resource.tags.join(', '),
    lastUpdatedOn: resource.lastUpdatedOn ?? '', speakers: resource.speakers.map((speaker) => `${speaker.name} | ${speaker.role}`).join('\n'),
    videoUrl: resource.videoUrl ?? '', transcript: resource.transcript ?? '', startsAt: resource.startsAt ? toParisLocal(resource.startsAt) : '',
    durationMinutes: resource.durationMinutes ? String(resource.durationMinutes) : '', eventFormat: resource.eventFormat ?? '',
    registrationUrl: resource.registrationUrl ?? '', replayUrl: resource.replayUrl ?? '', externalUrl: resource.externalUrl ?? '',
  };
}
