/**
 * R6 + I2 across two nodes sharing PostgreSQL and Redis (in this process, each with its own
 * storage pool, pub/sub connections and gateway): deadlines fire once in total however the nodes
 * race for them; an offer made on node A is accepted by an agent connected to node B; a user
 * connected only to node B counts as connected on node A.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectAgent, connectVisitor, type AgentClient } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { ManualClock } from './helpers/manualClock.js';
import { onlineAgent, setAway, settle, storage, visitorWrites } from './helpers/routing.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const clock = new ManualClock();
let cluster: TestCluster;
let admin: AgentClient;
let bea: AgentClient;

before(async () => {
  cluster = await startCluster({ nodes: 2, store: await freshStore('postgres'), clock: clock.now });
  admin = await connectAgent(cluster.nodes[0]!.url, cluster.nodes[0]!.wsUrl);
  await setAway(admin);
  // Bea's only inbox socket is on node B.
  bea = await onlineAgent(cluster, admin, 'Bea', 1);
});

after(async () => {
  admin.close();
  bea.close();
  await cluster.close();
});

test('presence on node B counts on node A; an offer made on A is accepted on B', async () => {
  const nodeA = cluster.nodes[0]!;
  const users = await admin.http('GET', '/api/users');
  assert.equal(users.body.users.find((u: any) => u.id === bea.userId).connected, true, 'node A sees Bea connected through node B');

  const visitor = await connectVisitor(nodeA.url, nodeA.wsUrl, cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'a1', body: 'Written on node A' });
  // Routed by node A alone: only its runner runs here.
  await nodeA.server.deadlines.tick();
  const offer = await storage(cluster).selectFrom('offers').selectAll().where('conversation_id', '=', sent.message.conversationId).executeTakeFirstOrThrow();
  assert.equal(offer.user_id, bea.userId);

  const banner = await bea.log.waitForEvent('offer.created', (d) => d.offer.id === offer.id);
  const accepted = await bea.rt.send('offer.accept', { offerId: banner.data.offer.id });
  assert.equal(accepted.conversation.assignee?.id, bea.userId);
  await visitor.log.waitForEvent('message.created', (d) => d.message.body === 'Bea joined the chat');
  await bea.rt.send('conversation.close', { conversationId: sent.message.conversationId });
  await settle(cluster);
  visitor.close();
});

test('deadlines fire once in total when both nodes race for them', async () => {
  await setAway(bea);
  const visitors = await Promise.all(Array.from({ length: 20 }, (_, i) => visitorWrites(cluster, `Race ${i}`, i % 2)));
  await settle(cluster);
  clock.advance(11 * 60_000);
  // Both nodes tick at once, several times over.
  const fired = await Promise.all(cluster.nodes.flatMap((node) => [node.server.deadlines.tick(), node.server.deadlines.tick()]));
  await settle(cluster);
  assert.ok(fired.reduce((a, b) => a + b, 0) >= 20, 'the inactivity deadlines were fired');
  const ids = visitors.map((v) => v.conversationId);
  const closings = await storage(cluster)
    .selectFrom('messages')
    .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('conversation_id', 'in', ids)
    .where('body', '=', 'The chat ended after a period of inactivity')
    .groupBy('conversation_id')
    .execute();
  assert.equal(closings.length, 20);
  assert.ok(closings.every((row) => Number(row.n) === 1), 'each conversation closed by the timeout exactly once');
  const left = await storage(cluster).selectFrom('deadlines').select('key').where('kind', '=', 'inactivity').execute();
  assert.deepEqual(left, [], 'no inactivity deadline is left to fire again');
});
