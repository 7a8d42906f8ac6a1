/**
 * A real SMTP server on 127.0.0.1 (port 0) that keeps every message it receives, parsed, so tests
 * assert on what a mail client would see rather than on what we handed to nodemailer.
 */
import { SMTPServer } from 'smtp-server';
import PostalMime, { type Address } from 'postal-mime';

export interface ParsedMail {
  /** From header address. */
  from: string | null;
  /** To header addresses. */
  to: string[];
  subject: string;
  text: string;
  /** SMTP envelope (MAIL FROM / RCPT TO), which is who actually gets it. */
  envelopeTo: string[];
  /** The user name given with AUTH, or null when the client did not authenticate. */
  authUser: string | null;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`. */
  url: string;
  messages: ParsedMail[];
  /** The first message, already received or yet to come, that matches; rejects after timeoutMs. */
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

function addresses(list: Address[] | Address | undefined): string[] {
  const all = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return all.flatMap((a) => (a.group ? a.group.map((m) => m.address) : [a.address!]));
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<(mail: ParsedMail) => void>();

  const server = new SMTPServer({
    authOptional: true,
    // Plain TCP only: no certificates to manage in tests, and AUTH is still accepted over it.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        PostalMime.parse(Buffer.concat(chunks)).then(
          (email) => {
            const mail: ParsedMail = {
              from: addresses(email.from)[0] ?? null,
              to: addresses(email.to),
              subject: email.subject ?? '',
              text: email.text ?? '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              authUser: typeof session.user === 'string' ? session.user : null,
            };
            messages.push(mail);
            for (const waiter of waiters) waiter(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('SMTP sink did not get a TCP port');

  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    waitFor(predicate, timeoutMs = 5000) {
      const already = messages.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = (mail: ParsedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = messages.map((m) => JSON.stringify(m.subject)).join(', ') || 'none';
          reject(new Error(`SMTP sink: no matching message within ${timeoutMs} ms (received ${messages.length}: ${seen})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
