/**
 * I8 notification choices and emails over a real SMTP server: my choices through
 * GET/PUT /api/me/notifications (validated, nothing changed on bad input); a new chat emails the
 * users who chose it and are away or offline, nobody who opted out or is online; a chat handed to
 * someone away emails them; the missed-chat email skips admins who turned it off; and an email
 * whose first attempt failed still goes out after a restart, exactly once.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@parley/protocol';
import { connectAgent, createUserAs, httpAs, login, type AgentClient } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { ManualClock } from './helpers/manualClock.js';
import { setAway, settle, storage, visitorWrites } from './helpers/routing.js';
import { startSmtpSink, type ParsedMail } from './helpers/smtpSink.js';
import { ADMIN_EMAIL, startCluster, startNode, type TestCluster } from './helpers/testServer.js';

function preferences(email: Partial<NotificationPreferences['email']>): NotificationPreferences {
  return { ...structuredClone(DEFAULT_NOTIFICATION_PREFERENCES), email: { ...DEFAULT_NOTIFICATION_PREFERENCES.email, ...email } };
}

/** A user who exists but has no inbox open (offline), with these email choices saved. */
async function offlineUser(cluster: TestCluster, admin: AgentClient, name: string, email: Partial<NotificationPreferences['email']>) {
  const creds = await createUserAs(admin, { email: `${name.toLowerCase()}@example.com`, name });
  const { cookie } = await login(cluster.url, creds.email, creds.password);
  const http = httpAs(cluster.url, cookie);
  const saved = await http('PUT', '/api/me/notifications', preferences(email));
  assert.equal(saved.status, 200);
  return { ...creds, http };
}

const newChatMails = (mails: ParsedMail[]) => mails.filter((m) => m.subject.startsWith('New chat from'));

test('my choices: defaults, a full replace, and refused bad bodies that change nothing', async () => {
  const cluster = await startCluster();
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    const initial = await admin.http('GET', '/api/me/notifications');
    assert.equal(initial.status, 200);
    assert.deepEqual(initial.body.preferences, DEFAULT_NOTIFICATION_PREFERENCES);

    const wanted = preferences({ newConversation: true, assignedWhileAway: false });
    wanted.sound.newMessage = false;
    wanted.browser.newConversation = false;
    const saved = await admin.http('PUT', '/api/me/notifications', wanted);
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body.preferences, wanted);

    for (const bad of [
      { ...wanted, email: { newConversation: 'yes', assignedWhileAway: false } },
      { ...wanted, email: { newConversation: true } },
      { ...wanted, push: { newConversation: true } },
      { browser: wanted.browser },
      null,
    ]) {
      const refused = await admin.http('PUT', '/api/me/notifications', bad);
      assert.equal(refused.status, 400, JSON.stringify(bad));
      assert.equal(refused.body.error.code, 'validation_failed');
    }
    assert.deepEqual((await admin.http('GET', '/api/me/notifications')).body.preferences, wanted, 'unchanged by refused bodies');

    // Each user has their own: a colleague still has the defaults.
    const colleague = await offlineUser(cluster, admin, 'Colleague', {});
    assert.deepEqual((await colleague.http('GET', '/api/me/notifications')).body.preferences, preferences({}));
    assert.equal((await httpAs(cluster.url, null)('GET', '/api/me/notifications')).status, 401);
    const doc = (await httpAs(cluster.url, null)('GET', '/api/openapi.json')).body;
    assert.ok(doc.paths['/api/me/notifications'].get && doc.paths['/api/me/notifications'].put, 'in the OpenAPI document');
    admin.close();
  } finally {
    await cluster.close();
  }
});

