import type { ReadinessLevel, ReviewLanguage, ReviewRequestStatus } from '../../db/schema/index.ts';

export const LANGUAGE_LABELS: Record<ReviewLanguage, string> = {
  fr: 'Français', en: 'Anglais', es: 'Espagnol', de: 'Allemand', it: 'Italien', pt: 'Portugais', ar: 'Arabe',
};

export const READINESS_LABELS: Record<ReadinessLevel, string> = {
  ready: 'Prêt à envoyer',
  almost: 'Presque prêt : quelques retouches',
  needs_work: 'À retravailler sur des points importants',
  early: 'Encore au début : à construire',
};

export const REQUEST_STATUS_LABELS: Record<ReviewRequestStatus, string> = {
  waiting: 'En attente d’une partenaire',
  paired: 'Relecture en cours',
  done: 'Retours échangés',
  dropped: 'Close (relecture non rendue à temps)',
  cancelled: 'Annulée',
};

/** The rules she accepts, shown on both forms (the same words everywhere). */
export const PEER_REVIEW_RULES: readonly string[] = [
  'Confidentialité : le dossier que je lis reste entre nous. Je ne le copie pas, je ne le montre pas, je ne réutilise aucune idée.',
  'Bienveillance : je dis ce qui fonctionne avant ce qui peut progresser, avec des exemples précis, sans jugement sur la personne.',
  'Délais : je rends ma relecture dans les 14 jours. Sans retour le 15e jour, ma demande est close et ma partenaire repasse en tête de file.',
  'Les dossiers et les retours sont effacés 90 jours après l’échange, et aussitôt si je supprime mon compte.',
];
