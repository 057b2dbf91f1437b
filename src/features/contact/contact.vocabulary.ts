import type { ContactSubject } from '../../db/schema/index.ts';

export const CONTACT_SUBJECT_LABELS: Record<ContactSubject, string> = {
  feedback: 'Donner votre avis sur le service',
  question: 'Poser une question',
  tester: 'Devenir testeuse des nouvelles fonctions',
  partnership: 'Proposer un partenariat ou une contribution',
  other: 'Autre chose',
};

/** In the address (?sujet=…) so another page can link to the form with a subject chosen. */
export const CONTACT_SUBJECT_SLUGS: Record<ContactSubject, string> = {
  feedback: 'avis', question: 'question', tester: 'testeuse', partnership: 'partenariat', other: 'autre',
};
