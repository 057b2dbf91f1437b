import type { FeedbackAnswer, ReportReason } from '../../db/schema/index.ts';

export const FEEDBACK_ANSWER_LABELS: Record<FeedbackAnswer, string> = {
  useful: 'Oui',
  useful_but_closed: 'Oui, mais l’aide est close',
  not_useful: 'Non',
};

export const FEEDBACK_ANSWER_SLUGS: Record<FeedbackAnswer, string> = {
  useful: 'utile',
  useful_but_closed: 'utile-mais-close',
  not_useful: 'pas-utile',
};

// The reasons photographers gave in the service's earlier surveys, as fixed choices.
export const USEFUL_REASONS = {
  unknown_to_me: 'Je ne connaissais pas cette aide',
  clear: 'Le contenu est explicite',
  will_apply: 'Je vais candidater',
  know_who_to_contact: 'Je sais qui contacter',
} as const;

export const NOT_USEFUL_REASONS = {
  not_open: 'L’aide n’est pas ouverte',
  what_next: 'Je ne sais pas quoi faire après cette lecture',
  too_complex: 'C’est trop complexe',
  not_my_profile: 'L’aide ne correspond pas à mon profil',
} as const;

export type FeedbackReason = keyof typeof USEFUL_REASONS | keyof typeof NOT_USEFUL_REASONS;

export const FEEDBACK_REASON_LABELS: Record<FeedbackReason, string> = { ...USEFUL_REASONS, ...NOT_USEFUL_REASONS };

export function reasonsFor(answer: FeedbackAnswer): Record<string, string> {
  return answer === 'not_useful' ? NOT_USEFUL_REASONS : USEFUL_REASONS;
}

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  wrong_date: 'Une date est fausse',
  dead_link: 'Un lien ne marche pas',
  closed: 'L’aide n’existe plus ou est close',
  other: 'Autre erreur',
};
