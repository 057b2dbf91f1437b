import { EmailButton, EmailLayout, emailText, renderEmailHtml } from '../../platform/email/email-layout.tsx';
import type { EmailContent } from '../../platform/email/email-content.ts';
import type { DashboardFigures } from './moderation.queries.ts';

export function needsAttention(figures: DashboardFigures): boolean {
  return figures.inReview + figures.openReports + figures.brokenLinks + figures.estimatedClosingSoon.length > 0;
}

export function moderationDailyEmail(figures: DashboardFigures, publicUrl: string): EmailContent {
  const lines = [
    figures.inReview ? `${figures.inReview} proposition(s) ou déclaration(s) à relire` : null,
    figures.openReports ? `${figures.openReports} signalement(s) d’erreur ouvert(s)` : null,
    figures.brokenLinks ? `${figures.brokenLinks} lien(s) cassé(s)` : null,
    figures.estimatedClosingSoon.length ? `${figures.estimatedClosingSoon.length} aide(s) aux dates indicatives qui ferment dans les 30 jours` : null,
  ].filter((line): line is string => line !== null);
  const url = `${publicUrl}/admin`;
  const html = renderEmailHtml(
    <EmailLayout title="Ce qui attend l’équipe aujourd’hui" publicUrl={publicUrl}>
      <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul>
      <EmailButton href={url}>Ouvrir l’administration</EmailButton>
    </EmailLayout>,
  );
  return { subject: `Modération : ${lines.join(', ')}`, html, text: emailText(['Ce qui attend l’équipe aujourd’hui :', ...lines.map((line) => `- ${line}`), url], { publicUrl }) };
}
