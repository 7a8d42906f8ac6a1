/**
 * I1 password reset by email: the link arrives in a real SMTP server, works once, expires after
 * an hour of business time, and an unknown address gets the same answer and no mail. Confirming
 * ends every session of the user. Real server, real sockets, both driver sets.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectAgent, createUserAs, httpAs, login, type AgentClient } from './helpers/clients.js';
import { ManualClock } from './helpers/manualClock.js';
import { agentSocket, within } from './helpers/rawSocket.js';
import { startSmtpSink, type ParsedMail, type SmtpSink } from './helpers/smtpSink.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const clock = new ManualClock();
let sink: SmtpSink;
let cluster: TestCluster;
let admin: AgentClient;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  sink = await startSmtpSink();
  cluster = await startCluster({ clock: clock.now, env: { SMTP_URL: sink.url, SMTP_FROM: 'Parley <parley@example.com>' } });
  admin = await connectAgent(cluster.url, cluster.wsUrl);
});
after(async () => {
  admin.close();
  await cluster.close();
  await sink.close();
});

/** The token from the mailed link, which must point at the inbox's reset page on the public URL. */
function tokenOf(mail: ParsedMail): string {
  const link = /(\S+\/inbox\/reset-password\?token=\S+)/.exec(mail.text)?.[1];
  assert.ok(link, `a reset link in: ${mail.text}`);
  const url = new URL(link);
  assert.equal(url.pathname, '/inbox/reset-password');
  return url.searchParams.get('token')!;
}

async function askReset(email: string): Promise<{ status: number; body: unknown }> {
  return httpAs(cluster.url, null)('POST', '/api/auth/password-reset', { email });
}

test('the mailed link sets a new password once, ends every session, and is spent after', async () => {
  const ann = await createUserAs(admin, { email: 'ann@example.com', name: 'Ann' });
  const session = await login(cluster.url, ann.email, ann.password);
  const socket = await agentSocket(cluster.wsUrl, session.cookie);

  const asked = await askReset('  ANN@example.com ');
  assert.equal(asked.status, 202);
  assert.deepEqual(asked.body, { accepted: true });
  const mail = await sink.waitFor((m) => m.envelopeTo.includes(ann.email));
  assert.equal(mail.subject, 'Reset your Parley password');
  assert.equal(mail.from, 'parley@example.com');
  const token = tokenOf(mail);

  const confirm = httpAs(cluster.url, null);
  // A weak password is refused and leaves the link usable.
  const weak = await confirm('POST', '/api/auth/password-reset/confirm', { token, password: 'short' });
  assert.equal(weak.status, 400);
  assert.equal(weak.body.error.code, 'weak_password');
  await login(cluster.url, ann.email, ann.password);

  const done = await confirm('POST', '/api/auth/password-reset/confirm', { token, password: 'a-new-passphrase-42' });
  assert.equal(done.status, 204, JSON.stringify(done.body));
  assert.equal((await within(socket.closed, 3000, 'the open socket closes')).code, 4401);
  assert.equal((await httpAs(cluster.url, session.cookie)('GET', '/api/me')).status, 401, 'the old session ended');
  await assert.rejects(login(cluster.url, ann.email, ann.password), /401/, 'the old password no longer works');
  const fresh = await login(cluster.url, ann.email, 'a-new-passphrase-42');

  const again = await confirm('POST', '/api/auth/password-reset/confirm', { token, password: 'yet-another-phrase-7' });
  assert.equal(again.status, 400);
  assert.equal(again.body.error.code, 'reset_token_invalid');
  await assert.rejects(login(cluster.url, ann.email, 'yet-another-phrase-7'), /401/, 'the second use changed nothing');
  assert.equal((await httpAs(cluster.url, fresh.cookie)('GET', '/api/me')).status, 200, 'nor ended the new session');
});

test('a link older than one hour is refused and changes nothing', async () => {
  const bo = await createUserAs(admin, { email: 'bo@example.com', name: 'Bo' });
  await askReset(bo.email);
  const token = tokenOf(await sink.waitFor((m) => m.envelopeTo.includes(bo.email)));
  clock.advance(60 * 60 * 1000 + 1);
  const late = await httpAs(cluster.url, null)('POST', '/api/auth/password-reset/confirm', { token, password: 'a-new-passphrase-42' });
  assert.equal(late.status, 400);
  assert.equal(late.body.error.code, 'reset_token_invalid');
  await login(cluster.url, bo.email, bo.password);
  await assert.rejects(login(cluster.url, bo.email, 'a-new-passphrase-42'), /401/);
});

test('an unknown or deactivated address gets the same answer and no mail; an unknown token is refused', async () => {
  const cy = await createUserAs(admin, { email: 'cy@example.com', name: 'Cy' });
  assert.equal((await admin.http('PATCH', `/api/admin/users/${cy.id}`, { active: false })).status, 200);
  const before = sink.messages.length;
  const unknown = await askReset('nobody@example.com');
  const deactivated = await askReset(cy.email);
  const malformed = await askReset('not an address');
  for (const answer of [unknown, deactivated, malformed]) {
    assert.equal(answer.status, 202);
    assert.deepEqual(answer.body, { accepted: true });
  }
  // A known address asked last: once its mail is in, the earlier requests have long finished.
  const dee = await createUserAs(admin, { email: 'dee@example.com', name: 'Dee' });
  await askReset(dee.email);
  await sink.waitFor((m) => m.envelopeTo.includes(dee.email));
  await sleep(100);
  assert.deepEqual(sink.messages.slice(before).map((m) => m.envelopeTo), [[dee.email]]);

  const bogus = await httpAs(cluster.url, null)('POST', '/api/auth/password-reset/confirm', { token: 'A'.repeat(43), password: 'a-new-passphrase-42' });
  assert.equal(bogus.status, 400);
  assert.equal(bogus.body.error.code, 'reset_token_invalid');
  assert.equal((await httpAs(cluster.url, null)('POST', '/api/auth/password-reset', {})).status, 400);
});

test('without SMTP configured the request still answers 202', async () => {
  const plain = await startCluster();
  try {
    const answer = await httpAs(plain.url, null)('POST', '/api/auth/password-reset', { email: 'admin@example.com' });
    assert.equal(answer.status, 202);
    assert.deepEqual(answer.body, { accepted: true });
  } finally {
    await plain.close();
  }
});
