/**
 * R6 + R4 + I2: deadlines are stored, so a pending offer and a pending inactivity timeout both
 * fire after a restart, exactly once; a user whose inbox disconnects keeps getting chats for the
 * grace period, then is set away (and a chat that only they could take gets the fallback), and is
 * online again on reconnecting.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, connectVisitor } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { ManualClock } from './helpers/manualClock.js';
import { onlineAgent, setAway, settle, storage, visitorWrites } from './helpers/routing.js';
import { startCluster, startNode, type TestCluster } from './helpers/testServer.js';

async function countMessages(cluster: TestCluster, conversationId: number, body: string): Promise<number> {
  const row = await storage(cluster)
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', '=', conversationId)
    .where('body', '=', body)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

test('a pending offer and a pending inactivity timeout fire after a restart, once each', async () => {
  const clock = new ManualClock();
  const store = await freshStore();
  const cluster = await startCluster({ store, clock: clock.now });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    const ann = await onlineAgent(cluster, admin, 'Ann');
    const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
    const sent = await visitor.rt.send('message.send', { clientMessageId: 'm1', body: 'Hello before the restart' });
    const conversationId = sent.message.conversationId;
    await settle(cluster);
    const offer = await storage(cluster).selectFrom('offers').selectAll().where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
    assert.equal(offer.status, 'pending');
    for (const client of [admin, ann, visitor]) client.close();

    // Restart: the node goes away with both deadlines pending; a new node starts on the same store.
    await cluster.nodes[0]!.close();
    clock.advance(101_000);
    cluster.nodes[0] = await startNode(store, { clock: clock.now });
    await settle(cluster);

    const offers = await storage(cluster).selectFrom('offers').selectAll().where('conversation_id', '=', conversationId).execute();
    assert.deepEqual(offers.map((o) => [o.id, o.status]), [[offer.id, 'expired']], 'the offer expired once and nobody else was left');
    const missed = await storage(cluster).selectFrom('users').select('missed_offers').where('id', '=', ann.userId).executeTakeFirstOrThrow();
    assert.equal(missed.missed_offers, 1);
    assert.equal(await countMessages(cluster, conversationId, "Sorry, nobody could take your chat right now. We'll get back to you as soon as possible."), 1);

    // Ten minutes without a message from either side: closed as inactive, once. (1:41 passed already.)
    clock.advance(8 * 60_000);
    await settle(cluster);
    let conversation = await storage(cluster).selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirstOrThrow();
    assert.equal(conversation.status, 'open', 'not before the timeout');

    await cluster.nodes[0]!.close();
    clock.advance(60_000);
    cluster.nodes[0] = await startNode(store, { clock: clock.now });
    await settle(cluster);
    await settle(cluster);
    conversation = await storage(cluster).selectFrom('conversations').selectAll().where('id', '=', conversationId).executeTakeFirstOrThrow();
    assert.equal(conversation.status, 'closed');
    assert.equal(conversation.close_reason, 'inactive');
    assert.equal(await countMessages(cluster, conversationId, 'The chat ended after a period of inactivity'), 1);
    const left = await storage(cluster).selectFrom('deadlines').select('key').where('key', 'like', `%:${conversationId}`).execute();
    assert.deepEqual(left, [], 'no deadline of the conversation is left to fire again');

    // The visitor learns why when they come back.
    const node = cluster.nodes[0]!;
    const back = await connectVisitor(node.url, node.wsUrl, cluster.siteKey, visitor);
    assert.equal(back.resumes[0]!.snapshot?.conversation?.closeReason, 'inactive');
    back.close();
  } finally {
    await cluster.close();
  }
});

test('a message resets the inactivity clock', async () => {
  const clock = new ManualClock();
  const cluster = await startCluster({ clock: clock.now });
  try {
    const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
    const sent = await visitor.rt.send('message.send', { clientMessageId: 'm1', body: 'First' });
    await settle(cluster);
    clock.advance(8 * 60_000);
    await visitor.rt.send('message.send', { clientMessageId: 'm2', body: 'Still here' });
    clock.advance(8 * 60_000);
    await settle(cluster);
    const open = await storage(cluster).selectFrom('conversations').select('status').where('id', '=', sent.message.conversationId).executeTakeFirstOrThrow();
    assert.equal(open.status, 'open', '16 minutes in, but only 8 since the last message');
    clock.advance(3 * 60_000);
    await settle(cluster);
    const closed = await visitor.log.waitForEvent('conversation.closed', (d) => d.conversation.id === sent.message.conversationId);
    assert.equal(closed.data.conversation.closeReason, 'inactive');
    visitor.close();
  } finally {
    await cluster.close();
  }
});

test('presence: a disconnected user stays connected for the grace period, then is set away; reconnecting sets them online', async () => {
  const clock = new ManualClock();
  const cluster = await startCluster({ clock: clock.now });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    const ann = await onlineAgent(cluster, admin, 'Ann');
    const credentials = { email: 'ann@example.com', password: 'agent-password-1' };
    const annSummary = async () => (await admin.http('GET', '/api/users')).body.users.find((u: any) => u.id === ann.userId);
    assert.equal((await annSummary()).connected, true);

    // Ann alone takes chats, one at a time: a second chat waits in line for her.
    await setAway(admin);
    await admin.http('PATCH', `/api/admin/users/${ann.userId}`, { maxChats: 1 });
    await visitorWrites(cluster, 'First in');
    await settle(cluster);
    const waiting = await visitorWrites(cluster, 'Second in');
    await settle(cluster);
    const routingState = async () =>
      (await storage(cluster).selectFrom('conversations').select('routing_state').where('id', '=', waiting.conversationId).executeTakeFirstOrThrow()).routing_state;
    assert.equal(await routingState(), 'queued');

    ann.close();
    // The client's close reaches the server a moment later; wait until the node has let go.
    await waitUntil(async () => !(await storage(cluster).selectFrom('presence').select('sockets').where('user_id', '=', ann.userId).executeTakeFirst()));
    await settle(cluster);
    assert.deepEqual([(await annSummary()).connected, (await annSummary()).availability], [true, 'online'], 'inside the grace period');
    assert.equal(await routingState(), 'queued', 'the chat keeps its place while Ann may come back');

    clock.advance(61_000);
    await settle(cluster);
    const away = await admin.log.waitForEvent('user.updated', (d) => d.user.id === ann.userId && d.user.awayReason === 'disconnected');
    assert.deepEqual([away.data.user.availability, away.data.user.connected], ['away', false]);
    assert.equal(await routingState(), 'missed', 'with nobody left to take it, the waiting chat gets the fallback');

    const again = await connectAgent(cluster.url, cluster.wsUrl, credentials);
    await settle(cluster);
    const summary = await annSummary();
    assert.deepEqual([summary.availability, summary.connected, summary.awayReason], ['online', true, null]);
    again.close();
    admin.close();
  } finally {
    await cluster.close();
  }
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
