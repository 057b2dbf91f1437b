import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process. Messages are parsed before the server answers, so
 * when the platform's send resolves, the message is already in `messages`. It can be stopped
 * and started again on the same port to test outages.
 */
export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  stop(): Promise<void>;
  restart(): Promise<void>;
  clear(): void;
  /** Messages sent to this address, oldest first. */
  to(address: string): ParsedMail[];
}

function createServer(messages: ParsedMail[]): SMTPServer {
  return new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
}

async function listen(server: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
}

async function close(server: SMTPServer): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let server = createServer(messages);
  const port = await listen(server, 0);
  let running = true;
  return {
    url: `smtp://127.0.0.1:${port}?tls=off`,
    messages,
    async stop() {
      if (!running) return;
      running = false;
      await close(server);
    },
    async restart() {
      if (running) return;
      server = createServer(messages);
      await listen(server, port);
      running = true;
    },
    clear() {
      messages.length = 0;
    },
    to(address) {
      return messages.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.value.some((entry) => entry.address === address)));
    },
  };
}

/** The first http(s) link in a message's text that starts with this prefix. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const match = (mail.text ?? '').match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s]+`));
  if (!match) throw new Error(`Pas de lien ${prefix} dans « ${mail.subject} »`);
  return match[0];
}
