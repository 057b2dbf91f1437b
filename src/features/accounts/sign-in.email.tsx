import { EmailButton, EmailLayout, emailText, renderEmailHtml } from '../../platform/email/email-layout.tsx';
import type { EmailContent } from '../../platform/email/email-content.ts';

export const SIGN_IN_LINK_MINUTES = 15;

export function signInEmail({ link, publicUrl }: { link: string; publicUrl: string }): EmailContent {
  const subject = 'Votre lien de connexion à Elles font la culture';
  const html = renderEmailHtml(
    <EmailLayout title="Votre lien de connexion" publicUrl={publicUrl}>
      <p>Bonjour,</p>
      <p>Pour vous connecter à votre espace, utilisez ce lien. Il est valable {SIGN_IN_LINK_MINUTES} minutes et ne sert qu’une fois.</p>
      <EmailButton href={link}>Me connecter</EmailButton>
      <p style={{ fontSize: '14px' }}>Si le bouton ne marche pas, copiez cette adresse dans votre navigateur : {link}</p>
      <p style={{ fontSize: '14px' }}>Vous n’avez rien demandé ? Ignorez ce message : sans clic sur le lien, rien ne se passe.</p>
    </EmailLayout>,
  );
  const text = emailText(
    [
      'Bonjour,',
      `Pour vous connecter à votre espace Elles font la culture, ouvrez ce lien (valable ${SIGN_IN_LINK_MINUTES} minutes, utilisable une seule fois) :`,
      link,
      'Vous n’avez rien demandé ? Ignorez ce message : sans clic sur le lien, rien ne se passe.',
    ],
    { publicUrl },
  );
  return { subject, html, text };
}
