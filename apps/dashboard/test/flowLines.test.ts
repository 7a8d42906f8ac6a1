/** W8 in the agent's thread: the visitor's pick per question card, and a filled capture's lines as pairs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message, MessageNotice } from '@parley/protocol';
import { capturedDetails, pickedAnswers } from '../src/components/messages/flowLines.js';

let seq = 0;
function line(kind: 'bot' | 'visitor', body: string, notice: MessageNotice | null): Message {
  seq += 1;
  return { id: seq, conversationId: 1, seq, clientMessageId: null, author: { kind, id: null, name: kind, avatarUrl: null }, body, notice, internal: false, createdAt: seq };
}

test('pickedAnswers: each question card maps to the answer the visitor picked; an open question has none', () => {
  const messages = [
    line('bot', 'What brings you here?', { type: 'flowQuestion', cardId: 'topic', answers: ['Pricing', 'Support'] }),
    line('visitor', 'Support', { type: 'flowAnswer', cardId: 'topic', answerIndex: 1 }),
    line('bot', 'Which plan?', { type: 'flowQuestion', cardId: 'plan', answers: ['Free', 'Pro'] }),
    line('visitor', 'Hello?', null),
  ];
  const picked = pickedAnswers(messages);
  assert.deepEqual([...picked], [['topic', 1]]);
  assert.equal(picked.has('plan'), false);
});

test('pickedAnswers: the first answer to a card is the answer', () => {
  const messages = [
    line('visitor', 'Pricing', { type: 'flowAnswer', cardId: 'topic', answerIndex: 0 }),
    line('visitor', 'Support', { type: 'flowAnswer', cardId: 'topic', answerIndex: 1 }),
  ];
  assert.equal(pickedAnswers(messages).get('topic'), 0);
});

test('capturedDetails: one pair a line, split at the first ": " so a value keeps its own', () => {
  assert.deepEqual(capturedDetails('Sähköposti: maija@example.com\nEtunimi: Maija\nnote: 10:30: call back'), [
    { label: 'Sähköposti', value: 'maija@example.com' },
    { label: 'Etunimi', value: 'Maija' },
    { label: 'note', value: '10:30: call back' },
  ]);
});

test('capturedDetails: a line without a label leaves the body as written', () => {
  assert.equal(capturedDetails('Email: a@b.example\njust text'), null);
  assert.equal(capturedDetails(': no label'), null);
  assert.equal(capturedDetails(''), null);
});
