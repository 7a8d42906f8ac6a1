/**
 * Contact criteria through the real server on both drivers: targeting (W6) shows a chatflow to
 * the visitors whose contact matches and never sends the contact's fields to the widget, and
 * custom routing rules (R1) route by contact property and by known / unknown.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Chatflow } from '@parley/protocol';
import { connectAgent, connectVisitor, createVisitorSession, httpAs, type AgentClient } from './helpers/clients.js';
import { createChatflow, demoSite, updateChatflow, widgetConfigFor } from './helpers/chatflows.js';
import { onlineAgent, setAway, settle, storage } from './helpers/routing.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

let cluster: TestCluster;
let admin: AgentClient;
let ann: AgentClient;
let ben: AgentClient;
let cat: AgentClient;
let enterpriseTeamId: number;
let main: Chatflow;

before(async () => {
  cluster = await startCluster();
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  await setAway(admin);
  ann = await onlineAgent(cluster, admin, 'Ann');
  ben = await onlineAgent(cluster, admin, 'Ben');
  cat = await onlineAgent(cluster, admin, 'Cat');
  const team = await admin.http('POST', '/api/admin/teams', { name: 'Enterprise', memberIds: [ben.userId] });
  assert.equal(team.status, 201);
  enterpriseTeamId = team.body.team.id;
  main = (await demoSite(admin.http)).chatflows[0]!;
});

after(async () => {
  for (const client of [admin, ann, ben, cat]) client.close();
  await cluster.close();
});

interface Visitor {
  visitorId: number;
  visitorToken: string;
  http: ReturnType<typeof httpAs>;
}

/** A visitor; with an email it becomes a contact (captured), then the contact gets these fields. */
async function visitor(email?: string, fields: Record<string, unknown> = {}): Promise<Visitor> {
  const session = await createVisitorSession(cluster.url, cluster.siteKey);
  const http = httpAs(cluster.url, null, session.visitorToken);
  if (email !== undefined) {
    assert.equal((await http('POST', '/api/widget/email', { email })).status, 204);
    const row = await storage(cluster).selectFrom('visitors').select('contact_id').where('id', '=', session.visitorId).executeTakeFirstOrThrow();
    assert.notEqual(row.contact_id, null, 'the capture linked a contact');
    if (Object.keys(fields).length > 0) {
      const patched = await admin.http('PATCH', `/api/contacts/${row.contact_id}`, fields);
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
    }
  }
  return { ...session, http };
}

async function configOf(v: Visitor | null) {
  const res = await widgetConfigFor(
    cluster.url,
    cluster.siteKey,
    { url: 'https://shop.example/pricing', device: 'desktop' },
    v ? { authorization: `Bearer ${v.visitorToken}` } : {},
  );
  assert.equal(res.status, 200);
  return res.body.config;
}

/** The visitor writes in the main chatflow; who got the offer (null: nobody, the fallback). */
async function routedTo(v: Visitor): Promise<number | null> {
  const sent = await v.http('POST', '/api/widget/messages', { clientMessageId: `m-${v.visitorId}`, body: 'Hello', chatflowId: main.id });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  await settle(cluster);
  const offer = await storage(cluster).selectFrom('offers').select('user_id').where('conversation_id', '=', sent.body.message.conversationId).executeTakeFirst();
  return offer ? Number(offer.user_id) : null;
}

test('a chatflow targeted at contacts of organization "Acme" shows to a linked Acme visitor only, and the widget never gets the contact', async () => {
  const site = await demoSite(admin.http);
  const acmeOnly = await createChatflow(admin.http, {
    siteId: site.id,
    name: 'Acme customers',
    published: true,
    targeting: { groups: [[{ field: 'contact', attribute: 'organization', op: 'is', value: 'Acme' }]], exclusions: [] },
  });
  // First in the site's order, so it wins wherever it matches; the main chatflow shows elsewhere.
  assert.equal((await admin.http('PUT', `/api/admin/sites/${site.id}/chatflow-order`, { chatflowIds: [acmeOnly.id, ...site.chatflows.map((c) => c.id)] })).status, 200);
  try {
    const acme = await visitor('ann.buyer@acme.example', { organizationName: 'ACME ', properties: { plan: 'enterprise' } });
    const globex = await visitor('hank@globex.example', { organizationName: 'Globex' });
    const anonymous = await visitor();

    const acmeConfig = await configOf(acme);
    assert.equal(acmeConfig.chatflowId, acmeOnly.id, 'the Acme contact gets the Acme chatflow');
    assert.equal((await configOf(globex)).chatflowId, main.id, 'another organization does not');
    assert.equal((await configOf(anonymous)).chatflowId, main.id, 'an anonymous visitor does not');
    assert.equal((await configOf(null)).chatflowId, main.id, 'nor a page view without a visitor token');
    const sent = JSON.stringify(acmeConfig).toLowerCase();
    for (const secret of ['acme', 'enterprise', 'ann.buyer']) assert.ok(!sent.includes(secret), `the config carries no contact field (${secret})`);

    // Known / unknown: "linked to a contact", not a name the visitor typed.
    await updateChatflow(admin.http, acmeOnly.id, { targeting: { groups: [[{ field: 'visitor', value: 'known' }]], exclusions: [] } });
    assert.equal((await configOf(globex)).chatflowId, acmeOnly.id);
    const live = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey, anonymous);
    await live.rt.send('context.update', { properties: { name: 'Someone', email: 'typed@example.com' } });
    live.close();
    assert.equal((await configOf(anonymous)).chatflowId, main.id, 'properties the page set do not make a visitor known');
  } finally {
    await updateChatflow(admin.http, acmeOnly.id, { published: false });
  }
});

