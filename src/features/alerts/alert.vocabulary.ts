import type { AlertFrequency, DigestFrequency, FollowKind } from '../../db/schema/index.ts';

export const FOLLOW_KIND_LABELS: Record<FollowKind, string> = {
  deadlines: 'rappels avant la date limite et changements de dates',
  next_edition: 'prévenue à l’ouverture de la prochaine édition',
};

export const ALERT_FREQUENCY_LABELS: Record<AlertFrequency, string> = {
  daily: 'chaque jour',
  weekly: 'chaque semaine',
};

export const DIGEST_FREQUENCY_LABELS: Record<DigestFrequency, { label: string; hint: string }> = {
  daily: { label: 'Chaque jour', hint: 'Un email le matin, seulement s’il y a du nouveau.' },
  weekly: { label: 'Chaque semaine', hint: 'Un email le lundi pour les nouveautés ; les rappels de date limite arrivent le jour venu.' },
  none: { label: 'Jamais', hint: 'Vos alertes sont gardées mais aucun email n’est envoyé.' },
};

/** Days before a deadline when followers are reminded. */
export const REMINDER_THRESHOLDS = [14, 3] as const;
