import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';

// Emails are read in clients that ignore stylesheets: styles are inline, the layout is a single
// column, links are spelled out in the text version. Colours follow the DSFR (blue France).
const BLUE = '#000091';

interface EmailLayoutProps {
  title: string;
  children: ComponentChildren;
  /** Shown at the bottom of non-transactional emails. */
  unsubscribeUrl?: string;
  publicUrl: string;
}

export function EmailLayout({ title, children, unsubscribeUrl, publicUrl }: EmailLayoutProps) {
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style={{ margin: 0, padding: 0, backgroundColor: '#f6f6f6', fontFamily: 'Arial, Helvetica, sans-serif', color: '#161616' }}>
        <table role="presentation" width="100%" cellPadding="0" cellSpacing="0">
          <tr>
            <td style={{ padding: '24px 12px' }}>
              <table role="presentation" width="100%" cellPadding="0" cellSpacing="0" style={{ maxWidth: '600px', margin: '0 auto', backgroundColor: '#ffffff' }}>
                <tr>
                  <td style={{ padding: '20px 24px', borderBottom: `4px solid ${BLUE}` }}>
                    <p style={{ margin: 0, fontSize: '14px', fontWeight: 'bold' }}>Ministère de la Culture</p>
                    <p style={{ margin: '4px 0 0', fontSize: '18px', fontWeight: 'bold', color: BLUE }}>Elles font la culture</p>
                  </td>
                </tr>
                <tr>
                  <td style={{ padding: '24px', fontSize: '16px', lineHeight: '24px' }}>
                    <h1 style={{ fontSize: '22px', lineHeight: '28px', margin: '0 0 16px' }}>{title}</h1>
                    {children}
                  </td>
                </tr>
                <tr>
                  <td style={{ padding: '16px 24px', fontSize: '12px', lineHeight: '18px', color: '#3a3a3a', borderTop: '1px solid #dddddd' }}>
                    <p style={{ margin: 0 }}>
                      Elles font la culture est un service public du ministère de la Culture :{' '}
                      <a href={publicUrl} style={{ color: BLUE }}>{publicUrl.replace(/^https?:\/\//, '')}</a>
                    </p>
                    {unsubscribeUrl ? (
                      <p style={{ margin: '8px 0 0' }}>
                        Vous recevez ce message parce que vous avez créé une alerte.{' '}
                        <a href={unsubscribeUrl} style={{ color: BLUE }}>Ne plus recevoir d’alertes par email</a>
                      </p>
                    ) : null}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

/** A big, obvious link styled as a button. */
export function EmailButton({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p style={{ margin: '24px 0' }}>
      <a href={href} style={{ backgroundColor: BLUE, color: '#ffffff', padding: '12px 20px', textDecoration: 'none', display: 'inline-block', fontWeight: 'bold' }}>
        {children}
      </a>
    </p>
  );
}

export function renderEmailHtml(node: preact.VNode): string {
  return `<!DOCTYPE html>${renderToString(node)}`;
}

/** The plain-text version: paragraphs, then the service's signature and the unsubscribe link. */
export function emailText(paragraphs: string[], options: { publicUrl: string; unsubscribeUrl?: string }): string {
  const footer = [`Elles font la culture — ministère de la Culture — ${options.publicUrl}`];
  if (options.unsubscribeUrl) footer.push(`Ne plus recevoir d’alertes par email : ${options.unsubscribeUrl}`);
  return `${paragraphs.join('\n\n')}\n\n-- \n${footer.join('\n')}\n`;
}
