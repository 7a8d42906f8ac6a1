/**
 * Read receipts (issue 12, W12): each side's `conversation.read` raises its read mark and the
 * other side gets it live; marks only go up, a mark past the last message is refused, a visitor
 * cannot mark another visitor's conversation, and a fresh snapshot carries both marks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectAgent, connectVisitor, createUserAs } from './helpers/clients.js';
import { useNodeWithAdmin } from './helpers/suite.js';

const shared = useNodeWithAdmin();

test('agent reads → the visitor sees it live; visitor reads → the agent sees it live; resume carries both', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const first = await visitor.rt.send('message.send', { clientMessageId: 'rr-1', body: 'hello, is anyone there?' });
  const conversationId = first.message.conversationId;
  const agent = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'reader@example.com', name: 'Reader' }));

  // The agent opens the thread and reads up to the visitor's message.
  await agent.rt.send('conversation.read', { conversationId, seq: first.message.seq });
  const seen = await visitor.log.waitForEvent('conversation.read', (d) => d.conversationId === conversationId && d.agentReadSeq === first.message.seq);
  assert.equal(seen.data.visitorReadSeq, 0, 'the visitor has not read anything yet');
  assert.deepEqual(Object.keys(seen.data).sort(), ['agentReadSeq', 'conversationId', 'visitorReadSeq'], 'the visitor frame names no agent');

  // The agent replies; the visitor, with the window open, reads it.
  const reply = await agent.rt.send('message.send', { conversationId, clientMessageId: 'rr-r1', body: 'Hi! Reading you.' });
  await visitor.log.waitForEvent('message.created', (d) => d.message.id === reply.message.id);
  await visitor.rt.send('conversation.read', { conversationId, seq: reply.message.seq });
  const read = await agent.log.waitForEvent('conversation.read', (d) => d.conversationId === conversationId && d.visitorReadSeq === reply.message.seq);
  assert.equal(read.data.agentReadSeq, first.message.seq);
  await admin.log.waitForEvent('conversation.read', (d) => d.visitorReadSeq === reply.message.seq);

  // Stored: the inbox thread and a fresh visitor snapshot carry both marks.
  const thread = await admin.http('GET', `/api/conversations/${conversationId}`);
  assert.equal(thread.body.conversation.visitorReadSeq, reply.message.seq);
  assert.equal(thread.body.conversation.agentReadSeq, first.message.seq);
  const fresh = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey, visitor);
  const snapshot = fresh.resumes[0]!.snapshot!.conversation!;
  assert.equal(snapshot.visitorReadSeq, reply.message.seq);
  assert.equal(snapshot.agentReadSeq, first.message.seq);
  fresh.close();
  visitor.close();
  agent.close();
});

test('marks only go up, a mark past the last message is refused, and nothing else changes', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const first = await visitor.rt.send('message.send', { clientMessageId: 'mono-1', body: 'one' });
  const conversationId = first.message.conversationId;
  const second = await visitor.rt.send('message.send', { clientMessageId: 'mono-2', body: 'two' });

  await admin.rt.send('conversation.read', { conversationId, seq: second.message.seq });
  await visitor.log.waitForEvent('conversation.read', (d) => d.agentReadSeq === second.message.seq);
  const eventsBefore = visitor.log.events.filter((e) => e.name === 'conversation.read').length;

  // Lower and equal marks are accepted and change nothing (tabs report out of order).
  assert.deepEqual(await admin.rt.send('conversation.read', { conversationId, seq: first.message.seq }), {});
  assert.deepEqual(await admin.rt.send('conversation.read', { conversationId, seq: second.message.seq }), {});
  // Past the last message: refused with a stable code.
  await assert.rejects(admin.rt.send('conversation.read', { conversationId, seq: second.message.seq + 1 }), (e: any) => e.error.code === 'read_beyond_last_message');
  await assert.rejects(visitor.rt.send('conversation.read', { conversationId, seq: 10_000 }), (e: any) => e.error.code === 'read_beyond_last_message');
  await assert.rejects(visitor.rt.send('conversation.read', { conversationId, seq: -1 }), (e: any) => e.error.code === 'validation_failed');

  // A message after the refused marks travels behind any receipt they might have made.
  const marker = await visitor.rt.send('message.send', { clientMessageId: 'mono-3', body: 'three' });
  await visitor.log.waitForEvent('message.created', (d) => d.message.id === marker.message.id);
  assert.equal(visitor.log.events.filter((e) => e.name === 'conversation.read').length, eventsBefore, 'no receipt event for marks that changed nothing');
  const thread = await admin.http('GET', `/api/conversations/${conversationId}`);
  assert.equal(thread.body.conversation.agentReadSeq, second.message.seq, 'the mark stayed where it was');
  assert.equal(thread.body.conversation.visitorReadSeq, 0);
  visitor.close();
});

test('a visitor cannot mark another visitor’s conversation, and an agent only one it may read', async () => {
  const { cluster, admin } = shared;
  const owner = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const sent = await owner.rt.send('message.send', { clientMessageId: 'own-1', body: 'mine' });
  const conversationId = sent.message.conversationId;
  const reply = await admin.rt.send('message.send', { conversationId, clientMessageId: 'own-r1', body: 'hello owner' });

  const stranger = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  await assert.rejects(stranger.rt.send('conversation.read', { conversationId, seq: reply.message.seq }), (e: any) => e.error.code === 'not_found');

  // The admin's reply assigned the chat to the admin: another agent may not read (or mark) it.
  const other = await connectAgent(cluster.url, cluster.wsUrl, await createUserAs(admin, { email: 'not-mine@example.com', name: 'Other' }));
  await assert.rejects(other.rt.send('conversation.read', { conversationId, seq: sent.message.seq }), (e: any) => e.error.code === 'forbidden');

  const thread = await admin.http('GET', `/api/conversations/${conversationId}`);
  assert.equal(thread.body.conversation.visitorReadSeq, 0, 'the stranger marked nothing');
  assert.equal(thread.body.conversation.agentReadSeq, 0, 'the other agent marked nothing');
  assert.ok(!other.log.events.some((e) => e.name === 'conversation.read' && e.data.conversationId === conversationId), 'receipts of a chat assigned to someone else stay with them');
  owner.close();
  stranger.close();
  other.close();
});

test('reads within a second are coalesced into one write that keeps the highest mark', async () => {
  const { cluster, admin } = shared;
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const seqs: number[] = [];
  let conversationId = 0;
  for (let i = 0; i < 4; i++) {
    const sent = await visitor.rt.send('message.send', { clientMessageId: `co-${i}`, body: `burst ${i}` });
    conversationId = sent.message.conversationId;
    seqs.push(sent.message.seq);
  }
  // First mark is written at once; the next three inside the window become one write of the highest.
  for (const seq of seqs) await admin.rt.send('conversation.read', { conversationId, seq });
  const last = seqs.at(-1)!;
  await visitor.log.waitForEvent('conversation.read', (d) => d.agentReadSeq === last, 4000);
  const marks = visitor.log.events.filter((e) => e.name === 'conversation.read' && e.data.conversationId === conversationId).map((e) => e.data.agentReadSeq);
  assert.deepEqual(marks, [seqs[0], last], 'one write at once, one when the window ended');
  visitor.close();
});
