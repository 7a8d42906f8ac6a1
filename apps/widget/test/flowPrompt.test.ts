/**
 * W8: the card a running flow waits at is read from the thread: the newest question or capture
 * line, until the visitor's line answering that card; an older card answered long ago or a
 * notice of another kind changes nothing. Run with `node --import tsx --test apps/widget/test/flowPrompt.test.ts`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message } from '@parley/protocol';
import { pendingFlowPrompt } from '../src/frame/state/flowPrompt';

let seq = 0;
const line = (kind: Message['author']['kind'], notice: Message['notice'] = null): Message => ({
  id: ++seq,
  conversationId: 1,
  seq,
  clientMessageId: null,
  author: { kind, id: null, name: kind, avatarUrl: null },
  body: 'text',
  notice,
  internal: false,
  createdAt: seq,
});

const question = line('bot', { type: 'flowQuestion', cardId: 'topic', answers: ['Pricing', 'Support'] });
const answer = line('visitor', { type: 'flowAnswer', cardId: 'topic', answerIndex: 0 });
const capture = line('bot', { type: 'flowCapture', cardId: 'details', fields: ['email', 'plan'] });
const captured = line('visitor', { type: 'flowCaptured', cardId: 'details' });

test('no flow lines: nothing to answer', () => {
  assert.equal(pendingFlowPrompt([]), null);
  assert.equal(pendingFlowPrompt([line('visitor'), line('bot'), line('system', { type: 'inactive' })]), null);
});

test('a question waits until its answer line arrives, whatever was written in between', () => {
  assert.deepEqual(pendingFlowPrompt([line('visitor'), question]), { kind: 'question', cardId: 'topic', answers: ['Pricing', 'Support'] });
  assert.deepEqual(pendingFlowPrompt([question, line('visitor')]), { kind: 'question', cardId: 'topic', answers: ['Pricing', 'Support'] }, 'free text is no answer');
  assert.equal(pendingFlowPrompt([question, answer]), null);
  assert.equal(pendingFlowPrompt([question, answer, line('bot')]), null);
});

test('the newest card counts: a capture after an answered question, then nothing once captured', () => {
  assert.deepEqual(pendingFlowPrompt([question, answer, capture]), { kind: 'capture', cardId: 'details', fields: ['email', 'plan'] });
  assert.equal(pendingFlowPrompt([question, answer, capture, captured]), null);
  const otherAnswer = line('visitor', { type: 'flowCaptured', cardId: 'elsewhere' });
  assert.deepEqual(pendingFlowPrompt([capture, otherAnswer])?.cardId, 'details', "another card's answer does not close this one");
});