test('a new chat emails who chose it and is away or offline; a chat handed to someone away emails them', async () => {
  const clock = new ManualClock();
  const sink = await startSmtpSink();
  const cluster = await startCluster({ clock: clock.now, env: { SMTP_URL: sink.url, SMTP_FROM: 'Parley <chat@example.com>' } });
  const clients: AgentClient[] = [];
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    clients.push(admin);
    await setAway(admin);
    // Away with the inbox open, opted in.
    const ann = await offlineUser(cluster, admin, 'Ann', { newConversation: true });
    const annClient = await connectAgent(cluster.url, cluster.wsUrl, ann);
    clients.push(annClient);
    await setAway(annClient);
    // Offline (no inbox open), opted in.
    const dan = await offlineUser(cluster, admin, 'Dan', { newConversation: true });
    // Away, opted out of both.
    const ben = await offlineUser(cluster, admin, 'Ben', { newConversation: false, assignedWhileAway: false });
    // Opted in, but online with the inbox open: the inbox tells her.
    const cat = await offlineUser(cluster, admin, 'Cat', { newConversation: true });
    const catClient = await connectAgent(cluster.url, cluster.wsUrl, cat);
    clients.push(catClient);
    await catClient.rt.send('availability.set', { availability: 'online' });
    await settle(cluster);

    const { conversationId } = await visitorWrites(cluster, 'Do you ship to Finland?\nAsking for a friend.');
    await settle(cluster);
    const mail = await sink.waitFor((m) => m.subject.startsWith('New chat from'));
    assert.deepEqual(mail.envelopeTo.sort(), [ann.email, dan.email].sort(), 'opted in and away or offline; not Ben (opted out), Cat (online) or the admin (default off)');
    assert.match(mail.text, /> Do you ship to Finland\?\n> Asking for a friend\./);
    assert.ok(mail.text.includes(`/inbox/conversations/${conversationId}`));
    assert.ok(mail.text.includes('/inbox/notifications'), 'says where to change it');
    await settle(cluster);
    assert.equal(newChatMails(sink.messages).length, 1, 'one email per new chat');

    // The admin hands the chat to Dan, who is offline.
    const handed = await admin.http('POST', `/api/conversations/${conversationId}/assign`, { userId: dan.id });
    assert.equal(handed.status, 200);
    await settle(cluster);
    const assigned = await sink.waitFor((m) => m.subject.includes('assigned to you'));
    assert.deepEqual(assigned.envelopeTo, [dan.email]);
    assert.match(assigned.text, /Latest message from the visitor:\n> Do you ship to Finland\?/);

    // Handed to Cat (online): no email. To Ben (away, opted out): none either.
    for (const userId of [cat.id, ben.id]) {
      assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/assign`, { userId })).status, 200);
    }
    // Taking it yourself while away is not news.
    assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/assign`, { userId: admin.userId })).status, 200);
    await settle(cluster);
    // The mailer runs after the deadline's commit: a last email would be here by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(
      sink.messages.filter((m) => m.subject.includes('assigned to you')).map((m) => m.envelopeTo),
      [[dan.email]],
      'only the hand-over to someone away who wants it',
    );
    const left = await storage(cluster).selectFrom('deadlines').select('key').where('kind', 'in', ['new_conversation_email', 'assigned_email']).execute();
    assert.deepEqual(left, [], 'every email deadline completed');
  } finally {
    for (const client of clients) client.close();
    await cluster.close();
    await sink.close();
  }
});

test('the missed-chat email goes to the admins who kept it on', async () => {
  const sink = await startSmtpSink();
  const cluster = await startCluster({ env: { SMTP_URL: sink.url } });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    const lead = await createUserAs(admin, { email: 'lead@example.com', name: 'Lead', role: 'admin' });
    const ops = await createUserAs(admin, { email: 'ops@example.com', name: 'Ops', role: 'admin' });
    const opsHttp = httpAs(cluster.url, (await login(cluster.url, ops.email, ops.password)).cookie);
    assert.equal((await opsHttp('PUT', '/api/me/notifications', preferences({ missedChat: false }))).status, 200);
    admin.close();

    // Nobody is online: the chat is missed at once and the email goes out.
    await visitorWrites(cluster, 'Hello?');
    await settle(cluster);
    const mail = await sink.waitFor((m) => m.subject.startsWith('Missed chat'));
    assert.deepEqual(mail.envelopeTo.sort(), [ADMIN_EMAIL, lead.email].sort(), 'not Ops, who turned it off');
  } finally {
    await cluster.close();
    await sink.close();
  }
});

/** A TCP port nobody listens on: sending mail there fails at once. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a new-chat email whose send failed goes out after a restart, once', async () => {
  const clock = new ManualClock();
  const sink = await startSmtpSink();
  const store = await freshStore();
  const broken = { SMTP_URL: `smtp://127.0.0.1:${await deadPort()}` };
  const cluster = await startCluster({ store, clock: clock.now, env: broken });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    const eve = await offlineUser(cluster, admin, 'Eve', { newConversation: true });
    admin.close();

    const { conversationId } = await visitorWrites(cluster, 'Anyone there?');
    const key = `new-chat-email:${conversationId}`;
    // The first attempt fails (nobody listens) and leaves the deadline for a later retry.
    const deadline = () => storage(cluster).selectFrom('deadlines').select(['attempts', 'lease_owner', 'due_at']).where('key', '=', key).executeTakeFirst();
    for (let i = 0; i < 100; i++) {
      await settle(cluster);
      const row = await deadline();
      if (row && Number(row.attempts) >= 1 && row.lease_owner === null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const pending = await deadline();
    assert.ok(pending && Number(pending.attempts) >= 1 && pending.lease_owner === null, 'failed once, waiting to be retried');
    assert.equal(sink.messages.length, 0);

    // Restart with a working mail server; once the retry is due, it is sent.
    await cluster.nodes[0]!.close();
    const working = { SMTP_URL: sink.url };
    cluster.nodes[0] = await startNode(store, { clock: clock.now, env: working });
    clock.advance(60_000);
    await settle(cluster);
    const mail = await sink.waitFor((m) => m.subject.startsWith('New chat from'));
    assert.deepEqual(mail.envelopeTo, [eve.email]);
    assert.equal(await deadline(), undefined, 'completed');

    // Another restart later: nothing left to send again.
    await cluster.nodes[0]!.close();
    cluster.nodes[0] = await startNode(store, { clock: clock.now, env: working });
    clock.advance(60 * 60_000);
    await settle(cluster);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(newChatMails(sink.messages).length, 1, 'sent once');
  } finally {
    await cluster.close();
    await sink.close();
  }
});
