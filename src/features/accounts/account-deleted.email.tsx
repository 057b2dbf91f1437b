import { EmailLayout, emailText, renderEmailHtml } from '../../platform/email/email-layout.tsx';
import type { EmailContent } from '../../platform/email/email-content.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';

export function accountDeletedEmail({ publicUrl, deletedOn }: { publicUrl: string; deletedOn: Date }): EmailContent {
  const day = formatFrenchDate(parisDate(deletedOn));
  const subject = 'Votre compte Elles font la culture a été supprimé';
  const html = renderEmailHtml(
    <EmailLayout title="Votre compte a été supprimé" publicUrl={publicUrl}>
      <p>Bonjour,</p>
      <p>Comme vous l’avez demandé le {day}, votre compte a été supprimé, avec votre profil, vos alertes et les aides que vous suiviez.</p>
      <p>Vous ne recevrez plus aucun email de notre part, à part celui-ci.</p>
      <p>Vous pourrez revenir quand vous le souhaitez : il suffira de demander un nouveau lien de connexion.</p>
    </EmailLayout>,
  );
  const text = emailText(
    [
      'Bonjour,',
      `Comme vous l’avez demandé le ${day}, votre compte a été supprimé, avec votre profil, vos alertes et les aides que vous suiviez.`,
      'Vous ne recevrez plus aucun email de notre part, à part celui-ci.',
      'Vous pourrez revenir quand vous le souhaitez : il suffira de demander un nouveau lien de connexion.',
    ],
    { publicUrl },
  );
  return { subject, html, text };
}