test('custom routing rules: contact property plan = enterprise goes to the Enterprise team, others by known / unknown', async () => {
  await updateChatflow(admin.http, main.id, {
    routing: {
      ...main.routing,
      mode: 'custom_rules',
      rules: [
        { conditions: [{ field: 'contactProperty', name: 'plan', op: 'is', value: 'Enterprise' }], target: { kind: 'team', teamId: enterpriseTeamId } },
        { conditions: [{ field: 'visitor', value: 'unknown' }], target: { kind: 'user', userId: ann.userId } },
        { conditions: [{ field: 'visitor', value: 'known' }, { field: 'contact', attribute: 'emailDomain', op: 'isNot', value: 'spam.example' }], target: { kind: 'user', userId: cat.userId } },
      ],
    },
  });
  const enterprise = await visitor('boss@bigcorp.example', { properties: { plan: 'enterprise' } });
  const free = await visitor('tina@smallshop.example', { properties: { plan: 'free' } });
  const spam = await visitor('bot@spam.example');
  const anonymous = await visitor();

  assert.equal(await routedTo(enterprise), ben.userId, 'the Enterprise team member gets the enterprise contact');
  const conversation = await storage(cluster).selectFrom('conversations').select('team_id').where('visitor_id', '=', enterprise.visitorId).executeTakeFirstOrThrow();
  assert.equal(Number(conversation.team_id), enterpriseTeamId, 'and the chat is the team’s');
  assert.equal(await routedTo(free), cat.userId, 'a known contact of another plan goes by the known rule');
  assert.equal(await routedTo(anonymous), ann.userId, 'an unknown visitor goes by the unknown rule');
  assert.equal(await routedTo(spam), null, 'no rule matches: the fallback, as before');
});

test('bad contact criteria are refused with the rule’s path and change nothing', async () => {
  const before = (await admin.http('GET', `/api/admin/chatflows/${main.id}`)).body.chatflow;
  const badRouting = await admin.http('PATCH', `/api/admin/chatflows/${main.id}`, {
    routing: { ...before.routing, rules: [{ conditions: [{ field: 'contactProperty', name: 'plan', op: 'isSet', value: 'enterprise' }], target: { kind: 'user', userId: ann.userId } }] },
  });
  assert.equal(badRouting.status, 400, JSON.stringify(badRouting.body));
  assert.equal(badRouting.body.error.code, 'validation_failed');
  assert.match(JSON.stringify(badRouting.body), /routing\.rules\[0\]\.conditions\[0\]\.value/);
  const badTargeting = await admin.http('PATCH', `/api/admin/chatflows/${main.id}`, {
    targeting: { groups: [[{ field: 'contact', attribute: 'shoeSize', op: 'is', value: '42' }]], exclusions: [] },
  });
  assert.equal(badTargeting.status, 400);
  assert.match(JSON.stringify(badTargeting.body), /targeting\.groups\[0\]\[0\]\.attribute/);
  const strangerOwner = await admin.http('PATCH', `/api/admin/chatflows/${main.id}`, {
    routing: { ...before.routing, rules: [{ conditions: [{ field: 'contact', attribute: 'owner', op: 'is', value: '999999' }], target: { kind: 'user', userId: ann.userId } }] },
  });
  assert.equal(strangerOwner.status, 400, 'an owner who is not a user of the workspace');
  assert.equal(strangerOwner.body.error.code, 'validation_failed');
  const after = (await demoSite(admin.http)).chatflows.find((c) => c.id === main.id)!;
  assert.deepEqual(after.routing, before.routing);
  assert.deepEqual(after.targeting, before.targeting);
});
