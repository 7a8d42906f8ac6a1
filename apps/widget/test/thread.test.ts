/**
 * The thread rules of the chat frame (ordering, de-duplication, conversation switching), without
 * a browser: run with `node --import tsx --test apps/widget/test/thread.test.ts`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message, VisitorConversation } from '@parley/protocol';
import { addPending, applyConversation, applyMessage, applyReadReceipt, applySnapshot, emptyThread, seenSeq } from '../src/frame/state/thread';

const conversation = (id: number, version: number, status: 'open' | 'closed' = 'open'): VisitorConversation => ({
  id,
  status,
  assignee: null,
  version,
  lastSeq: 0,
  createdAt: 1,
  closedAt: status === 'closed' ? 2 : null,
  closeReason: status === 'closed' ? 'visitor_ended' : null,
  queue: null,
  visitorReadSeq: 0,
  agentReadSeq: 0,
});

let nextId = 1;
const message = (conversationId: number, seq: number, clientMessageId: string | null = null): Message => ({
  id: nextId++,
  conversationId,
  seq,
  clientMessageId,
  author: { kind: 'visitor', id: 1, name: 'Visitor #1', avatarUrl: null },
  body: `m${seq}`,
  internal: false,
  createdAt: seq,
});

test('messages are ordered by seq and unique by id', () => {
  const a = message(1, 2);
  const b = message(1, 1);
  let state = applyConversation(emptyThread, conversation(1, 1));
  state = applyMessage(applyMessage(applyMessage(state, a), b), a);
  assert.deepEqual(state.messages.map((m) => m.seq), [1, 2]);
});

test('a pending message disappears once stored, whichever of ack and event comes first', () => {
  let state = addPending(applyConversation(emptyThread, conversation(1, 1)), {
    clientMessageId: 'c1',
    body: 'hi',
    createdAt: 0,
    error: null,
  });
  const stored = message(1, 1, 'c1');
  state = applyMessage(state, stored);
  assert.equal(state.pending.length, 0);
  state = applyMessage(state, stored);
  assert.equal(state.messages.length, 1);
});

test('older versions never overwrite newer ones', () => {
  let state = applyConversation(emptyThread, conversation(1, 3, 'closed'));
  state = applyConversation(state, conversation(1, 2, 'open'));
  assert.equal(state.conversation?.status, 'closed');
});

test('a newer conversation replaces a closed one; messages of the old one are dropped', () => {
  let state = applyConversation(emptyThread, conversation(1, 2, 'closed'));
  state = applyMessage(state, message(1, 1));
  state = applyMessage(state, message(2, 1));
  assert.equal(state.conversation?.id, 2);
  assert.equal(state.conversation?.version, 0, 'placeholder until the conversation event arrives');
  state = applyConversation(state, conversation(2, 1));
  assert.equal(state.conversation?.version, 1);
  assert.deepEqual(state.messages.map((m) => m.conversationId), [2]);
  state = applyMessage(state, message(1, 2));
  assert.deepEqual(state.messages.map((m) => m.conversationId), [2], 'late message of the old conversation ignored');
  assert.equal(applyConversation(state, conversation(1, 9)).conversation?.id, 2);
});

test('a snapshot replaces the thread but keeps unsent messages', () => {
  let state = addPending(applyMessage(emptyThread, message(5, 1)), { clientMessageId: 'x', body: 'x', createdAt: 0, error: null });
  state = addPending(state, { clientMessageId: 'y', body: 'y', createdAt: 0, error: null });
  state = applySnapshot(state, { conversation: conversation(6, 4), messages: [message(6, 2, 'y'), message(6, 1)] });
  assert.equal(state.conversation?.id, 6);
  assert.deepEqual(state.messages.map((m) => m.seq), [1, 2]);
  assert.deepEqual(state.pending.map((p) => p.clientMessageId), ['x']);
});

test('read receipts only raise the marks, and "Seen" goes under the newest own message read', () => {
  let state = applyConversation(emptyThread, conversation(1, 1));
  for (const seq of [1, 2, 3]) state = applyMessage(state, message(1, seq));
  const own = (m: Message) => m.author.kind === 'visitor';
  assert.equal(seenSeq(state, own), null, 'nothing read yet');

  state = applyReadReceipt(state, { conversationId: 1, visitorReadSeq: 0, agentReadSeq: 2 });
  assert.equal(seenSeq(state, own), 2);
  // A receipt of another conversation, or a lower mark, changes nothing.
  assert.equal(applyReadReceipt(state, { conversationId: 9, visitorReadSeq: 0, agentReadSeq: 3 }), state);
  assert.equal(applyReadReceipt(state, { conversationId: 1, visitorReadSeq: 0, agentReadSeq: 1 }), state);
  // An update built before the receipt (same version, mark 0) does not take "Seen" away.
  state = applyConversation(state, conversation(1, 2));
  assert.equal(state.conversation!.version, 2);
  assert.equal(seenSeq(state, own), 2);
  state = applyReadReceipt(state, { conversationId: 1, visitorReadSeq: 0, agentReadSeq: 3 });
  assert.equal(seenSeq(state, own), 3);
});
