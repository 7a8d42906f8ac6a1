/**
 * W10 consent on both drivers: the chatflow's consent settings (defaults, PATCH, bad input refused
 * without a change), explicit data processing refusing a start (HTTP, socket and file uploads)
 * until "I agree" is recorded, the stored row keeping the chatflow's exact text, language and
 * time, the contact's export holding it, and erasure removing it; "I agree" counting only for the
 * chatflow it was given in. Subscription types for admins.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { createChatflow, demoSite, updateChatflow, widgetConfigFor } from './helpers/chatflows.js';
import { connectVisitor, createVisitorSession, httpAs } from './helpers/clients.js';
import { storage } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

const EXPLICIT_TEXT = 'Vi sparar det du skriver i chatten för att kunna svara dig.';

async function chatflow(): Promise<{ id: number; consent: any }> {
  const res = await shared.admin.http('GET', '/api/admin/chatflows');
  return res.body.chatflows[0];
}

async function patchConsent(consent: unknown) {
  return shared.admin.http('PATCH', `/api/admin/chatflows/${(await chatflow()).id}`, { consent });
}

async function visitor() {
  const session = await createVisitorSession(shared.cluster.url, shared.cluster.siteKey);
  return { ...session, http: httpAs(shared.cluster.url, null, session.visitorToken) };
}

const consentRows = (visitorId: number) => storage(shared.cluster).selectFrom('consents').selectAll().where('visitor_id', '=', visitorId).execute();

test('a chatflow has consent defaults; bad consent settings are refused and change nothing', async () => {
  const before = await chatflow();
  assert.equal(before.consent.dataProcessing.mode, 'legitimateInterest');
  assert.equal(before.consent.cookie.enabled, true);
  assert.equal(before.consent.communications.enabled, false);
  for (const bad of [
    { privacyPolicyUrl: 'http://shop.example/privacy' },
    { termsUrl: 'javascript:alert(1)' },
    { dataProcessing: { mode: 'implied', text: 'x' } },
    { dataProcessing: { mode: 'explicit', text: '  ' } },
    { communications: { enabled: true, text: 'News', subscriptionTypeId: null } },
    { communications: { enabled: true, text: 'News', subscriptionTypeId: 999999 } },
    { cookie: { enabled: true, when: 'beforeChat' } },
  ]) {
    const res = await patchConsent(bad);
    assert.equal(res.status, 400, JSON.stringify(bad));
    assert.equal(res.body.error.code, 'validation_failed');
  }
  assert.deepEqual((await chatflow()).consent, before.consent, 'nothing changed');
});

test('subscription types: admins create and rename them, names are unique, a signed-out request is refused', async () => {
  const created = await shared.admin.http('POST', '/api/admin/subscription-types', { name: 'Newsletter', description: 'Monthly news' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const again = await shared.admin.http('POST', '/api/admin/subscription-types', { name: 'Newsletter' });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'subscription_type_taken');
  assert.equal((await shared.admin.http('POST', '/api/admin/subscription-types', { name: '   ' })).status, 400);
  const renamed = await shared.admin.http('PATCH', `/api/admin/subscription-types/${created.body.subscriptionType.id}`, { name: 'Product news' });
  assert.equal(renamed.body.subscriptionType.name, 'Product news');
  const list = await shared.admin.http('GET', '/api/admin/subscription-types');
  assert.deepEqual(list.body.subscriptionTypes.map((t: any) => t.name), ['Product news']);
  const ok = await patchConsent({ communications: { enabled: true, text: 'Send me product news.', subscriptionTypeId: created.body.subscriptionType.id } });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.chatflow.consent.communications.subscriptionTypeId, created.body.subscriptionType.id);
  const anonymous = await fetch(`${shared.cluster.url}/api/admin/subscription-types`);
  assert.equal(anonymous.status, 401);
});

test('explicit consent refuses a start until "I agree" is recorded; the row keeps the exact text, language and time; export and erasure', async () => {
  const flow = await chatflow();
  const patched = await shared.admin.http('PATCH', `/api/admin/chatflows/${flow.id}`, { language: 'sv', consent: { dataProcessing: { mode: 'explicit', text: EXPLICIT_TEXT } } });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const v = await visitor();

  const refused = await v.http('POST', '/api/widget/messages', { clientMessageId: 'c1', body: 'Hej!' });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'consent_required');
  const socket = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey, v);
  try {
    await assert.rejects(socket.rt.send('message.send', { clientMessageId: 'c2', body: 'Hej?' }), (e: any) => e.error.code === 'consent_required');
  } finally {
    socket.close();
  }
  const upload = await fetch(`${shared.cluster.url}/api/widget/attachments?name=a.txt&clientMessageId=c3`, {
    method: 'POST',
    headers: { authorization: `Bearer ${v.visitorToken}`, 'content-type': 'application/octet-stream' },
    body: Buffer.from('hello'),
  });
  assert.equal(upload.status, 403);
  assert.equal(((await upload.json()) as any).error.code, 'consent_required');
  const none = await storage(shared.cluster).selectFrom('conversations').select('id').where('visitor_id', '=', v.visitorId).execute();
  assert.equal(none.length, 0, 'a refused start leaves no conversation');

  // Bad input is refused and records nothing; a declined consent still refuses.
  for (const bad of [{ chatflowId: flow.id, kind: 'marketing', granted: true }, { chatflowId: flow.id, kind: 'dataProcessing' }, { chatflowId: 999999, kind: 'dataProcessing', granted: true }]) {
    const res = await v.http('POST', '/api/widget/consents', bad);
    assert.ok(res.status === 400 || res.status === 404, JSON.stringify(res.body));
  }
  assert.equal((await fetch(`${shared.cluster.url}/api/widget/consents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chatflowId: flow.id, kind: 'dataProcessing', granted: true }) })).status, 401);
  assert.equal((await consentRows(v.visitorId)).length, 0);
  assert.equal((await v.http('POST', '/api/widget/consents', { chatflowId: flow.id, kind: 'dataProcessing', granted: false })).status, 201);
  assert.equal((await v.http('POST', '/api/widget/messages', { clientMessageId: 'c4', body: 'Hej!' })).body.error.code, 'consent_required');

  const before = Date.now();
  const agreed = await v.http('POST', '/api/widget/consents', { chatflowId: flow.id, kind: 'dataProcessing', granted: true });
  assert.equal(agreed.status, 201, JSON.stringify(agreed.body));
  assert.equal(agreed.body.consent.text, EXPLICIT_TEXT);
  assert.equal(agreed.body.consent.language, 'sv');
  const sent = await v.http('POST', '/api/widget/messages', { clientMessageId: 'c5', body: 'Hej!' });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  const inSidebar = await shared.admin.http('GET', `/api/conversations/${sent.body.message.conversationId}/consents`);
  assert.equal(inSidebar.status, 200);
  assert.deepEqual(inSidebar.body.consents.map((c: any) => [c.kind, c.granted, c.text]), [['dataProcessing', false, EXPLICIT_TEXT], ['dataProcessing', true, EXPLICIT_TEXT]]);

  const rows = await consentRows(v.visitorId);
  assert.equal(rows.length, 2);
  const stored = rows.find((r) => r.granted === 1)!;
  assert.equal(stored.text, EXPLICIT_TEXT);
  assert.equal(stored.language, 'sv');
  assert.equal(stored.kind, 'dataProcessing');
  assert.ok(Number(stored.created_at) >= before - 5000 && Number(stored.created_at) <= Date.now() + 5000);

  // The text changes later: the record keeps what the visitor saw.
  await patchConsent({ dataProcessing: { mode: 'explicit', text: 'Another text now.' } });
  // The visitor becomes a contact: the consents follow into the export, then erasure removes them.
  assert.equal((await v.http('POST', '/api/widget/email', { email: 'consenting@example.com' })).status, 204);
  const contactId = Number((await storage(shared.cluster).selectFrom('visitors').select('contact_id').where('id', '=', v.visitorId).executeTakeFirstOrThrow()).contact_id);
  assert.deepEqual((await consentRows(v.visitorId)).map((r) => Number(r.contact_id)), [contactId, contactId], 'the consents are linked to the new contact');
  const exported = await shared.admin.http('GET', `/api/contacts/${contactId}/export`);
  assert.equal(exported.status, 200);
  const granted = exported.body.consents.find((c: any) => c.granted);
  assert.equal(granted.text, EXPLICIT_TEXT);
  assert.equal(granted.language, 'sv');
  assert.equal(granted.kind, 'dataProcessing');
  assert.equal(exported.body.consents.length, 2);
  const sidebar = await shared.admin.http('GET', `/api/contacts/${contactId}/consents`);
  assert.equal(sidebar.body.consents.length, 2);

  assert.equal((await shared.admin.http('DELETE', `/api/contacts/${contactId}`)).status, 204);
  assert.equal((await consentRows(v.visitorId)).length, 0, 'erasure removes the consents');
  await shared.admin.http('PATCH', `/api/admin/chatflows/${flow.id}`, { language: 'en', consent: { dataProcessing: { mode: 'legitimateInterest', text: 'We keep it.' } } });
});

test('the communications consent keeps its subscription type; the cookie banner skips identified visitors and answered ones', async () => {
  const flow = await chatflow();
  const type = await shared.admin.http('POST', '/api/admin/subscription-types', { name: 'Offers' });
  const typeId = type.body.subscriptionType.id as number;
  assert.equal((await patchConsent({ communications: { enabled: true, text: 'Send me offers.', subscriptionTypeId: typeId } })).status, 200);
  const v = await visitor();
  const config = async (token: string) =>
    ((await (await fetch(`${shared.cluster.url}/api/widget/config?siteKey=${shared.cluster.siteKey}`, { headers: { authorization: `Bearer ${token}` } })).json()) as any).config;
  assert.equal((await config(v.visitorToken)).consent.cookieApplies, true);
  const given = await v.http('POST', '/api/widget/consents', { chatflowId: flow.id, kind: 'communications', granted: true });
  assert.equal(given.status, 201);
  assert.deepEqual(given.body.consent.subscriptionType, { id: typeId, name: 'Offers' });
  assert.equal(given.body.consent.text, 'Send me offers.');
  assert.equal((await v.http('POST', '/api/widget/consents', { chatflowId: flow.id, kind: 'cookie', granted: false })).status, 201);
  assert.equal((await config(v.visitorToken)).consent.cookieApplies, false, 'answered once, not asked again');

  // A visitor the site identifies with a valid hash is not asked.
  const secret = (await shared.admin.http('GET', '/api/admin/sites')).body.sites.find((s: any) => s.siteKey === shared.cluster.siteKey).secret as string;
  const named = await visitor();
  const identified = await named.http('POST', '/api/widget/identify', { id: 'member-42', hash: createHmac('sha256', secret).update('member-42').digest('hex') });
  assert.equal(identified.status, 200, JSON.stringify(identified.body));
  assert.equal((await config(named.visitorToken)).consent.cookieApplies, false);
});

test('"I agree" counts for the chatflow it was given in: another chatflow with explicit consent asks again', async () => {
  const siteId = (await demoSite(shared.admin.http)).id;
  const explicit = (text: string) => ({ dataProcessing: { mode: 'explicit' as const, text } });
  const a = await createChatflow(shared.admin.http, { siteId, name: 'Consent A', published: true, consent: explicit('Chatflow A keeps what you write.') });
  const b = await createChatflow(shared.admin.http, { siteId, name: 'Consent B', published: true, consent: explicit('Chatflow B keeps what you write.') });
  try {
    const v = await visitor();
    const granted = async (chatflowId: number) =>
      (await widgetConfigFor(shared.cluster.url, shared.cluster.siteKey, { chatflowId }, { authorization: `Bearer ${v.visitorToken}` })).body.config.consent.dataProcessingGranted;
    assert.equal((await v.http('POST', '/api/widget/consents', { chatflowId: a.id, kind: 'dataProcessing', granted: true })).status, 201);
    assert.equal(await granted(a.id), true);
    assert.equal(await granted(b.id), false, 'the widget asks again in B');

    const refused = await v.http('POST', '/api/widget/messages', { clientMessageId: 'b1', body: 'Hello B', chatflowId: b.id });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'consent_required');
    const none = await storage(shared.cluster).selectFrom('conversations').select('id').where('visitor_id', '=', v.visitorId).execute();
    assert.equal(none.length, 0, 'a refused start leaves no conversation');

    const agreed = await v.http('POST', '/api/widget/consents', { chatflowId: b.id, kind: 'dataProcessing', granted: true });
    assert.equal(agreed.body.consent.text, 'Chatflow B keeps what you write.');
    assert.equal(await granted(b.id), true);
    const sent = await v.http('POST', '/api/widget/messages', { clientMessageId: 'b2', body: 'Hello B', chatflowId: b.id });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const started = await storage(shared.cluster).selectFrom('conversations').select('chatflow_id').where('id', '=', sent.body.message.conversationId).executeTakeFirstOrThrow();
    assert.equal(Number(started.chatflow_id), b.id);
    assert.deepEqual((await consentRows(v.visitorId)).map((r) => [Number(r.chatflow_id), r.granted]), [[a.id, 1], [b.id, 1]]);
  } finally {
    await updateChatflow(shared.admin.http, a.id, { published: false });
    await updateChatflow(shared.admin.http, b.id, { published: false });
  }
});

test('an answer stored without a chatflow (before consents named theirs) still counts for every chatflow', async () => {
  const flow = await chatflow();
  await patchConsent({ dataProcessing: { mode: 'explicit', text: 'We keep what you write.' } });
  try {
    const v = await visitor();
    assert.equal((await v.http('POST', '/api/widget/messages', { clientMessageId: 'o1', body: 'Hi' })).body.error.code, 'consent_required');
    const { workspace_id } = await storage(shared.cluster).selectFrom('visitors').select('workspace_id').where('id', '=', v.visitorId).executeTakeFirstOrThrow();
    await storage(shared.cluster)
      .insertInto('consents')
      .values({ workspace_id, visitor_id: v.visitorId, contact_id: null, conversation_id: null, chatflow_id: null, kind: 'dataProcessing', granted: 1, text: 'An older text.', language: 'en', subscription_type_id: null, subscription_type_name: null, created_at: Date.now() })
      .execute();
    const sent = await v.http('POST', '/api/widget/messages', { clientMessageId: 'o2', body: 'Hi', chatflowId: flow.id });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
  } finally {
    await patchConsent({ dataProcessing: { mode: 'legitimateInterest', text: 'We keep it.' } });
  }
});
