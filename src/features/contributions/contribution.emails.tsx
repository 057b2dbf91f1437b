import { EmailButton, EmailLayout, emailText, renderEmailHtml } from '../../platform/email/email-layout.tsx';
import type { EmailContent } from '../../platform/email/email-content.ts';

export const SUGGESTION_CONFIRMATION_HOURS = 48;

export function confirmSuggestionEmail({ link, title, publicUrl }: { link: string; title: string; publicUrl: string }): EmailContent {
  const html = renderEmailHtml(
    <EmailLayout title="Confirmez votre proposition" publicUrl={publicUrl}>
      <p>Bonjour,</p>
      <p>Merci de nous avoir proposé « {title} ». Pour que notre équipe la relise, confirmez votre adresse : elle nous sert à vous dire si l’aide est publiée.</p>
      <EmailButton href={link}>Confirmer ma proposition</EmailButton>
      <p style={{ fontSize: '14px' }}>Ce lien est valable {SUGGESTION_CONFIRMATION_HOURS} heures. Sans confirmation, la proposition est abandonnée.</p>
    </EmailLayout>,
  );
  return {
    subject: 'Confirmez votre proposition d’aide',
    html,
    text: emailText([
      'Bonjour,',
      `Merci de nous avoir proposé « ${title} ». Pour que notre équipe la relise, confirmez votre adresse en ouvrant ce lien (valable ${SUGGESTION_CONFIRMATION_HOURS} heures) :`,
      link,
    ], { publicUrl }),
  };
}

export function suggestionPublishedEmail({ title, url, publicUrl }: { title: string; url: string; publicUrl: string }): EmailContent {
  const html = renderEmailHtml(
    <EmailLayout title="Votre proposition est publiée" publicUrl={publicUrl}>
      <p>Bonjour,</p>
      <p>Merci ! L’aide que vous avez proposée, « {title} », a été relue par notre équipe et figure désormais dans le catalogue.</p>
      <EmailButton href={url}>Voir la fiche</EmailButton>
    </EmailLayout>,
  );
  return {
    subject: `Votre proposition est publiée : ${title}`,
    html,
    text: emailText(['Bonjour,', `Merci ! L’aide que vous avez proposée, « ${title} », a été relue par notre équipe et figure désormais dans le catalogue :`, url], { publicUrl }),
  };
}

export function suggestionRefusedEmail({ title, reason, publicUrl }: { title: string; reason: string; publicUrl: string }): EmailContent {
  const html = renderEmailHtml(
    <EmailLayout title="Votre proposition n’a pas été retenue" publicUrl={publicUrl}>
      <p>Bonjour,</p>
      <p>Merci d’avoir proposé « {title} ». Après relecture, notre équipe ne l’a pas ajoutée au catalogue, pour la raison suivante :</p>
      <blockquote style={{ borderLeft: '4px solid #000091', margin: '16px 0', padding: '0 16px' }}>{reason}</blockquote>
      <p>Si vous pensez qu’il s’agit d’une erreur, vous pouvez la proposer à nouveau avec des précisions.</p>
    </EmailLayout>,
  );
  return {
    subject: `Votre proposition n’a pas été retenue : ${title}`,
    html,
    text: emailText(['Bonjour,', `Merci d’avoir proposé « ${title} ». Après relecture, notre équipe ne l’a pas ajoutée au catalogue, pour la raison suivante :`, reason, 'Si vous pensez qu’il s’agit d’une erreur, vous pouvez la proposer à nouveau avec des précisions.'], { publicUrl }),
  };
}
