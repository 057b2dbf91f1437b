import { EmailLayout, emailText, renderEmailHtml } from '../../platform/email/email-layout.tsx';
import { type EmailContent, unsubscribeHeaders } from '../../platform/email/email-content.ts';
import { formatFrenchDate } from '../../platform/dates.ts';
import { type DigestPlan, itemCount } from './digest.compose.ts';

/** The body stays short: beyond this many items, a link leads to the full list. */
export const MAX_ITEMS_IN_DIGEST = 10;

interface Line {
  title: string;
  url: string;
  detail: string;
}

interface Section {
  heading: string;
  lines: Line[];
  more?: { count: number; url: string; label: string };
  stopUrl?: string;
}

function daysText(days: number): string {
  if (days === 0) return 'dernier jour aujourd’hui';
  if (days === 1) return 'plus qu’un jour';
  return `plus que ${days} jours`;
}

function sectionsOf(plan: DigestPlan, publicUrl: string): Section[] {
  const url = (slug: string) => `${publicUrl}/aides/${slug}`;
  let budget = MAX_ITEMS_IN_DIGEST;
  const take = <T,>(items: T[]) => {
    const taken = items.slice(0, Math.max(0, budget));
    budget -= taken.length;
    return taken;
  };
  const sections: Section[] = [];
  const reminders = take(plan.reminders);
  if (reminders.length) {
    sections.push({
      heading: 'Dates limites qui approchent',
      lines: reminders.map((reminder) => ({ title: reminder.opportunity.title, url: url(reminder.opportunity.slug), detail: `Candidatures jusqu’au ${formatFrenchDate(reminder.closesOn)} : ${daysText(reminder.daysLeft)}.` })),
    });
  }
  const changes = take(plan.dateChanges);
  if (changes.length) {
    sections.push({
      heading: 'Dates modifiées',
      lines: changes.map((change) => ({ title: change.opportunity.title, url: url(change.opportunity.slug), detail: change.closesOn ? `Nouvelle date limite : ${formatFrenchDate(change.closesOn)}.` : 'Les dates ont changé : vérifiez la fiche.' })),
    });
  }
  const editions = take(plan.nextEditions);
  if (editions.length) {
    sections.push({
      heading: 'Nouvelles éditions ouvertes',
      lines: editions.map((edition) => ({ title: edition.opportunity.title, url: url(edition.opportunity.slug), detail: `Les candidatures sont ouvertes jusqu’au ${formatFrenchDate(edition.closesOn)}.` })),
    });
  }
  for (const news of plan.searchNews) {
    const lines = take(news.items);
    const rest = news.items.length - lines.length;
    const searchUrl = `${publicUrl}/aides?${news.search.query ? `${news.search.query}&` : ''}tri=recent`;
    sections.push({
      heading: `Nouvelles aides : ${news.search.label}`,
      lines: lines.map((item) => ({ title: item.title, url: url(item.slug), detail: '' })),
      more: rest > 0 ? { count: rest, url: searchUrl, label: rest === 1 ? 'Voir l’autre nouvelle aide' : `Voir les ${rest} autres nouvelles aides` } : undefined,
      stopUrl: `${publicUrl}/alertes/arreter/${news.search.manageToken}`,
    });
  }
  return sections;
}

export function digestEmail(plan: DigestPlan, publicUrl: string): EmailContent & { headers: Record<string, string> } {
  const unsubscribeUrl = `${publicUrl}/desabonnement/${plan.user.unsubscribeToken}`;
  const total = itemCount(plan);
  const subject = plan.reminders.length > 0
    ? `Date limite proche : ${plan.reminders[0]!.opportunity.title}${total > 1 ? ` et ${total - 1} autre${total > 2 ? 's' : ''} nouvelle${total > 2 ? 's' : ''}` : ''}`
    : `${total} nouveauté${total > 1 ? 's' : ''} pour vos alertes`;
  const sections = sectionsOf(plan, publicUrl);
  const hidden = total - sections.reduce((sum, section) => sum + section.lines.length, 0);
  const greeting = `Bonjour${plan.user.displayName ? ` ${plan.user.displayName}` : ''},`;
  const html = renderEmailHtml(
    <EmailLayout title="Vos alertes" publicUrl={publicUrl} unsubscribeUrl={unsubscribeUrl}>
      <p>{greeting}</p>
      {sections.map((section) => (
        <div key={section.heading}>
          <h2 style={{ fontSize: '18px', margin: '24px 0 8px' }}>{section.heading}</h2>
          <ul style={{ paddingLeft: '20px', margin: 0 }}>
            {section.lines.map((line) => (
              <li key={line.url} style={{ marginBottom: '8px' }}>
                <a href={line.url} style={{ color: '#000091' }}>{line.title}</a>
                {line.detail ? <><br />{line.detail}</> : null}
              </li>
            ))}
          </ul>
          {section.more ? <p><a href={section.more.url} style={{ color: '#000091' }}>{section.more.label}</a></p> : null}
          {section.stopUrl ? <p style={{ fontSize: '12px' }}><a href={section.stopUrl} style={{ color: '#3a3a3a' }}>Supprimer cette alerte</a></p> : null}
        </div>
      ))}
      {hidden > 0 ? <p><a href={`${publicUrl}/mon-espace`} style={{ color: '#000091' }}>Voir tout dans mon espace</a></p> : null}
    </EmailLayout>,
  );
  const paragraphs = [greeting];
  for (const section of sections) {
    paragraphs.push(
      [
        section.heading.toUpperCase(),
        ...section.lines.map((line) => `- ${line.title}${line.detail ? ` — ${line.detail}` : ''}\n  ${line.url}`),
        ...(section.more ? [`${section.more.label} : ${section.more.url}`] : []),
        ...(section.stopUrl ? [`Supprimer cette alerte : ${section.stopUrl}`] : []),
      ].join('\n'),
    );
  }
  if (hidden > 0) paragraphs.push(`Voir tout dans mon espace : ${publicUrl}/mon-espace`);
  return { subject, html, text: emailText(paragraphs, { publicUrl, unsubscribeUrl }), headers: unsubscribeHeaders(unsubscribeUrl) };
}
