import nodemailer from 'nodemailer';

export interface MailToSend {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Stable per outbox row: a client receiving it twice can tell it is the same message. */
  messageId: string;
}

/**
 * How mail leaves the platform: a real SMTP server, or (newcomer's `npm start`, no SMTP_URL)
 * nowhere — the outbox keeps it and /dev/emails shows it.
 */
export interface MailTransport {
  kind: 'smtp' | 'outbox';
  send(mail: MailToSend): Promise<void>;
  close(): void;
}

export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) {
    return { kind: 'outbox', send: async () => undefined, close: () => undefined };
  }
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // Local relays and test servers may not offer TLS; production URLs use smtps:// or a relay with STARTTLS.
    ignoreTLS: url.searchParams.get('tls') === 'off',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: mail.headers,
        messageId: mail.messageId,
      });
    },
    close: () => transporter.close(),
  };
}
