import type { HelpTopic, MentorFormat, MentoringRequestStatus, MentorshipStatus } from '../../db/schema/index.ts';

export const HELP_TOPIC_LABELS: Record<HelpTopic, string> = {
  dossier: 'Dossiers de candidature',
  portfolio: 'Portfolio et editing',
  pricing: 'Tarifs et devis',
  rights: 'Droits d’auteur et contrats',
  exhibition: 'Exposer son travail',
  publishing: 'Publier un livre',
  commissions: 'Trouver des commandes',
  network: 'Se faire un réseau',
  career_change: 'Reconversion et transitions',
  parenthood: 'Concilier photographie et parentalité',
};

export const FORMAT_LABELS: Record<MentorFormat, string> = { video: 'En visio', in_person: 'En personne' };

export const REQUEST_STATUS_LABELS: Record<MentoringRequestStatus, string> = {
  pending: 'En attente de réponse',
  accepted: 'Acceptée',
  declined: 'Déclinée',
  expired: 'Expirée sans réponse',
  withdrawn: 'Retirée',
};

export const MENTORSHIP_STATUS_LABELS: Record<MentorshipStatus, string> = { active: 'En cours', completed: 'Terminé', stopped: 'Arrêté' };

export const MAX_PENDING_REQUESTS = 3;
export const REMINDER_DAYS = [3, 10] as const;
export const EXPIRY_DAYS = 14;
/** Requests left to expire this many times within PAUSE_WINDOW_DAYS pause the mentor. */
export const EXPIRIES_BEFORE_PAUSE = 2;
export const PAUSE_WINDOW_DAYS = 90;
