/**
 * W9 in the frame: when the email prompt blocks the composer, shows above it, or stays away,
 * from the config and the stored message times alone (so a reload agrees).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuthorKind, Message, VisitorConversation, WidgetConfig } from '@parley/protocol';
import { emailPromptState } from '../src/frame/state/emailCapture';
import { emptyThread, type ThreadState } from '../src/frame/state/thread';

const T0 = 1_700_000_000_000;
const gate = (mode: WidgetConfig['emailCapture']['mode'], visitorHasEmail = false): WidgetConfig['emailCapture'] => ({ mode, minutes: 4, prompt: 'Email?', visitorHasEmail });

const conversation = (status: 'open' | 'closed'): VisitorConversation => ({
  id: 1, status, assignee: null, version: 1, lastSeq: 0, createdAt: T0, closedAt: null, closeReason: null, queue: null, visitorReadSeq: 0, agentReadSeq: 0,
});
const line = (seq: number, kind: AuthorKind, createdAt: number): Message => ({
  id: seq, conversationId: 1, seq, clientMessageId: null, author: { kind, id: 1, name: kind, avatarUrl: null }, body: 'x', internal: false, createdAt,
});
const thread = (messages: Message[], status: 'open' | 'closed' = 'open'): ThreadState => ({ conversation: conversation(status), messages, pending: [] });

test('never, or an email already known or just given: no prompt', () => {
  assert.deepEqual(emailPromptState(undefined, emptyThread, false, T0), { mode: 'none', dueAt: null });
  assert.equal(emailPromptState(gate('never'), emptyThread, false, T0).mode, 'none');
  assert.equal(emailPromptState(gate('beforeFirstMessage', true), emptyThread, false, T0).mode, 'none');
  assert.equal(emailPromptState(gate('beforeFirstMessage'), emptyThread, true, T0).mode, 'none');
});

test('before the first message: blocks until a chat is under way', () => {
  assert.equal(emailPromptState(gate('beforeFirstMessage'), emptyThread, false, T0).mode, 'blocking');
  assert.equal(emailPromptState(gate('beforeFirstMessage'), thread([], 'closed'), false, T0).mode, 'blocking', 'a new chat after a closed one asks too');
  assert.equal(emailPromptState(gate('beforeFirstMessage'), thread([line(1, 'visitor', T0)]), false, T0).mode, 'none');
});

test('no reply: due N minutes after the first visitor message, gone once a user replied', () => {
  const waiting = thread([line(1, 'bot', T0 - 5), line(2, 'visitor', T0), line(3, 'visitor', T0 + 60_000)]);
  assert.deepEqual(emailPromptState(gate('noReply'), waiting, false, T0 + 60_000), { mode: 'none', dueAt: T0 + 4 * 60_000 });
  assert.deepEqual(emailPromptState(gate('noReply'), waiting, false, T0 + 4 * 60_000), { mode: 'offered', dueAt: T0 + 4 * 60_000 });
  const answered = thread([line(1, 'visitor', T0), line(2, 'user', T0 + 30_000)]);
  assert.deepEqual(emailPromptState(gate('noReply'), answered, false, T0 + 10 * 60_000), { mode: 'none', dueAt: null });
  assert.deepEqual(emailPromptState(gate('noReply'), emptyThread, false, T0), { mode: 'none', dueAt: null });
});
