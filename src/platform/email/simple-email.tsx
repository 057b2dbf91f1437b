import type { EmailContent } from './email-content.ts';
import { EmailButton, EmailLayout, emailText, renderEmailHtml } from './email-layout.tsx';

/** The common shape of the service's notices: a title, paragraphs, an optional button. */
export function simpleEmail({ subject, title, paragraphs, button, publicUrl, greeting = true }: {
  subject: string; title: string; paragraphs: string[]; button?: { label: string; href: string }; publicUrl: string; greeting?: boolean;
}): EmailContent {
  const html = renderEmailHtml(
    <EmailLayout title={title} publicUrl={publicUrl}>
      {greeting && <p>Bonjour,</p>}
      {paragraphs.map((paragraph, index) => <p key={index} style={{ whiteSpace: 'pre-line' }}>{paragraph}</p>)}
      {button && <EmailButton href={button.href}>{button.label}</EmailButton>}
    </EmailLayout>,
  );
  return { subject, html, text: emailText([...(greeting ? ['Bonjour,'] : []), ...paragraphs, ...(button ? [`${button.label} : ${button.href}`] : [])], { publicUrl }) };
}
