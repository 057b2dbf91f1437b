import type { StatusResult } from './status.ts';
import { STATUS_TONES, statusLabel } from './opportunity.presenters.ts';

const TONE_CLASSES = {
  success: 'fr-badge--success',
  warning: 'fr-badge--warning',
  info: 'fr-badge--info',
  new: 'fr-badge--new',
  neutral: '',
} as const;

/** The status as a DSFR badge: its text carries the meaning, the colour only repeats it. */
export function StatusBadge({ status, small = false }: { status: StatusResult; small?: boolean }) {
  const classes = ['fr-badge', TONE_CLASSES[STATUS_TONES[status.status]], small ? 'fr-badge--sm' : ''].filter(Boolean).join(' ');
  return <p class={classes}>{statusLabel(status)}</p>;
}
