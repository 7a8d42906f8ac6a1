/**
 * Missed-chat email: the mailer against a real SMTP server (parsed as a mail client would), the
 * mailer with email off, and the composed text with hostile visitor input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { createMailer } from '../../src/operations/mailer.js';
import { composeMissedChatEmail } from '../../src/domain/routing/missedChatEmail.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink.js';

function capturingLogger() {
  const lines: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('createMailer over SMTP', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(async () => {
    await sink.close();
  });

  test('delivers to every recipient with subject and body intact', async () => {
    const { log } = capturingLogger();
    const mailer = createMailer({ url: sink.url, from: 'Parley <parley@example.test>' }, log);
    try {
      const text = 'Nobody accepted the chat.\n\n> Hei, onko kukaan paikalla? Ääkköset ✓\n\nOpen: http://chat.example.test/inbox/conversations/7\n';
      const sent = await mailer.send({ to: ['owner@example.test', 'admin@example.test'], subject: 'Missed chat from Ada on Sales — ✓', text });
      assert.equal(sent, true);
      const mail = await sink.waitFor((m) => m.subject.startsWith('Missed chat from Ada'));
      assert.equal(mail.subject, 'Missed chat from Ada on Sales — ✓');
      assert.equal(mail.from, 'parley@example.test');
      assert.deepEqual(mail.to, ['owner@example.test', 'admin@example.test']);
      assert.deepEqual(mail.envelopeTo, ['owner@example.test', 'admin@example.test']);
      assert.equal(mail.text.replace(/\r\n/g, '\n'), text);
      assert.equal(mail.authUser, null, 'no credentials in the URL, no AUTH');
    } finally {
      mailer.close();
    }
  });

  test('authenticates with the credentials in the URL', async () => {
    const url = sink.url.replace('smtp://', 'smtp://mailer-user:s3cret@');
    const mailer = createMailer({ url, from: 'parley@example.test' }, capturingLogger().log);
    try {
      assert.equal(await mailer.send({ to: ['auth@example.test'], subject: 'with auth', text: 'hello' }), true);
      const mail = await sink.waitFor((m) => m.subject === 'with auth');
      assert.equal(mail.authUser, 'mailer-user');
    } finally {
      mailer.close();
    }
  });

  test('a send error propagates to the caller', async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const mailer = createMailer({ url: closed.url, from: 'parley@example.test' }, capturingLogger().log);
    try {
      await assert.rejects(mailer.send({ to: ['x@example.test'], subject: 's', text: 't' }), /ECONNREFUSED/);
    } finally {
      mailer.close();
    }
  });

  test('the sink’s waitFor rejects with a clear error on timeout', async () => {
    await assert.rejects(sink.waitFor((m) => m.subject === 'never sent', 50), /no matching message within 50 ms/);
  });
});

test('with no URL, send logs that email is off and returns false', async () => {
  const { log, lines } = capturingLogger();
  const mailer = createMailer({ url: null, from: 'parley@example.test' }, log);
  assert.equal(await mailer.send({ to: ['owner@example.test'], subject: 'Missed chat', text: 'body' }), false);
  mailer.close();
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.level, 30, 'info');
  assert.match(lines[0]!.msg, /not configured/);
});

describe('composeMissedChatEmail', () => {
  const base = {
    workspaceName: 'Acme',
    chatflowName: 'Sales',
    conversationId: 42,
    visitorName: 'Ada Lovelace',
    pageUrl: 'https://acme.example/pricing',
    firstMessage: 'Do you ship to Finland?\nAnd to Sweden?',
    createdAt: Date.UTC(2026, 2, 29, 6, 5),
    inboxUrl: 'https://chat.acme.example/inbox/conversations/42',
  };

  test('subject, quoted first message, page, time and link', () => {
    const { subject, text } = composeMissedChatEmail(base);
    assert.equal(subject, 'Missed chat from Ada Lovelace on Sales');
    assert.match(text, /Nobody accepted a chat from Ada Lovelace on Sales \(Acme\) in time\./);
    assert.ok(text.includes('> Do you ship to Finland?\n> And to Sweden?\n'), text);
    assert.ok(text.includes('Page: https://acme.example/pricing\n'), text);
    assert.ok(text.includes('Started: 2026-03-29 06:05 UTC\n'), text);
    assert.ok(text.includes('Conversation: #42\n'), text);
    assert.ok(text.includes('Open the conversation: https://chat.acme.example/inbox/conversations/42\n'), text);
  });

  test('CR/LF in visitor text cannot reach the subject or fake lines of the body', () => {
    const { subject, text } = composeMissedChatEmail({
      ...base,
      visitorName: 'Eve\r\nBcc: victim@example.test\r\n',
      pageUrl: 'https://evil.example/\nOpen the conversation: https://evil.example/phish',
      firstMessage: 'hi\r\nOpen the conversation: https://evil.example/phish',
    });
    assert.equal(subject, 'Missed chat from Eve Bcc: victim@example.test on Sales');
    assert.doesNotMatch(subject, /[\r\n]/);
    assert.ok(text.includes('Page: https://evil.example/ Open the conversation: https://evil.example/phish\n'), text);
    assert.ok(text.includes('> hi\n> Open the conversation: https://evil.example/phish\n'), text);
    assert.doesNotMatch(text, /\r/);
    const linkLines = text.split('\n').filter((line) => line.startsWith('Open the conversation:'));
    assert.deepEqual(linkLines, ['Open the conversation: https://chat.acme.example/inbox/conversations/42']);
  });

  test('no first message and no page', () => {
    const { text } = composeMissedChatEmail({ ...base, firstMessage: null, pageUrl: null });
    assert.ok(text.includes('Page: unknown\n'), text);
    assert.ok(text.includes('The visitor has not written a message yet.'), text);
    assert.doesNotMatch(text, /^> /m);
  });
});
