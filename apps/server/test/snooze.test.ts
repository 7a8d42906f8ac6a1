/**
 * Snooze (issue 12, I3): an agent snoozes an open conversation until a time. It leaves the open
 * views for the Snoozed view (counts follow), is not closed for inactivity while snoozed, and
 * wakes by a durable deadline — on time, after a restart, exactly once — or at once when the
 * visitor writes (and then the deadline never fires). Bad times and agents who may not act on
 * the chat are refused with nothing changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, connectVisitor, createUserAs, type AgentClient } from './helpers/clients.js';
import { freshStore } from './helpers/drivers.js';
import { ManualClock } from './helpers/manualClock.js';
import { setAway, settle, storage, visitorWrites } from './helpers/routing.js';
import { startCluster, startNode, type TestCluster } from './helpers/testServer.js';

const HOUR = 60 * 60_000;

async function row(cluster: TestCluster, id: number) {
  return storage(cluster).selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function snoozeDeadlines(cluster: TestCluster, id: number) {
  const rows = await storage(cluster).selectFrom('deadlines').select(['key', 'due_at']).where('key', '=', `snooze:${id}`).execute();
  return rows.map((r) => ({ key: r.key, due_at: Number(r.due_at) }));
}

async function viewIds(agent: AgentClient, view: string): Promise<number[]> {
  const res = await agent.http('GET', `/api/conversations?view=${view}`);
  assert.equal(res.status, 200);
  return res.body.conversations.map((c: { id: number }) => c.id);
}

test('a snoozed chat leaves Unassigned for Snoozed, is not closed for silence, and wakes on time after a restart, once', async () => {
  const clock = new ManualClock();
  const store = await freshStore();
  const cluster = await startCluster({ store, clock: clock.now });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    const colleague = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'snooze-colleague@example.com', name: 'Colleague' }));
    const { conversationId } = await visitorWrites(cluster, 'Call me back tomorrow');
    const other = await visitorWrites(cluster, 'Another chat');
    await settle(cluster);
    assert.deepEqual((await viewIds(admin, 'unassigned')).sort(), [conversationId, other.conversationId].sort());

    const until = clock.now() + 2 * HOUR;
    const snoozed = await admin.http('POST', `/api/conversations/${conversationId}/snooze`, { until });
    assert.equal(snoozed.status, 200);
    assert.equal(snoozed.body.conversation.snoozedUntil, until);
    // Other inboxes move it live.
    const live = await colleague.log.waitForEvent('conversation.updated', (d) => d.conversation.id === conversationId && d.conversation.snoozedUntil === until);
    assert.ok(live);

    assert.deepEqual(await viewIds(admin, 'unassigned'), [other.conversationId]);
    assert.deepEqual(await viewIds(admin, 'all'), [other.conversationId]);
    assert.deepEqual(await viewIds(admin, 'snoozed'), [conversationId]);
    const counts = (await admin.http('GET', '/api/conversations/counts')).body;
    assert.deepEqual([counts.unassigned, counts.all, counts.snoozed, counts.mine], [1, 1, 1, 0]);
    assert.deepEqual(await snoozeDeadlines(cluster, conversationId), [{ key: `snooze:${conversationId}`, due_at: until }], 'one durable wake-up');

    // An hour on: far past the 10-minute inactivity timeout, yet still snoozed and open.
    clock.advance(HOUR);
    await settle(cluster);
    let conversation = await row(cluster, conversationId);
    assert.equal(conversation.status, 'open', 'not closed for inactivity while snoozed');
    assert.equal(Number(conversation.snoozed_until), until);
    for (const client of [admin, colleague]) client.close();

    // Restart with the wake-up pending; the new node fires it once the time has come.
    await cluster.nodes[0]!.close();
    clock.advance(HOUR + 1000);
    cluster.nodes[0] = await startNode(store, { clock: clock.now });
    await settle(cluster);
    conversation = await row(cluster, conversationId);
    assert.equal(conversation.snoozed_until, null, 'woken');
    assert.equal(conversation.status, 'open', 'waking does not close it: a fresh quiet period starts');
    assert.deepEqual(await snoozeDeadlines(cluster, conversationId), []);
    const wokenVersion = conversation.version;

    // The chat that was not snoozed was closed for silence meanwhile; the snoozed one is back.
    assert.equal((await row(cluster, other.conversationId)).close_reason, 'inactive');
    const back = await connectAgent(cluster.nodes[0]!.url, cluster.nodes[0]!.wsUrl);
    assert.deepEqual(await viewIds(back, 'unassigned'), [conversationId]);
    assert.deepEqual(await viewIds(back, 'snoozed'), []);
    const after = (await back.http('GET', '/api/conversations/counts')).body;
    assert.deepEqual([after.unassigned, after.all, after.snoozed], [1, 1, 0]);

    // Once: nothing fires again for it, and the inactivity timeout counts from the wake-up.
    clock.advance(5 * 60_000);
    await settle(cluster);
    assert.equal((await row(cluster, conversationId)).version, wokenVersion, 'the wake-up did not fire twice');
    clock.advance(6 * 60_000);
    await settle(cluster);
    conversation = await row(cluster, conversationId);
    assert.equal(conversation.status, 'closed');
    assert.equal(conversation.close_reason, 'inactive');
    back.close();
  } finally {
    await cluster.close();
  }
});

test('a visitor message wakes a snoozed chat at once, and the deadline does not fire later', async () => {
  const clock = new ManualClock();
  const cluster = await startCluster({ clock: clock.now });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
    const first = await visitor.rt.send('message.send', { clientMessageId: 'v-1', body: 'Hello' });
    const conversationId = first.message.conversationId;
    await settle(cluster);

    const until = clock.now() + 5 * 60_000;
    assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/snooze`, { until })).status, 200);
    await admin.log.waitForEvent('conversation.updated', (d) => d.conversation.id === conversationId && d.conversation.snoozedUntil === until);

    clock.advance(60_000);
    await visitor.rt.send('message.send', { clientMessageId: 'v-2', body: 'Actually, one more thing' });
    // Woken in the message's own transaction: by the time the send is acknowledged.
    const woken = await row(cluster, conversationId);
    assert.equal(woken.snoozed_until, null);
    assert.deepEqual(await snoozeDeadlines(cluster, conversationId), [], 'the wake-up deadline is cancelled');
    await admin.log.waitForEvent('conversation.updated', (d) => d.conversation.id === conversationId && d.conversation.snoozedUntil === null && d.conversation.lastSeq === woken.last_seq);
    assert.deepEqual(await viewIds(admin, 'snoozed'), []);
    assert.ok((await viewIds(admin, 'unassigned')).includes(conversationId));

    // Past the original time (and still inside the quiet period): nothing happens to it.
    clock.advance(5 * 60_000);
    await settle(cluster);
    const later = await row(cluster, conversationId);
    assert.equal(later.version, woken.version, 'the cancelled deadline did not fire');
    assert.equal(later.status, 'open');

    // Unsnooze by hand works too (and is a no-op when not snoozed).
    assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/snooze`, { until: clock.now() + HOUR })).status, 200);
    const unsnoozed = await admin.http('POST', `/api/conversations/${conversationId}/unsnooze`);
    assert.equal(unsnoozed.status, 200);
    assert.equal(unsnoozed.body.conversation.snoozedUntil, null);
    assert.deepEqual(await snoozeDeadlines(cluster, conversationId), []);
    const again = await admin.http('POST', `/api/conversations/${conversationId}/unsnooze`);
    assert.equal(again.status, 200);
    assert.equal(again.body.conversation.version, unsnoozed.body.conversation.version);
    visitor.close();
    admin.close();
  } finally {
    await cluster.close();
  }
});

test('bad times are refused with nothing changed; an agent who may not act on the chat cannot snooze it', async () => {
  const clock = new ManualClock();
  const cluster = await startCluster({ clock: clock.now });
  try {
    const admin = await connectAgent(cluster.url, cluster.wsUrl);
    await setAway(admin);
    const agentCreds = await createUserAs(admin, { email: 'snooze-agent@example.com', name: 'Agent' });
    const agent = await connectAgent(cluster.url, cluster.wsUrl, agentCreds);
    const { conversationId } = await visitorWrites(cluster, 'Hi');
    await settle(cluster);
    const before = await row(cluster, conversationId);

    const now = clock.now();
    const cases: Array<[unknown, string]> = [
      [{ until: now - 1000 }, 'invalid_snooze_time'],
      [{ until: now }, 'invalid_snooze_time'],
      [{ until: now + 400 * 24 * HOUR }, 'invalid_snooze_time'],
      [{ until: now + HOUR + 0.5 }, 'invalid_snooze_time'],
      [{ until: String(now + HOUR) }, 'validation_failed'],
      [{ until: null }, 'validation_failed'],
      [{}, 'validation_failed'],
      [{ until: now + HOUR, extra: 1 }, 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      const res = await admin.http('POST', `/api/conversations/${conversationId}/snooze`, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, code, JSON.stringify(body));
    }
    const unchanged = await row(cluster, conversationId);
    assert.equal(unchanged.version, before.version);
    assert.equal(unchanged.snoozed_until, null);
    assert.deepEqual(await snoozeDeadlines(cluster, conversationId), []);

    // Assigned to the admin: the agent may not open it, so cannot snooze or unsnooze it.
    assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/assign`, { userId: admin.userId })).status, 200);
    const assigned = await row(cluster, conversationId);
    assert.equal((await agent.http('POST', `/api/conversations/${conversationId}/snooze`, { until: now + HOUR })).status, 403);
    assert.equal((await agent.http('POST', `/api/conversations/${conversationId}/unsnooze`)).status, 403);
    assert.equal((await agent.http('POST', `/api/conversations/999999/snooze`, { until: now + HOUR })).status, 404);
    assert.equal((await row(cluster, conversationId)).version, assigned.version);
    assert.deepEqual(await snoozeDeadlines(cluster, conversationId), []);

    // The assignee may; and a closed chat cannot be snoozed.
    assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/snooze`, { until: now + HOUR })).status, 200);
    assert.equal((await admin.http('GET', '/api/conversations/counts')).body.mine, 0, 'a snoozed chat leaves Mine');
    assert.equal((await admin.http('POST', `/api/conversations/${conversationId}/close`)).status, 200);
    const closed = await admin.http('POST', `/api/conversations/${conversationId}/snooze`, { until: now + HOUR });
    assert.equal(closed.status, 409);
    assert.equal(closed.body.error.code, 'conversation_closed');
    agent.close();
    admin.close();
  } finally {
    await cluster.close();
  }
});
