import type { EmailContent } from '../../platform/email/email-content.ts';
import { simpleEmail } from '../../platform/email/simple-email.tsx';

export function relayedMessageEmail({ organization, subject, body, manageLink, publicUrl }: { organization: string; subject: string; body: string; manageLink: string; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: `Annuaire : ${subject}`,
    title: `Un message de ${organization}`,
    paragraphs: [
      `${organization}, commanditaire signataire de la charte et vérifiée par l’équipe, vous écrit depuis l’annuaire :`,
      body,
      'Pour lui répondre, répondez simplement à cet email : votre adresse ne lui est communiquée que si vous répondez.',
      'Un message déplacé ? Vous pouvez le signaler et bloquer cette personne.',
    ],
    button: { label: 'Signaler ou bloquer', href: manageLink },
    publicUrl,
  });
}

export function messageSentCopyEmail({ photographer, subject, publicUrl }: { photographer: string; subject: string; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: `Annuaire : message transmis à ${photographer}`,
    title: 'Votre message est transmis',
    paragraphs: [`Votre message « ${subject} » est transmis à ${photographer}. Si elle souhaite donner suite, elle vous répondra directement par email.`],
    publicUrl,
  });
}

export function contactSurveyEmail({ link, side, publicUrl }: { link: string; side: 'commissioner' | 'photographer'; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: 'Une question : cette mise en relation a-t-elle abouti ?',
    title: 'Cette mise en relation a-t-elle abouti à une commande ?',
    paragraphs: [
      side === 'photographer' ? 'Il y a un mois, une commanditaire vous a écrit depuis l’annuaire.' : 'Il y a un mois, vous avez écrit à une photographe depuis l’annuaire.',
      'Une seule question, pour mesurer si l’annuaire aide vraiment : cette mise en relation a-t-elle abouti à une commande ? Seuls les totaux sont publiés, jamais les réponses individuelles.',
    ],
    button: { label: 'Répondre (une question)', href: link },
    publicUrl,
  });
}

export function decisionEmail({ what, accepted, reason, publicUrl }: { what: 'profile' | 'commissioner'; accepted: boolean; reason: string | null; publicUrl: string }): EmailContent {
  const subjects = {
    profile: accepted ? 'Annuaire : votre fiche est publiée' : 'Annuaire : votre fiche n’est pas publiée',
    commissioner: accepted ? 'Annuaire : votre organisation est vérifiée' : 'Annuaire : votre organisation n’est pas vérifiée',
  };
  const paragraphs = what === 'profile'
    ? accepted ? ['Votre fiche est relue et visible dans l’annuaire, pour les publics que vous avez choisis champ par champ.'] : ['L’équipe ne peut pas publier votre fiche en l’état.']
    : accepted ? ['Votre organisation est vérifiée : vous voyez dans l’annuaire les champs que les photographes montrent aux commanditaires, et vous pouvez leur écrire.'] : ['L’équipe n’a pas pu vérifier votre organisation.'];
  return simpleEmail({
    subject: subjects[what],
    title: subjects[what].replace('Annuaire : ', ''),
    paragraphs: [...paragraphs, ...(reason ? [`« ${reason} »`] : [])],
    button: { label: 'Ouvrir l’annuaire', href: `${publicUrl}/annuaire` },
    publicUrl,
  });
}
