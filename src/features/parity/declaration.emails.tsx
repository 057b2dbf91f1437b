import { EmailButton, EmailLayout, emailText, renderEmailHtml } from '../../platform/email/email-layout.tsx';
import type { EmailContent } from '../../platform/email/email-content.ts';

export function declarationPublishedEmail({ organization, year, url, publicUrl }: { organization: string; year: number; url: string; publicUrl: string }): EmailContent {
  const html = renderEmailHtml(
    <EmailLayout title="Votre déclaration est publiée" publicUrl={publicUrl}>
      <p>Bonjour,</p>
      <p>Merci ! Votre déclaration pour {organization} ({year}) a été relue par notre équipe. Elle est publiée dans l’index de la parité, avec la mention « Déclaré par l’organisation ».</p>
      <EmailButton href={url}>Voir la page de l’organisation</EmailButton>
    </EmailLayout>,
  );
  return {
    subject: `Index de la parité : votre déclaration pour ${organization} est publiée`,
    html,
    text: emailText(['Bonjour,', `Merci ! Votre déclaration pour ${organization} (${year}) a été relue par notre équipe. Elle est publiée dans l’index de la parité, avec la mention « Déclaré par l’organisation » :`, url], { publicUrl }),
  };
}

export function declarationRejectedEmail({ organization, year, reason, url, publicUrl }: { organization: string; year: number; reason: string; url: string; publicUrl: string }): EmailContent {
  const html = renderEmailHtml(
    <EmailLayout title="Votre déclaration n’est pas publiée" publicUrl={publicUrl}>
      <p>Bonjour,</p>
      <p>Notre équipe a relu votre déclaration pour {organization} ({year}) et ne peut pas la publier en l’état, pour la raison suivante :</p>
      <p>« {reason} »</p>
      <p>Vous pouvez envoyer une nouvelle déclaration depuis la page de l’organisation.</p>
      <EmailButton href={url}>Page de l’organisation</EmailButton>
    </EmailLayout>,
  );
  return {
    subject: `Index de la parité : votre déclaration pour ${organization}`,
    html,
    text: emailText(['Bonjour,', `Notre équipe a relu votre déclaration pour ${organization} (${year}) et ne peut pas la publier en l’état, pour la raison suivante :`, `« ${reason} »`, 'Vous pouvez envoyer une nouvelle déclaration depuis la page de l’organisation :', url], { publicUrl }),
  };
}
