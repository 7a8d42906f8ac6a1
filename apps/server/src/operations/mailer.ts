/**
 * Outgoing email over SMTP (SMTP_URL). Email is optional for a self-hosted install, so an unset
 * URL is not an error: sends are logged and skipped. Send failures are thrown, not swallowed,
 * because callers run from durable deadlines that retry.
 */
import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  /** True when the server accepted the message; false when email is off or there is nobody to send to. Throws on SMTP errors. */
  send(mail: Mail): Promise<boolean>;
  close(): void;
}

export interface MailerOptions {
  /** `smtp://[user:pass@]host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start); null = email off. */
  url: string | null;
  /** The From header, e.g. `Parley <parley@example.com>`. */
  from: string;
}

export function createMailer(options: MailerOptions, log: Logger): Mailer {
  const { url, from } = options;
  if (url === null) {
    return {
      async send(mail) {
        log.info({ recipients: mail.to.length, subject: mail.subject }, 'email is not configured (SMTP_URL unset); not sending');
        return false;
      },
      close() {},
    };
  }

  // Bounded waits: nodemailer's defaults (2 min to connect, 10 min idle) would hold a retrying
  // deadline far longer than the retry interval. Query parameters in the URL still override them.
  const transport = createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  const host = safeHost(url);

  return {
    async send(mail) {
      if (mail.to.length === 0) return false;
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      // Partly rejected still counts as sent: retrying would mail the accepted recipients again.
      const rejected = info.rejected.length;
      if (rejected > 0) log.warn({ host, rejected, accepted: info.accepted.length }, 'the mail server rejected some recipients');
      log.info({ host, recipients: mail.to.length, messageId: info.messageId }, 'email sent');
      return true;
    },
    close() {
      transport.close();
    },
  };
}

/** Host and port for logs, never the credentials the URL may hold. */
function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unparsable SMTP_URL';
  }
}
