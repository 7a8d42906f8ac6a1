/**
 * W8: finding the way in a flow by card id: what runs after a card (the rest of its branch, then
 * past the question around it), after an answer, and that an offline branch ends the flow.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlowBranch } from '@parley/protocol';
import { cardsAfter, cardsAfterAnswer, findCard } from '../../src/domain/flows/flowTree.js';

const FLOW: FlowBranch = [
  { id: 'hi', type: 'message', text: 'Hi' },
  {
    id: 'q',
    type: 'question',
    text: 'Which?',
    answers: [
      { label: 'A', cards: [{ id: 'a1', type: 'message', text: 'A it is' }, { id: 'a2', type: 'capture', text: 'Email?', fields: ['email'] }] },
      { label: 'B', cards: [{ id: 'b1', type: 'message', text: 'B it is' }] },
    ],
  },
  { id: 'after', type: 'message', text: 'Thanks' },
  { id: 'live', type: 'liveChat', onlineMessage: 'On', offlineMessage: 'Off', waitSeconds: 60, offline: [{ id: 'o1', type: 'capture', text: 'Phone?', fields: ['phone'] }, { id: 'o2', type: 'message', text: 'Bye' }] },
];

const ids = (result: ReturnType<typeof cardsAfter>) => result && { ids: result.cards.map((c) => c.id), inOffline: result.inOffline };

test('cards are found at any depth; an unknown id (a card edited away) is null', () => {
  assert.equal(findCard(FLOW, 'a2')?.type, 'capture');
  assert.equal(findCard(FLOW, 'o1')?.type, 'capture');
  assert.equal(findCard(FLOW, 'gone'), null);
  assert.equal(cardsAfter(FLOW, 'gone'), null);
});

test('after a card: the rest of its branch, then past the question around it', () => {
  assert.deepEqual(ids(cardsAfter(FLOW, 'a2')), { ids: ['after', 'live'], inOffline: false });
  assert.deepEqual(ids(cardsAfter(FLOW, 'a1')), { ids: ['a2', 'after', 'live'], inOffline: false });
  assert.deepEqual(ids(cardsAfterAnswer(FLOW, 'q', 1)), { ids: ['b1', 'after', 'live'], inOffline: false });
  assert.equal(cardsAfterAnswer(FLOW, 'q', 2), null, 'no such answer');
  assert.equal(cardsAfterAnswer(FLOW, 'hi', 0), null, 'not a question');
});

test('an offline branch ends the flow: it never climbs back past its live-chat card', () => {
  assert.deepEqual(ids(cardsAfter(FLOW, 'o1')), { ids: ['o2'], inOffline: true });
  assert.deepEqual(ids(cardsAfter(FLOW, 'o2')), { ids: [], inOffline: true });
});
