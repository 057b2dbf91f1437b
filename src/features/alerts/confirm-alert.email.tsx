import { EmailButton, EmailLayout, emailText, renderEmailHtml } from '../../platform/email/email-layout.tsx';
import type { EmailContent } from '../../platform/email/email-content.ts';

export const CONFIRMATION_LINK_HOURS = 48;

export function confirmAlertEmail({ link, what, publicUrl }: { link: string; what: string; publicUrl: string }): EmailContent {
  const subject = 'Confirmez votre alerte Elles font la culture';
  const html = renderEmailHtml(
    <EmailLayout title="Confirmez votre alerte" publicUrl={publicUrl}>
      <p>Bonjour,</p>
      <p>Vous avez demandé à être prévenue par email : {what}.</p>
      <p>Pour que nous puissions vous écrire, confirmez votre adresse. Sans confirmation, nous ne vous enverrons rien.</p>
      <EmailButton href={link}>Confirmer mon alerte</EmailButton>
      <p style={{ fontSize: '14px' }}>Ce lien est valable {CONFIRMATION_LINK_HOURS} heures. En confirmant, un espace personnel est créé pour gérer vos alertes ; vous pourrez le supprimer à tout moment.</p>
      <p style={{ fontSize: '14px' }}>Si le bouton ne marche pas, copiez cette adresse dans votre navigateur : {link}</p>
    </EmailLayout>,
  );
  const text = emailText(
    [
      'Bonjour,',
      `Vous avez demandé à être prévenue par email : ${what}.`,
      'Pour que nous puissions vous écrire, confirmez votre adresse en ouvrant ce lien. Sans confirmation, nous ne vous enverrons rien.',
      link,
      `Ce lien est valable ${CONFIRMATION_LINK_HOURS} heures. En confirmant, un espace personnel est créé pour gérer vos alertes ; vous pourrez le supprimer à tout moment.`,
    ],
    { publicUrl },
  );
  return { subject, html, text };
}
