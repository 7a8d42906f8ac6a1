/**
 * W9 email capture and login-only mode on both drivers: "before the first message" refuses a
 * start until the visitor gave an email (HTTP and socket alike), login-only refuses an anonymous
 * start until a valid identify, "hide from anonymous" gives anonymous visitors no config, and bad
 * settings are refused without changing anything. Refusals create no conversation.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { connectVisitor, createVisitorSession, httpAs } from './helpers/clients.js';
import { storage } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

const sign = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');

async function chatflowId(): Promise<number> {
  const res = await shared.admin.http('GET', '/api/admin/chatflows');
  return res.body.chatflows[0].id as number;
}

async function setSettings(settings: Record<string, unknown>): Promise<void> {
  const res = await shared.admin.http('PATCH', `/api/admin/chatflows/${await chatflowId()}`, { settings });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

async function site() {
  const sites = (await shared.admin.http('GET', '/api/admin/sites')).body.sites as Array<{ id: number; siteKey: string; secret: string }>;
  return sites.find((s) => s.siteKey === shared.cluster.siteKey)!;
}

async function visitor() {
  const session = await createVisitorSession(shared.cluster.url, shared.cluster.siteKey);
  return { ...session, http: httpAs(shared.cluster.url, null, session.visitorToken) };
}

async function conversationsOf(visitorId: number): Promise<number> {
  const rows = await storage(shared.cluster).selectFrom('conversations').select('id').where('visitor_id', '=', visitorId).execute();
  return rows.length;
}

async function configFor(token?: string) {
  const res = await fetch(`${shared.cluster.url}/api/widget/config?siteKey=${shared.cluster.siteKey}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  assert.equal(res.status, 200);
  return ((await res.json()) as { config: Record<string, any> | null }).config;
}

test('a new chatflow asks for nothing, in its own language', async () => {
  const created = await shared.admin.http('POST', '/api/admin/chatflows', { siteId: (await site()).id, name: 'Finnish', language: 'fi' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const settings = created.body.chatflow.settings;
  assert.equal(settings.emailCapture, 'never');
  assert.equal(settings.loginOnly, 'off');
  assert.equal(settings.emailCaptureMinutes, 5);
  assert.match(settings.emailCapturePrompt, /sähköposti/i);
  assert.equal((await shared.admin.http('DELETE', `/api/admin/chatflows/${created.body.chatflow.id}`)).status < 300, true);
});

test('before the first message: no start without an email (HTTP and socket); after capture the start goes through', async () => {
  await setSettings({ emailCapture: 'beforeFirstMessage', emailCapturePrompt: 'Your email first, please', loginOnly: 'off' });
  const v = await visitor();
  const config = await configFor(v.visitorToken);
  assert.deepEqual(config!.emailCapture, { mode: 'beforeFirstMessage', minutes: 5, prompt: 'Your email first, please', visitorHasEmail: false });

  const refused = await v.http('POST', '/api/widget/messages', { clientMessageId: 'e1', body: 'Hello?' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'email_required');
  const socket = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey, v);
  try {
    await assert.rejects(socket.rt.send('message.send', { clientMessageId: 'e2', body: 'Hello?' }), (e: any) => e.error.code === 'email_required');
    assert.equal(await conversationsOf(v.visitorId), 0, 'a refused start leaves no conversation');

    const bad = await v.http('POST', '/api/widget/email', { email: 'not-an-email' });
    assert.equal(bad.status, 400);
    assert.equal((await v.http('POST', '/api/widget/messages', { clientMessageId: 'e3', body: 'Hello?' })).body.error.code, 'email_required', 'an invalid email captures nothing');

    assert.equal((await v.http('POST', '/api/widget/email', { email: 'Early.Bird@Example.com' })).status, 204);
    assert.equal((await configFor(v.visitorToken))!.emailCapture.visitorHasEmail, true);
    // The socket was opened before the capture: the server reads the visitor afresh.
    const sent = await socket.rt.send('message.send', { clientMessageId: 'e4', body: 'Hello after email' });
    assert.ok(sent.message.conversationId > 0);
    const next = await v.http('POST', '/api/widget/messages', { clientMessageId: 'e5', body: 'and again' });
    assert.equal(next.status, 201);
    assert.equal(next.body.message.conversationId, sent.message.conversationId);
  } finally {
    socket.close();
  }
  const contacts = await shared.admin.http('GET', `/api/contacts?query=${encodeURIComponent('early.bird@example.com')}`);
  assert.equal(contacts.body.contacts.length, 1);
});

test('noReply capture lets the visitor start at once', async () => {
  await setSettings({ emailCapture: 'noReply', emailCaptureMinutes: 3, loginOnly: 'off' });
  const v = await visitor();
  assert.equal((await configFor(v.visitorToken))!.emailCapture.minutes, 3);
  assert.equal((await v.http('POST', '/api/widget/messages', { clientMessageId: 'n1', body: 'Hi' })).status, 201);
});

test('start for identified visitors only: anonymous and unverified starts are refused, a valid identify lets them start', async () => {
  await setSettings({ emailCapture: 'never', loginOnly: 'startIdentifiedOnly' });
  const { id: siteId, secret } = await site();
  assert.equal((await shared.admin.http('PUT', `/api/admin/sites/${siteId}/identity-verification`, { requireIdentityVerification: true })).status, 200);
  try {
    const v = await visitor();
    const anonymousConfig = await configFor(v.visitorToken);
    assert.deepEqual(anonymousConfig!.loginOnly, { mode: 'startIdentifiedOnly', visitorIdentified: false });
    assert.deepEqual((await configFor())!.loginOnly, { mode: 'startIdentifiedOnly', visitorIdentified: false }, 'the chat stays visible to everyone');

    const refused = await v.http('POST', '/api/widget/messages', { clientMessageId: 'i1', body: 'Let me in' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'identification_required');
    // Typing an email into the chat is not signing in.
    assert.equal((await v.http('POST', '/api/widget/email', { email: 'anon@example.com' })).status, 204);
    assert.equal((await v.http('POST', '/api/widget/messages', { clientMessageId: 'i2', body: 'Let me in' })).body.error.code, 'identification_required');
    const wrong = await v.http('POST', '/api/widget/identify', { id: 'member-7', hash: sign('not the secret', 'member-7') });
    assert.equal(wrong.status, 403);
    assert.equal((await v.http('POST', '/api/widget/messages', { clientMessageId: 'i3', body: 'Let me in' })).body.error.code, 'identification_required');
    assert.equal(await conversationsOf(v.visitorId), 0);

    const ok = await v.http('POST', '/api/widget/identify', { id: 'member-7', email: 'member7@example.com', hash: sign(secret, 'member-7') });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await configFor(v.visitorToken))!.loginOnly.visitorIdentified, true);
    assert.equal((await v.http('POST', '/api/widget/messages', { clientMessageId: 'i4', body: 'Signed in now' })).status, 201);
  } finally {
    await shared.admin.http('PUT', `/api/admin/sites/${siteId}/identity-verification`, { requireIdentityVerification: false });
  }
});

test('on a site that does not require verification, identify without a hash counts as identified', async () => {
  await setSettings({ emailCapture: 'never', loginOnly: 'startIdentifiedOnly' });
  const v = await visitor();
  assert.equal((await v.http('POST', '/api/widget/messages', { clientMessageId: 'u1', body: 'Hi' })).body.error.code, 'identification_required');
  assert.equal((await v.http('POST', '/api/widget/identify', { id: 'guest-1', name: 'Guest One' })).status, 200);
  const u2 = await v.http('POST', '/api/widget/messages', { clientMessageId: 'u2', body: 'Hi' });
  assert.equal(u2.status, 201, JSON.stringify(u2.body));
});

test('hidden from anonymous visitors: no config for them, the config for an identified visitor', async () => {
  await setSettings({ emailCapture: 'never', loginOnly: 'hideFromAnonymous' });
  const { secret } = await site();
  const v = await visitor();
  assert.equal(await configFor(), null);
  assert.equal(await configFor(v.visitorToken), null);
  const byId = await fetch(`${shared.cluster.url}/api/widget/config?siteKey=${shared.cluster.siteKey}&chatflowId=${await chatflowId()}`, { headers: { authorization: `Bearer ${v.visitorToken}` } });
  assert.equal(((await byId.json()) as { config: unknown }).config, null, 'the frame asking by chatflow gets nothing either');
  assert.equal((await v.http('POST', '/api/widget/messages', { clientMessageId: 'h1', body: 'Sneaky' })).body.error.code, 'identification_required');
  assert.equal((await v.http('POST', '/api/widget/identify', { id: 'member-9', hash: sign(secret, 'member-9') })).status, 200);
  const config = await configFor(v.visitorToken);
  assert.deepEqual(config!.loginOnly, { mode: 'hideFromAnonymous', visitorIdentified: true });
  await setSettings({ loginOnly: 'off' });
});

test('invalid settings are refused and change nothing', async () => {
  const id = await chatflowId();
  const before = (await shared.admin.http('GET', `/api/admin/chatflows/${id}`)).body.chatflow;
  const cases: Array<Record<string, unknown>> = [
    { emailCapture: 'always' },
    { emailCaptureMinutes: 0 },
    { emailCaptureMinutes: 1441 },
    { emailCaptureMinutes: 2.5 },
    { emailCapturePrompt: '   ' },
    { emailCapturePrompt: 'x'.repeat(501) },
    { loginOnly: 'everyone' },
    { loginOnly: null },
  ];
  for (const settings of cases) {
    const res = await shared.admin.http('PATCH', `/api/admin/chatflows/${id}`, { settings });
    assert.equal(res.status, 400, JSON.stringify(settings));
    assert.equal(res.body.error.code, 'validation_failed');
  }
  assert.deepEqual((await shared.admin.http('GET', `/api/admin/chatflows/${id}`)).body.chatflow, before);
});
