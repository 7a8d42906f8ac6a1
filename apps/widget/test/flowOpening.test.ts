/**
 * W8: the flow's opening in the frame: read from the config like the rest of it (a posted config
 * may be anything), its lines in the order the visitor reads them, and its answers offered only
 * while nothing has been written. Run with `node --import tsx --test apps/widget/test/flowOpening.test.ts`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIMITS, type Message, type VisitorConversation } from '@parley/protocol';
import { flowOpeningField, openingLines, openingPrompt } from '../src/frame/state/flowOpening';
import { readWidgetConfig } from '../src/frame/state/widgetConfig';
import { emptyThread, type ThreadState } from '../src/frame/state/thread';

const opening = { messages: ['Hi! Quick question first.'], question: { cardId: 'topic', text: 'What brings you here?', answers: ['Sales', 'Support'] } };

test('the opening is read as given; broken parts are dropped, an older server has none', () => {
  assert.deepEqual(flowOpeningField(opening), { flowOpening: opening });
  assert.deepEqual(flowOpeningField(undefined), {});
  assert.deepEqual(flowOpeningField([opening]), {});
  const broken = flowOpeningField({ messages: ['ok', 7, null, { text: 'x' }], question: { cardId: 3, text: 'Why?', answers: ['A'] } });
  assert.deepEqual(broken, { flowOpening: { messages: ['ok'], question: null } });
  assert.equal(flowOpeningField({ messages: [], question: { cardId: 'q', text: 'Why?', answers: [] } }).flowOpening?.question, null, 'a question without answers offers nothing');
  const flood = flowOpeningField({ messages: Array(5000).fill('x'), question: { cardId: 'q', text: 'Why?', answers: Array(5000).fill('a') } }).flowOpening!;
  assert.equal(flood.messages.length, LIMITS.flowCardsPerBranch);
  assert.equal(flood.question?.answers.length, LIMITS.flowAnswersPerQuestion);
});

test('the widget config carries the opening, or none when the answer has none', () => {
  const base = { chatflowId: 4, siteKey: 'k', heading: { title: 'Team' } };
  assert.deepEqual(readWidgetConfig({ ...base, flowOpening: opening })?.flowOpening, opening);
  assert.equal(readWidgetConfig(base)?.flowOpening, undefined);
});

test('the lines read: the opening messages, then the question', () => {
  assert.deepEqual(openingLines(opening), ['Hi! Quick question first.', 'What brings you here?']);
  assert.deepEqual(openingLines({ messages: ['Only a hello'], question: null }), ['Only a hello']);
  assert.deepEqual(openingLines(undefined), []);
});

const conversation = { id: 9, status: 'open' } as VisitorConversation;
const visitorLine = { id: 1, conversationId: 9, seq: 1, author: { kind: 'visitor' } } as Message;
const pending = (error: string | null) => ({ clientMessageId: 'c1', body: 'Hello', createdAt: 1, error });

test('the answers are offered only while nothing is written or on its way', () => {
  const offered = { kind: 'question', cardId: 'topic', answers: ['Sales', 'Support'] };
  assert.deepEqual(openingPrompt(opening, emptyThread), offered);
  assert.equal(openingPrompt({ messages: ['Hi'], question: null }, emptyThread), null);
  assert.equal(openingPrompt(undefined, emptyThread), null);
  const cases: Array<[string, ThreadState]> = [
    ['a conversation exists', { ...emptyThread, conversation }],
    ['a line is shown (the preview keeps its own)', { ...emptyThread, messages: [visitorLine] }],
    ['a typed line is on its way', { ...emptyThread, pending: [pending(null)] }],
  ];
  for (const [why, thread] of cases) assert.equal(openingPrompt(opening, thread), null, why);
  assert.deepEqual(openingPrompt(opening, { ...emptyThread, pending: [pending('refused')] }), offered, 'a refused line does not hide them');
});
