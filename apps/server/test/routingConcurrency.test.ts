/**
 * R1/R2 + queue under concurrency: 50 chats arrive at once for 3 online users with capacity 10.
 * Nobody goes over capacity, no chat is offered to two users, round robin spreads within ±1, the
 * rest wait in line in arrival order, and closing chats drains the line first in, first out.
 * When the last user who could take them goes away, the chats still in line get the fallback.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectAgent, type AgentClient } from './helpers/clients.js';
import { ManualClock } from './helpers/manualClock.js';
import { loads, onlineAgent, pendingOffers, setAway, settle, storage, visitorWrites, type WritingVisitor } from './helpers/routing.js';
import { startCluster, type TestCluster } from './helpers/testServer.js';

const clock = new ManualClock();
let cluster: TestCluster;
let admin: AgentClient;
let agents: AgentClient[];
let visitors: WritingVisitor[] = [];

before(async () => {
  cluster = await startCluster({ clock: clock.now });
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  await setAway(admin);
  agents = [];
  for (const name of ['Ann', 'Ben', 'Cat']) agents.push(await onlineAgent(cluster, admin, name));
});

after(async () => {
  for (const client of [admin, ...agents]) client.close();
  await cluster.close();
});

/** Places in line are renumbered at most once a second of business time. */
async function settleQueue(): Promise<void> {
  await settle(cluster);
  clock.advance(1000);
  await settle(cluster);
}

async function queued(): Promise<Array<{ id: number; queue_position: number | null }>> {
  return storage(cluster)
    .selectFrom('conversations')
    .select(['id', 'queue_position'])
    .where('routing_state', '=', 'queued')
    .where('status', '=', 'open')
    .orderBy('queue_position')
    .execute();
}

async function assertWithinCapacity(): Promise<void> {
  const load = await loads(cluster, agents.map((a) => a.userId));
  for (const [userId, n] of load) assert.ok(n <= 10, `user ${userId} has ${n} chats, over capacity 10`);
  const doubled = await storage(cluster)
    .selectFrom('offers')
    .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'pending')
    .groupBy('conversation_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  assert.deepEqual(doubled, [], 'a conversation is offered to two users at once');
}

test('50 simultaneous chats, 3 users with capacity 10: offers within capacity, round robin ±1, the rest queued in order', async () => {
  visitors = await Promise.all(Array.from({ length: 50 }, (_, i) => visitorWrites(cluster, `Hello from visitor ${i}`)));
  await settleQueue();
  await assertWithinCapacity();

  const offers = await pendingOffers(cluster);
  assert.equal(offers.length, 30);
  const perUser = agents.map((a) => offers.filter((o) => o.user_id === a.userId).length);
  assert.ok(Math.max(...perUser) - Math.min(...perUser) <= 1, `round robin spread ${perUser.join('/')}`);
  assert.deepEqual(perUser, [10, 10, 10]);

  const line = await queued();
  assert.equal(line.length, 20);
  assert.deepEqual(line.map((c) => c.queue_position), Array.from({ length: 20 }, (_, i) => i + 1));
  const idsInLine = line.map((c) => c.id);
  assert.deepEqual(idsInLine, [...idsInLine].sort((a, b) => a - b), 'the line is in arrival order');

  // The visitor sees their own place in line (W7 at capacity).
  const head = visitors.find((v) => v.conversationId === idsInLine[0])!;
  const seen = await head.http('GET', '/api/widget/conversation');
  assert.equal(seen.body.conversation.queue.position, 1);
  assert.ok(seen.body.conversation.queue.estimatedWaitSeconds > 0);

  // Each agent sees their own offers live and accepts them all.
  for (const agent of agents) {
    const mine = offers.filter((o) => o.user_id === agent.userId);
    await agent.log.waitFor(() => mine.every((o) => agent.log.events.some((e) => e.name === 'offer.created' && e.data.offer.id === o.id)), 5000, 'offer events');
    for (const offer of mine) {
      const accepted = await agent.rt.send('offer.accept', { offerId: offer.id });
      assert.equal(accepted.conversation.assignee?.id, agent.userId);
    }
  }
  await settle(cluster);
  await assertWithinCapacity();
  assert.equal((await pendingOffers(cluster)).length, 0);
});

test('as users close chats, the queue drains first in, first out', async () => {
  const expectedOrder = (await queued()).map((c) => c.id);
  const offeredOrder: number[] = [];
  for (let round = 0; round < 6; round++) {
    const agent = agents[round % agents.length]!;
    const open = await storage(cluster)
      .selectFrom('conversations')
      .select('id')
      .where('assignee_id', '=', agent.userId)
      .where('status', '=', 'open')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await agent.rt.send('conversation.close', { conversationId: open.id });
    await settleQueue();
    await assertWithinCapacity();
    const offers = await pendingOffers(cluster);
    assert.equal(offers.length, 1, 'the freed slot goes to exactly one waiting chat');
    assert.equal(offers[0]!.user_id, agent.userId, 'offered to the user who freed up');
    offeredOrder.push(offers[0]!.conversation_id);
    await agent.rt.send('offer.accept', { offerId: offers[0]!.id });
    await settleQueue();
    // Everyone behind moved up one place.
    const line = await queued();
    assert.deepEqual(line.map((c) => c.queue_position), Array.from({ length: line.length }, (_, i) => i + 1));
  }
  assert.deepEqual(offeredOrder, expectedOrder.slice(0, 6));
});

test('when the last user who could take them goes away, the chats in line get the fallback instead of waiting', async () => {
  const line = await queued();
  assert.ok(line.length > 0, 'the previous test leaves chats in line');
  const [ann, ben, cat] = agents as [AgentClient, AgentClient, AgentClient];

  // Cat is still online (at capacity): the line keeps waiting for her.
  await setAway(ann);
  await setAway(ben);
  await settleQueue();
  assert.deepEqual((await queued()).map((c) => c.id), line.map((c) => c.id));

  await setAway(cat);
  await settleQueue();
  assert.deepEqual(await queued(), [], 'nobody is left who could take a chat in line');
  const missed = await storage(cluster)
    .selectFrom('conversations')
    .select(['id', 'routing_state', 'missed', 'assignee_id'])
    .where('id', 'in', line.map((c) => c.id))
    .orderBy('id')
    .execute();
  for (const row of missed) assert.deepEqual([row.routing_state, Number(row.missed), row.assignee_id], ['missed', 1, null], `conversation ${row.id}`);

  const head = visitors.find((v) => v.conversationId === line[0]!.id)!;
  const seen = await head.http('GET', '/api/widget/conversation');
  assert.equal(seen.body.conversation.queue, null, 'no longer in line');
  const last = seen.body.messages.at(-1);
  assert.equal(last.author.kind, 'bot');
  assert.match(last.body, /^Sorry, nobody could take your chat/);
});
