import type { EmailContent } from '../../platform/email/email-content.ts';
import { simpleEmail } from '../../platform/email/simple-email.tsx';

const space = (publicUrl: string) => ({ label: 'Voir dans mon espace', href: `${publicUrl}/mon-espace/mentorat` });

export function newRequestEmail({ menteeName, note, publicUrl }: { menteeName: string; note: string; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: 'Mentorat : une nouvelle demande',
    title: 'Une photographe vous demande un mentorat',
    paragraphs: [`${menteeName} vous écrit :`, `« ${note} »`, 'Acceptez ou déclinez dans les 14 jours : sans réponse, la demande expire et sa place est libérée.'],
    button: space(publicUrl),
    publicUrl,
  });
}

export function requestReminderEmail({ daysLeft, publicUrl }: { daysLeft: number; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: `Mentorat : une demande attend votre réponse (${daysLeft} jours)`,
    title: 'Une demande attend votre réponse',
    paragraphs: [`Une photographe attend votre réponse à sa demande de mentorat. Sans réponse dans ${daysLeft} jours, elle expirera.`, 'Vous pouvez aussi la décliner : c’est mieux qu’un silence.'],
    button: space(publicUrl),
    publicUrl,
  });
}

export function requestAnsweredEmail({ mentorName, accepted, message, publicUrl }: { mentorName: string; accepted: boolean; message: string | null; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: accepted ? `Mentorat : ${mentorName} a accepté votre demande` : `Mentorat : réponse de ${mentorName}`,
    title: accepted ? 'Votre demande est acceptée' : 'Votre demande n’a pas pu être acceptée',
    paragraphs: [
      accepted ? `${mentorName} accepte de vous accompagner. Vous trouverez son adresse dans votre espace pour convenir d’un premier rendez-vous.` : `${mentorName} ne peut pas vous accompagner pour le moment.`,
      ...(message ? [`Son message : « ${message} »`] : []),
      ...(accepted ? [] : ['D’autres mentores sont disponibles : votre place de demande est libérée.']),
    ],
    button: space(publicUrl),
    publicUrl,
  });
}

export function requestExpiredEmail({ mentorName, publicUrl }: { mentorName: string; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: 'Mentorat : votre demande a expiré',
    title: 'Votre demande a expiré',
    paragraphs: [`${mentorName} n’a pas répondu dans les 14 jours. Votre demande a expiré et votre place est libérée : vous pouvez écrire à une autre mentore.`],
    button: { label: 'Chercher une mentore', href: `${publicUrl}/mentorat` },
    publicUrl,
  });
}

export function mentorPausedEmail({ publicUrl }: { publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: 'Mentorat : votre profil est en pause',
    title: 'Votre profil de mentore est en pause',
    paragraphs: [
      'Plusieurs demandes sont restées sans réponse jusqu’à expirer. Pour que les photographes ne restent pas sans nouvelles, votre profil n’apparaît plus dans la recherche.',
      'Quand vous aurez de nouveau du temps, réactivez votre disponibilité depuis votre espace.',
    ],
    button: space(publicUrl),
    publicUrl,
  });
}

export function profileDecisionEmail({ published, reason, publicUrl }: { published: boolean; reason: string | null; publicUrl: string }): EmailContent {
  return simpleEmail({
    subject: published ? 'Mentorat : votre profil est publié' : 'Mentorat : votre profil n’est pas publié',
    title: published ? 'Votre profil de mentore est publié' : 'Votre profil de mentore n’est pas publié',
    paragraphs: published ? ['Merci ! Votre profil est relu et visible dans la recherche de mentores.'] : ['L’équipe ne peut pas publier votre profil en l’état.', ...(reason ? [`« ${reason} »`] : []), 'Vous pouvez le modifier et le soumettre de nouveau.'],
    button: space(publicUrl),
    publicUrl,
  });
}
