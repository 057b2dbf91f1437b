import type { ResourceStage, ResourceTheme, ResourceType } from '../../db/schema/index.ts';

export const RESOURCE_TYPE_LABELS: Record<ResourceType, string> = {
  sheet: 'Fiche pratique',
  video: 'Témoignage vidéo',
  webinar: 'Webinaire ou atelier',
  document: 'Modèle à télécharger',
  link: 'Lien utile',
};

export const RESOURCE_TYPE_SLUGS: Record<ResourceType, string> = {
  sheet: 'fiche', video: 'video', webinar: 'atelier', document: 'modele', link: 'lien',
};

export const THEME_LABELS: Record<ResourceTheme, string> = {
  promotion_commercial: 'Promotion et commercial',
  administrative_financial: 'Administratif et financier',
  artistic_technical: 'Artistique et technique',
  equality_inclusion: 'Égalité et inclusion',
};

export const THEME_SLUGS: Record<ResourceTheme, string> = {
  promotion_commercial: 'promotion-et-commercial',
  administrative_financial: 'administratif-et-financier',
  artistic_technical: 'artistique-et-technique',
  equality_inclusion: 'egalite-et-inclusion',
};

export const STAGE_LABELS: Record<ResourceStage, string> = {
  student: 'Étudiante',
  emerging: 'Début de carrière',
  established: 'Confirmée',
};

export const STAGE_SLUGS: Record<ResourceStage, string> = {
  student: 'etudiante', emerging: 'debut-de-carriere', established: 'confirmee',
};

// The reasons photographers gave in the service's earlier surveys, as fixed choices.
export const RESOURCE_USEFUL_REASONS = {
  learned: 'J’ai appris des éléments',
  clear: 'C’est explicite',
  not_alone: 'Je vois que je ne suis pas seule',
} as const;

export const RESOURCE_NOT_USEFUL_REASONS = {
  already_known: 'J’ai déjà ces connaissances',
  too_complex: 'C’est trop complexe',
  not_concerned: 'Cela ne me concerne pas',
  no_use: 'Je n’en ai pas l’usage',
  poor_quality: 'C’est de mauvaise qualité',
} as const;

export const RESOURCE_REASON_LABELS: Record<string, string> = { ...RESOURCE_USEFUL_REASONS, ...RESOURCE_NOT_USEFUL_REASONS };


/** Reading time of a text: 200 words a minute, at least one minute. */
export function readingMinutes(...texts: string[]): number {
  const words = texts.join(' ').split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 200));
}
