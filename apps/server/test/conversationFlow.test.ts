/**
 * The end-to-end slice over real HTTP + WebSocket: a visitor writes, agents see it live,
 * assign, reply, close; the visitor sees every step; writing after close starts a new chat.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, connectVisitor, createUserAs } from './helpers/clients.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

test('a visitor message reaches the inbox live, the reply reaches the visitor under the agent name', async () => {
  const agentCreds = await createUserAs(shared.admin, { email: 'alice@example.com', name: 'Alice' });
  const alice = await connectAgent(shared.cluster.url, shared.cluster.wsUrl, agentCreds);
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  assert.deepEqual(visitor.resumes[0]!.snapshot, { conversation: null, messages: [] });

  const sent = await visitor.rt.send('message.send', { clientMessageId: 'c1', body: 'Hello, is anyone there? 👋' });
  assert.equal(sent.duplicate, false);
  assert.equal(sent.message.author.kind, 'visitor');
  const conversationId = sent.message.conversationId;

  const created = await alice.log.waitForEvent('conversation.created', (d) => d.conversation.id === conversationId);
  assert.equal(created.data.conversation.assignee, null);
  assert.equal(created.data.conversation.status, 'open');
  await alice.log.waitForEvent('message.created', (d) => d.message.body === 'Hello, is anyone there? 👋');

  // Counts and views as Alice sees them.
  const counts = await alice.http('GET', '/api/conversations/counts');
  assert.deepEqual(counts.body, { unassigned: 1, mine: 0, all: 1, closed: 0, snoozed: 0, teams: [] });
  const unassigned = await alice.http('GET', '/api/conversations?view=unassigned');
  assert.deepEqual(unassigned.body.conversations.map((c: any) => c.id), [conversationId]);

  // The welcome message is the first line of the thread, then the visitor's message.
  const thread = await alice.http('GET', `/api/conversations/${conversationId}`);
  assert.equal(thread.status, 200);
  assert.deepEqual(thread.body.messages.map((m: any) => [m.seq, m.author.kind, m.body]), [
    [1, 'bot', 'Hi! How can we help you today?'],
    [2, 'visitor', 'Hello, is anyone there? 👋'],
    // The demo chatflow's flow is its live-chat card, whose online message follows (W8).
    [3, 'bot', 'Connecting you with our team. Someone will be with you shortly.'],
  ]);

  // Assign to me → the visitor sees "Alice joined the chat" and the new heading.
  const assigned = await alice.rt.send('conversation.assign', { conversationId, userId: alice.userId });
  assert.equal(assigned.conversation.assignee?.name, 'Alice');
  await visitor.log.waitForEvent('message.created', (d) => d.message.body === 'Alice joined the chat' && d.message.author.kind === 'system');
  const visitorAssigned = await visitor.log.waitForEvent('conversation.assigned');
  assert.deepEqual(visitorAssigned.data.conversation.assignee, { id: alice.userId, name: 'Alice', avatarUrl: null });
  assert.equal('visitor' in visitorAssigned.data.conversation, false, 'visitors do not get agent-only fields');
  await shared.admin.log.waitForEvent('conversation.assigned', (d) => d.conversation.id === conversationId);

  // Typing both ways.
  await alice.rt.send('typing.set', { conversationId, typing: true });
  await visitor.log.waitFor(() => visitor.log.signals.find((s) => s.name === 'typing.changed' && s.data.author.name === 'Alice' && s.data.typing));
  await visitor.rt.send('typing.set', { conversationId, typing: true });
  await alice.log.waitFor(() => alice.log.signals.find((s) => s.name === 'typing.changed' && s.data.author.kind === 'visitor'));

  const reply = await alice.rt.send('message.send', { conversationId, clientMessageId: 'a1', body: 'Hi! Alice here.' });
  const seen = await visitor.log.waitForEvent('message.created', (d) => d.message.id === reply.message.id);
  assert.equal(seen.data.message.author.name, 'Alice');
  assert.equal(seen.data.message.author.kind, 'user');

  const mine = await alice.http('GET', '/api/conversations/counts');
  assert.deepEqual(mine.body, { unassigned: 0, mine: 1, all: 1, closed: 0, snoozed: 0, teams: [] });

  // Several messages in a row keep their order.
  for (let i = 0; i < 5; i++) await visitor.rt.send('message.send', { clientMessageId: `row-${i}`, body: `line ${i}` });
  const after5 = await alice.http('GET', `/api/conversations/${conversationId}`);
  const bodies = after5.body.messages.map((m: any) => m.body).filter((b: string) => b.startsWith('line '));
  assert.deepEqual(bodies, ['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);

  // Close: the visitor sees the ended state; the thread is read-only.
  const closed = await alice.http('POST', `/api/conversations/${conversationId}/close`);
  assert.equal(closed.status, 200);
  assert.equal(closed.body.conversation.closeReason, 'agent_closed');
  const visitorClosed = await visitor.log.waitForEvent('conversation.closed');
  assert.equal(visitorClosed.data.conversation.status, 'closed');
  const lateReply = await alice.http('POST', `/api/conversations/${conversationId}/messages`, { clientMessageId: 'a2', body: 'too late' });
  assert.equal(lateReply.status, 409);
  assert.equal(lateReply.body.error.code, 'conversation_closed');

  // Writing again starts a new conversation; the closed one stays closed.
  const again = await visitor.rt.send('message.send', { clientMessageId: 'c2', body: 'One more question' });
  assert.notEqual(again.message.conversationId, conversationId);
  const old = await alice.http('GET', `/api/conversations/${conversationId}`);
  assert.equal(old.body.conversation.status, 'closed');
  const finalCounts = await alice.http('GET', '/api/conversations/counts');
  assert.deepEqual(finalCounts.body, { unassigned: 1, mine: 0, all: 1, closed: 1, snoozed: 0, teams: [] });

  // A reload (fresh connection with the same token) gets the latest conversation as snapshot.
  const reloaded = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey, visitor);
  assert.equal(reloaded.resumes[0]!.snapshot!.conversation!.id, again.message.conversationId);
  assert.deepEqual(reloaded.resumes[0]!.snapshot!.messages.map((m) => m.body), ['Hi! How can we help you today?', 'One more question', 'Connecting you with our team. Someone will be with you shortly.']);
  reloaded.close();
  visitor.close();
  alice.close();
});

test('the visitor can end the chat; ending twice changes nothing', async () => {
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'x', body: 'bye soon' });
  const ended = await visitor.rt.send('conversation.end', { conversationId: sent.message.conversationId });
  assert.equal(ended.conversation.status, 'closed');
  assert.equal(ended.conversation.closeReason, 'visitor_ended');
  const again = await visitor.rt.send('conversation.end', { conversationId: sent.message.conversationId });
  assert.equal(again.conversation.closedAt, ended.conversation.closedAt);
  const closed = await shared.admin.log.waitForEvent('conversation.closed', (d) => d.conversation.id === sent.message.conversationId);
  assert.equal(closed.data.conversation.closeReason, 'visitor_ended');
  visitor.close();
});

test('an agent cannot open or act on a conversation assigned to someone else; admins can', async () => {
  const bob = await connectAgent(shared.cluster.url, shared.cluster.wsUrl, await createUserAs(shared.admin, { email: 'bob@example.com', name: 'Bob' }));
  const carol = await connectAgent(shared.cluster.url, shared.cluster.wsUrl, await createUserAs(shared.admin, { email: 'carol@example.com', name: 'Carol' }));
  const visitor = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'p1', body: 'private matter' });
  const id = sent.message.conversationId;
  await bob.rt.send('conversation.assign', { conversationId: id, userId: bob.userId });

  const read = await carol.http('GET', `/api/conversations/${id}`);
  assert.equal(read.status, 403);
  assert.equal(read.body.error.code, 'forbidden');
  const write = await carol.http('POST', `/api/conversations/${id}/messages`, { clientMessageId: 'c', body: 'hi' });
  assert.equal(write.status, 403);
  await assert.rejects(carol.rt.send('conversation.assign', { conversationId: id, userId: carol.userId }), (e: any) => e.error.code === 'forbidden');
  await assert.rejects(carol.rt.send('message.send', { conversationId: id, clientMessageId: 'c2', body: 'hi' }), (e: any) => e.error.code === 'forbidden');

  // Carol's socket does not carry the thread of Bob's conversation; the admin's does.
  await visitor.rt.send('message.send', { clientMessageId: 'p2', body: 'secret detail' });
  await shared.admin.log.waitForEvent('message.created', (d) => d.message.body === 'secret detail');
  await bob.log.waitForEvent('message.created', (d) => d.message.body === 'secret detail');
  assert.equal(carol.log.events.some((e) => e.name === 'message.created' && e.data.message.body === 'secret detail'), false);

  assert.equal((await shared.admin.http('GET', `/api/conversations/${id}`)).status, 200);
  // After Bob hands it back to Unassigned, Carol may open it.
  await bob.rt.send('conversation.assign', { conversationId: id, userId: null });
  assert.equal((await carol.http('GET', `/api/conversations/${id}`)).status, 200);
  bob.close();
  carol.close();
  visitor.close();
});

test("a visitor token cannot read or write another visitor's conversation", async () => {
  const one = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const two = await connectVisitor(shared.cluster.url, shared.cluster.wsUrl, shared.cluster.siteKey);
  const sent = await one.rt.send('message.send', { clientMessageId: 'm', body: 'mine only' });
  const id = sent.message.conversationId;
  await assert.rejects(two.rt.send('conversation.end', { conversationId: id }), (e: any) => e.error.code === 'not_found');
  await assert.rejects(two.rt.send('typing.set', { conversationId: id, typing: true }), (e: any) => e.error.code === 'not_found');
  // Two's message goes to two's own new conversation, never into one's.
  const other = await two.rt.send('message.send', { clientMessageId: 'm', body: 'hello', conversationId: id });
  assert.notEqual(other.message.conversationId, id);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(two.log.events.some((e) => e.data.message?.body === 'mine only' || e.data.conversation?.id === id), false);
  const http = await fetch(`${shared.cluster.url}/api/widget/conversation`, { headers: { authorization: `Bearer ${two.visitorToken}` } });
  const body = (await http.json()) as any;
  assert.equal(body.conversation.id, other.message.conversationId);
  // Visitor tokens are no agent credentials.
  const asAgent = await fetch(`${shared.cluster.url}/api/conversations/${id}`, { headers: { authorization: `Bearer ${one.visitorToken}` } });
  assert.equal(asAgent.status, 401);
  one.close();
  two.close();
});
