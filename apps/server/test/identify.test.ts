/**
 * W15 identified visitors on both drivers: a valid identity hash links a visitor to its contact
 * and shows the contact's history on a second device; a wrong hash, a missing hash where the site
 * requires one, and a valid hash for one id with another contact's email are refused and neither
 * reveal nor change anything; an unverified identify never touches a contact. The site secret is
 * for admins only and can be rotated.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { connectAgent, createUserAs, createVisitorSession, httpAs } from './helpers/clients.js';
import { storage } from './helpers/routing.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

const sign = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');

async function device() {
  const { cluster } = shared;
  const session = await createVisitorSession(cluster.url, cluster.siteKey);
  return { ...session, http: httpAs(cluster.url, null, session.visitorToken) };
}

async function site() {
  const sites = (await shared.admin.http('GET', '/api/admin/sites')).body.sites as Array<{ id: number; siteKey: string; secret?: string; requireIdentityVerification: boolean }>;
  return sites.find((s) => s.siteKey === shared.cluster.siteKey)!;
}

async function contactRows() {
  return storage(shared.cluster).selectFrom('contacts').selectAll().orderBy('id').execute();
}

async function linkOf(visitorId: number) {
  return storage(shared.cluster).selectFrom('visitors').select(['contact_id', 'identity_verified', 'name', 'context']).where('id', '=', visitorId).executeTakeFirstOrThrow();
}

test('admins see the site secret and rotate it; agents and visitors never get it', async () => {
  const { cluster, admin } = shared;
  const before = await site();
  assert.match(before.secret ?? '', /^[A-Za-z0-9_-]{43}$/);
  assert.equal(before.requireIdentityVerification, false);
  const agent = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'no-secret@example.com', name: 'Agent' }));
  try {
    const asAgent = await agent.http('GET', '/api/admin/sites');
    assert.equal(asAgent.status, 200);
    assert.ok(asAgent.body.sites.every((s: object) => !('secret' in s)), 'no secret for agents');
    assert.ok(!JSON.stringify(asAgent.body).includes(before.secret!));
    assert.equal((await agent.http('POST', `/api/admin/sites/${before.id}/secret/rotate`)).status, 403);
  } finally {
    agent.close();
  }
  const visitor = await device();
  assert.equal((await visitor.http('GET', '/api/admin/sites')).status, 401);
  const config = await fetch(`${cluster.url}/api/widget/config?siteKey=${cluster.siteKey}`);
  assert.ok(!(await config.text()).includes(before.secret!), 'the widget config never carries it');

  const rotated = await admin.http('POST', `/api/admin/sites/${before.id}/secret/rotate`);
  assert.equal(rotated.status, 200);
  assert.notEqual(rotated.body.site.secret, before.secret);
  assert.equal((await site()).secret, rotated.body.site.secret);
  const stale = await visitor.http('POST', '/api/widget/identify', { id: 'rotated-user', hash: sign(before.secret!, 'rotated-user') });
  assert.equal(stale.status, 403);
  assert.equal(stale.body.error.code, 'identity_hash_invalid', 'hashes made with the old secret stop verifying');
});

test('a verified visitor sees its history on a second device; unverified and wrong-hash calls reveal and change nothing', async () => {
  const { admin } = shared;
  const secret = (await site()).secret!;
  const laptop = await device();
  const sent = await laptop.http('POST', '/api/widget/messages', { clientMessageId: 'l1', body: 'Where is my order 5521?' });
  assert.equal(sent.status, 201);
  const conversationId = sent.body.message.conversationId;
  const first = await laptop.http('POST', '/api/widget/identify', { id: 'user-42', email: 'kim@shop.example', name: 'Kim Park', hash: sign(secret, 'user-42') });
  assert.deepEqual([first.status, first.body], [200, { status: 'verified' }]);
  const sidebar = await admin.http('GET', `/api/conversations/${conversationId}/contact`);
  assert.equal(sidebar.body.contact.displayName, 'Kim Park');
  assert.equal(sidebar.body.contact.email, 'kim@shop.example');
  assert.equal(sidebar.body.contact.externalId, 'user-42');

  // A phone: same user, verified by the same hash (upper-case hex is the same number).
  const phone = await device();
  assert.deepEqual((await phone.http('GET', '/api/widget/history')).body, { conversations: [] }, 'nothing before identify');
  const second = await phone.http('POST', '/api/widget/identify', { id: 'user-42', hash: sign(secret, 'user-42').toUpperCase() });
  assert.equal(second.body.status, 'verified');
  const history = await phone.http('GET', '/api/widget/history');
  assert.equal(history.status, 200);
  assert.deepEqual(history.body.conversations.map((c: any) => c.conversation.id), [conversationId]);
  assert.ok(history.body.conversations[0].messages.some((m: any) => m.body === 'Where is my order 5521?'));
  assert.ok(!('visitor' in history.body.conversations[0].conversation), 'the visitor view, no agent-only fields');

  // The phone also got a token of the laptop's visitor: with it, the same conversation goes on.
  assert.equal(second.body.visitorId, laptop.visitorId);
  const continued = httpAs(shared.cluster.url, null, second.body.visitorToken);
  const snapshot = await continued('GET', '/api/widget/conversation');
  assert.equal(snapshot.body.conversation.id, conversationId);
  const reply = await continued('POST', '/api/widget/messages', { clientMessageId: 'p1', body: 'Asking from my phone' });
  assert.equal(reply.body.message.conversationId, conversationId, 'the same chat, not a parallel one');
  assert.equal((await laptop.http('GET', '/api/widget/conversation')).body.messages.at(-1).body, 'Asking from my phone', 'the laptop keeps its own token');
  // identify() on every page load replaces the phone's token instead of piling them up.
  const again = await phone.http('POST', '/api/widget/identify', { id: 'user-42', hash: sign(secret, 'user-42') });
  assert.notEqual(again.body.visitorToken, second.body.visitorToken);
  assert.equal((await continued('GET', '/api/widget/conversation')).status, 401, 'the earlier token is gone');
  assert.equal((await httpAs(shared.cluster.url, null, again.body.visitorToken)('GET', '/api/widget/conversation')).body.conversation.id, conversationId);
  assert.equal((await laptop.http('POST', '/api/widget/identify', { id: 'user-42', hash: sign(secret, 'user-42') })).body.visitorToken, undefined, 'the first device needs none');

  const contactsBefore = JSON.stringify(await contactRows());
  // Someone else claims the same id and email without a hash: kept on that visitor only.
  const impostor = await device();
  const unverified = await impostor.http('POST', '/api/widget/identify', { id: 'user-42', email: 'kim@shop.example', name: 'Not Kim' });
  assert.deepEqual([unverified.status, unverified.body], [200, { status: 'unverified' }], 'no token of anyone');
  const impostorRow = await linkOf(impostor.visitorId);
  assert.equal(impostorRow.contact_id, null, 'not linked');
  assert.equal(impostorRow.name, 'Not Kim');
  assert.equal(JSON.parse(impostorRow.context).properties.email, 'kim@shop.example', 'kept as the visitor’s own unverified info');
  assert.deepEqual((await impostor.http('GET', '/api/widget/history')).body, { conversations: [] });
  // A wrong hash: refused, nothing linked, nothing shown.
  for (const hash of [sign(secret, 'user-43'), '00', 'z'.repeat(64), sign('guess', 'user-42')]) {
    const wrong = await impostor.http('POST', '/api/widget/identify', { id: 'user-42', email: 'evil@example.com', name: 'Evil', hash });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.error.code, 'identity_hash_invalid');
    assert.ok(!JSON.stringify(wrong.body).includes('kim'), 'the refusal reveals nothing');
  }
  assert.equal((await linkOf(impostor.visitorId)).contact_id, null);
  assert.equal((await linkOf(impostor.visitorId)).name, 'Not Kim', 'a refused call changes nothing');
  assert.deepEqual((await impostor.http('GET', '/api/widget/history')).body, { conversations: [] });
  assert.equal(JSON.stringify(await contactRows()), contactsBefore, 'no contact changed');

  // Properties and events: on a verified visitor's contact; an unverified one only on itself.
  assert.equal((await phone.http('POST', '/api/widget/properties', { properties: { plan: 'gold' } })).status, 204);
  assert.equal((await impostor.http('POST', '/api/widget/properties', { properties: { plan: 'stolen' } })).status, 204);
  assert.equal((await phone.http('POST', '/api/widget/events', { event: 'checkout', properties: { total: '49.90' }, url: 'https://shop.example/cart' })).status, 204);
  const contact = (await admin.http('GET', `/api/conversations/${conversationId}/contact`)).body;
  assert.deepEqual(contact.contact.properties, { plan: 'gold' });
  assert.deepEqual(contact.events.map((e: any) => [e.kind, e.name, e.url, e.properties]), [['event', 'checkout', 'https://shop.example/cart', { total: '49.90' }]]);
  const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
  assert.equal((await phone.http('POST', '/api/widget/properties', { properties: tooMany })).status, 400);
  assert.equal((await phone.http('POST', '/api/widget/events', { event: 'x'.repeat(101) })).status, 400);
});

test('a missing hash where required and a valid hash with another contact’s email are refused', async () => {
  const { admin } = shared;
  const current = await site();
  const secret = current.secret!;
  const bob = await device();
  assert.equal((await bob.http('POST', '/api/widget/identify', { id: 'user-b', email: 'bob@shop.example', hash: sign(secret, 'user-b') })).body.status, 'verified');
  const alice = await device();
  assert.equal((await alice.http('POST', '/api/widget/identify', { id: 'user-a', email: 'alice@shop.example', hash: sign(secret, 'user-a') })).body.status, 'verified');
  const before = JSON.stringify(await contactRows());

  // A valid hash for A used with B's email (any case): refused, A not changed, nothing of B shown.
  const attacker = await device();
  for (const email of ['bob@shop.example', 'BOB@Shop.example']) {
    const conflict = await attacker.http('POST', '/api/widget/identify', { id: 'user-a', email, hash: sign(secret, 'user-a') });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.error.code, 'identity_conflict');
    assert.ok(!JSON.stringify(conflict.body).includes('user-b'));
  }
  // The same with an id nobody has yet: no contact is made.
  const fresh = await attacker.http('POST', '/api/widget/identify', { id: 'user-new', email: 'bob@shop.example', hash: sign(secret, 'user-new') });
  assert.equal(fresh.body.error.code, 'identity_conflict');
  assert.equal(JSON.stringify(await contactRows()), before);
  assert.equal((await linkOf(attacker.visitorId)).contact_id, null);

  const required = await admin.http('PUT', `/api/admin/sites/${current.id}/identity-verification`, { requireIdentityVerification: true });
  assert.equal(required.status, 200);
  assert.equal(required.body.site.requireIdentityVerification, true);
  try {
    const missing = await attacker.http('POST', '/api/widget/identify', { id: 'user-a', email: 'someone@example.com', name: 'Someone' });
    assert.equal(missing.status, 403);
    assert.equal(missing.body.error.code, 'identity_verification_required');
    const row = await linkOf(attacker.visitorId);
    assert.equal(row.contact_id, null);
    assert.equal(row.name, null, 'nothing stored');
    assert.equal((await attacker.http('POST', '/api/widget/identify', { id: 'user-a', hash: sign(secret, 'user-a') })).body.status, 'verified', 'a valid hash still works');
  } finally {
    await admin.http('PUT', `/api/admin/sites/${current.id}/identity-verification`, { requireIdentityVerification: false });
  }
  assert.equal(JSON.stringify((await contactRows()).map((c) => [c.id, c.email, c.external_id])), JSON.stringify(JSON.parse(before).map((c: any) => [c.id, c.email, c.external_id])));
});
