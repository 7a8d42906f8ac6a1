/**
 * Fan-out on one node: a feed row reaches the sockets of its visitor and the inbox sockets, each
 * once and in order, and never another visitor; a socket told `resync_required` can resume again
 * without leaving a subscription or an inbox presence count behind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectVisitor, createUserAs, login } from './helpers/clients.js';
import { agentSocket, openRawSocket } from './helpers/rawSocket.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

test('each visitor gets exactly its own events; inbox sockets get every visitor event, in feed order', async () => {
  const { cluster } = shared;
  const visitors = await Promise.all(Array.from({ length: 6 }, () => connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey)));
  const { cookie } = await login(cluster.url);
  const inbox = await agentSocket(cluster.wsUrl, cookie);
  try {
    const sent = await Promise.all(visitors.map((visitor, i) => visitor.rt.send('message.send', { clientMessageId: `fan-${i}`, body: `from visitor ${i}` })));
    for (const [i, visitor] of visitors.entries()) {
      const mine = sent[i]!.message;
      await visitor.log.waitForEvent('message.created', (d: any) => d.message.id === mine.id);
      const seen = visitor.log.events.filter((e) => e.name === 'message.created').map((e) => (e.data as any).message);
      assert.ok(seen.every((m: any) => m.conversationId === mine.conversationId), `visitor ${i} saw only its own chat`);
      assert.equal(seen.filter((m: any) => m.id === mine.id).length, 1, `visitor ${i} got its message once`);
    }
    const conversations = new Set(sent.map((s) => s.message.conversationId));
    const deadline = Date.now() + 5000;
    const delivered = () => inbox.frames.filter((f) => f.t === 'event' && f.name === 'message.created' && sent.some((s) => s.message.id === f.data.message.id));
    while (delivered().length < sent.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(delivered().length, sent.length, 'the inbox socket got every visitor message once');
    const ids = inbox.frames.filter((f) => f.t === 'event').map((f) => f.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'in feed order');
    assert.equal(conversations.size, 6);
  } finally {
    inbox.ws.close();
    for (const visitor of visitors) visitor.close();
  }
});

test('after resync_required the socket resumes afresh, and closing it leaves no inbox presence behind', async () => {
  const { cluster, admin } = shared;
  const node = cluster.nodes[0]!.server;
  // An admin of their own, so every feed row counts towards their replay and no other socket of
  // theirs keeps them present.
  const user = await createUserAs(admin, { email: 'resync@example.com', name: 'Resync', role: 'admin' });
  const { cookie } = await login(cluster.url, user.email, user.password);
  const workspace = await node.ctx.storage.db.selectFrom('users').select('workspace_id').where('id', '=', user.id).executeTakeFirstOrThrow();
  // More feed rows than one replay may carry (LIMITS.replayMaxEvents is 2,000).
  const now = Date.now();
  for (let chunk = 0; chunk < 5; chunk++) {
    await node.ctx.storage.db
      .insertInto('feed')
      .values(Array.from({ length: 500 }, () => ({ workspace_id: workspace.workspace_id, type: 'chatflow.updated', conversation_id: null, visitor_id: null, agent_user_id: null, data: '{}', created_at: now })))
      .execute();
  }
  const presenceRow = () => node.ctx.storage.db.selectFrom('presence').select('sockets').where('user_id', '=', user.id).where('node_id', '=', node.ctx.nodeId).executeTakeFirst();

  const socket = await openRawSocket(cluster.wsUrl, { cookie });
  const behind = await socket.command('session.resume', { lastEventId: 0 });
  assert.equal(behind.ok, false);
  assert.equal(behind.error.code, 'resync_required');
  const fresh = await socket.command('session.resume', {});
  assert.equal(fresh.ok, true);
  await node.gateway.presence.settled();
  assert.equal((await presenceRow())?.sockets, 1, 'present while the socket is open');

  // The socket's last close removes this node's presence row (the grace period starts); a count
  // left behind by the refused resume would keep the user "connected" here for good.
  socket.ws.close();
  await socket.closed;
  const deadline = Date.now() + 5000;
  while ((await presenceRow()) !== undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(await presenceRow(), undefined, 'the closed socket no longer counts');
});
