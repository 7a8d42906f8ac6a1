/**
 * R1 assignment modes through the real server: a team (round robin inside it), skills (all
 * required), custom rules (ordered; page URL, language, visitor property; no match → fallback)
 * and the contact owner.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectAgent, connectVisitor, type AgentClient } from './helpers/clients.js';
import { ManualClock } from './helpers/manualClock.js';
import { onlineAgent, setAway, settle, storage } from './helpers/routing.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const clock = new ManualClock();
let cluster: TestCluster;
let admin: AgentClient;
let ann: AgentClient;
let ben: AgentClient;
let cat: AgentClient;
let chatflow: any;
let salesTeamId: number;

before(async () => {
  cluster = await startCluster({ clock: clock.now });
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  await setAway(admin);
  ann = await onlineAgent(cluster, admin, 'Ann');
  ben = await onlineAgent(cluster, admin, 'Ben');
  cat = await onlineAgent(cluster, admin, 'Cat');
  assert.equal((await admin.http('PATCH', `/api/admin/users/${ann.userId}`, { skills: ['Finnish', 'billing'] })).status, 200);
  assert.equal((await admin.http('PATCH', `/api/admin/users/${ben.userId}`, { skills: ['finnish'] })).status, 200);
  const team = await admin.http('POST', '/api/admin/teams', { name: 'Sales', memberIds: [ben.userId, cat.userId] });
  assert.equal(team.status, 201);
  salesTeamId = team.body.team.id;
  chatflow = (await admin.http('GET', '/api/admin/sites')).body.sites[0].chatflows[0];
});

after(async () => {
  for (const client of [admin, ann, ben, cat]) client.close();
  await cluster.close();
});

async function useRouting(patch: Record<string, unknown>): Promise<void> {
  const res = await admin.http('PATCH', `/api/admin/chatflows/${chatflow.id}`, { routing: { ...chatflow.routing, ...patch } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** A visitor with this context writes; returns who got the offer (null: fallback) and closes the chat. */
async function routedTo(context: Record<string, unknown> = {}, existing?: { visitorId: number; visitorToken: string }): Promise<number | null> {
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey, existing);
  await visitor.rt.send('context.update', context);
  const sent = await visitor.rt.send('message.send', { clientMessageId: `m-${Math.random()}`, body: 'Hello' });
  await settle(cluster);
  const conversation = await storage(cluster).selectFrom('conversations').select(['routing_state']).where('id', '=', sent.message.conversationId).executeTakeFirstOrThrow();
  const offer = await storage(cluster).selectFrom('offers').select('user_id').where('conversation_id', '=', sent.message.conversationId).executeTakeFirst();
  if (!offer) assert.equal(conversation.routing_state, 'missed');
  await visitor.rt.send('conversation.end', { conversationId: sent.message.conversationId });
  await settle(cluster);
  visitor.close();
  return offer?.user_id ?? null;
}

test('team: round robin inside the team only', async () => {
  await useRouting({ mode: 'team', teamId: salesTeamId });
  const got = [await routedTo(), await routedTo(), await routedTo(), await routedTo()];
  assert.ok(got.every((id) => id === ben.userId || id === cat.userId), `only Sales members: ${got}`);
  assert.deepEqual(new Set(got), new Set([ben.userId, cat.userId]), 'both members get chats');
  assert.notEqual(got[0], got[1], 'alternates');
});

test('skills: a user must hold every required skill (case does not matter)', async () => {
  await useRouting({ mode: 'skills', skills: ['FINNISH', 'Billing'] });
  assert.deepEqual([await routedTo(), await routedTo()], [ann.userId, ann.userId]);
  await useRouting({ mode: 'skills', skills: ['finnish'] });
  assert.deepEqual(new Set([await routedTo(), await routedTo()]), new Set([ann.userId, ben.userId]));
});

test('custom rules: first match wins; no match gives the fallback', async () => {
  await useRouting({
    mode: 'custom_rules',
    rules: [
      { conditions: [{ field: 'page_url', operator: 'contains', value: '/pricing' }], target: { kind: 'team', teamId: salesTeamId } },
      { conditions: [{ field: 'language', operator: 'starts_with', value: 'fi' }], target: { kind: 'user', userId: ann.userId } },
      { conditions: [{ field: 'property', name: 'plan', operator: 'is', value: 'enterprise' }], target: { kind: 'user', userId: cat.userId } },
    ],
  });
  const pricing = await routedTo({ pageUrl: 'https://shop.example/en/PRICING?x=1', language: 'fi-FI' });
  assert.ok(pricing === ben.userId || pricing === cat.userId, 'the page rule comes first');
  assert.equal(await routedTo({ pageUrl: 'https://shop.example/', language: 'fi-FI' }), ann.userId);
  assert.equal(await routedTo({ pageUrl: 'https://shop.example/', language: 'en-GB', properties: { plan: 'enterprise' } }), cat.userId);
  assert.equal(await routedTo({ pageUrl: 'https://shop.example/', language: 'en-GB', properties: { plan: 'free' } }), null);
});

test('a rule pointing at a team that does not exist is refused', async () => {
  const res = await admin.http('PATCH', `/api/admin/chatflows/${chatflow.id}`, {
    routing: { ...chatflow.routing, mode: 'custom_rules', rules: [{ conditions: [{ field: 'language', operator: 'is', value: 'fi' }], target: { kind: 'team', teamId: 999999 } }] },
  });
  assert.equal(res.status, 400);
  assert.equal(res.body.error.code, 'validation_failed');
});

test('contact owner: the owner gets the visitor’s next chats', async () => {
  await useRouting({ mode: 'contact_owner' });
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const first = await visitor.rt.send('message.send', { clientMessageId: 'o1', body: 'First chat' });
  await settle(cluster);
  const owner = await admin.http('PUT', `/api/conversations/${first.message.conversationId}/owner`, { userId: cat.userId });
  assert.equal(owner.body.conversation.visitor.ownerId, cat.userId);
  await visitor.rt.send('conversation.end', { conversationId: first.message.conversationId });
  await settle(cluster);
  visitor.close();
  assert.equal(await routedTo({}, visitor), cat.userId);
  assert.equal(await routedTo({}, visitor), cat.userId);
});
