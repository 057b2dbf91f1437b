/** What an email template produces: a subject and the same message in HTML and in plain text. */
export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

/** Extra headers of non-transactional emails: one-click unsubscribe (RFC 8058). */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
