import type { EmailContent } from '../../platform/email/email-content.ts';
import { simpleEmail } from '../../platform/email/simple-email.tsx';

const PRIVATE_LINK = 'Ce lien est personnel : il ne s’ouvre qu’une fois connectée avec cette adresse. Ne le transférez pas.';

export function pairedEmail({ link, dueOn, volunteer, publicUrl }: { link: string; dueOn: string; volunteer: boolean; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: 'Revue de dossier : votre partenaire de relecture',
    title: 'Vous avez une partenaire de relecture',
    paragraphs: [
      volunteer
        ? 'Merci de relire sans déposer : une photographe attend un regard neuf sur son dossier.'
        : 'Une autre photographe va lire votre dossier, et vous lirez le sien.',
      `Prenez le temps de le lire, puis répondez à la grille (points forts, pistes d’amélioration, conseils pour l’appel visé) avant le ${dueOn}. Les retours sont envoyés quand les deux relectures sont faites.`,
      PRIVATE_LINK,
    ],
    button: { label: 'Lire le dossier et écrire mon retour', href: link },
    publicUrl,
  });
}

export function reminderEmail({ link, dueOn, daysLeft, publicUrl }: { link: string; dueOn: string; daysLeft: number; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: `Revue de dossier : plus que ${daysLeft} jours pour votre relecture`,
    title: 'Votre relecture est attendue',
    paragraphs: [
      `Votre partenaire attend votre retour, à envoyer avant le ${dueOn}.`,
      'Sans réponse le lendemain de cette date, votre propre demande sera close et votre partenaire repassera en tête de file.',
      PRIVATE_LINK,
    ],
    button: { label: 'Écrire mon retour', href: link },
    publicUrl,
  });
}

export function droppedEmail({ publicUrl }: { publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: 'Revue de dossier : votre demande est close',
    title: 'Votre demande est close',
    paragraphs: [
      'Le délai de relecture est passé sans votre retour. Comme prévu par les règles de la revue de dossier, votre demande est close et votre partenaire a été remise en tête de file.',
      'Cela arrive : vous pouvez déposer une nouvelle demande quand vous aurez le temps de relire.',
    ],
    button: { label: 'Déposer une nouvelle demande', href: `${publicUrl}/revue-de-dossier/demander` },
    publicUrl,
  });
}

export function requeuedEmail({ link, publicUrl }: { link: string; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: 'Revue de dossier : vous repassez en tête de file',
    title: 'Vous repassez en tête de file',
    paragraphs: [
      'Votre partenaire n’a pas relu votre dossier dans le délai. Votre demande repasse en tête de file : vous aurez une nouvelle partenaire dès que possible.',
      'Merci pour la relecture que vous avez faite.',
    ],
    button: { label: 'Suivre ma demande', href: link },
    publicUrl,
  });
}

export function feedbackReleasedEmail({ link, publicUrl }: { link: string; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: 'Revue de dossier : votre retour est arrivé',
    title: 'Votre retour est arrivé',
    paragraphs: ['Votre partenaire a lu votre dossier. Son retour vous attend ; dites-nous ensuite s’il vous a été utile.'],
    button: { label: 'Lire mon retour', href: link },
    publicUrl,
  });
}

export function newLinkEmail({ link, dueOn, publicUrl }: { link: string; dueOn: string; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: 'Revue de dossier : votre nouveau lien de relecture',
    title: 'Votre nouveau lien de relecture',
    paragraphs: [`Voici un nouveau lien vers le dossier à relire (l’ancien ne fonctionne plus). Retour attendu avant le ${dueOn}.`, PRIVATE_LINK],
    button: { label: 'Lire le dossier et écrire mon retour', href: link },
    publicUrl,
  });
}
