/**
 * W8 card editor: the pure operations on a flow (insert, move, delete cards; add, rename and
 * remove answers) change only the branch they name and never the flow they were given; problems
 * of the engine land on the card they are about; when the editor says "offline mode only".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateFlow } from '@parley/chatflow';
import type { UserSummary } from '@parley/protocol';
import type { RoutingDraft } from '../src/state/chatflowDraft.js';
import {
  addAnswer,
  branchAt,
  cardPathText,
  deleteCard,
  holdsCards,
  insertCard,
  moveCard,
  newCard,
  removeAnswer,
  renameAnswer,
  replaceCard,
  type BranchPath,
} from '../src/components/chatflows/flow/flowDraft.js';
import { isOnCard, whereInFlow } from '../src/components/chatflows/flow/flowPlaces.js';
import { offlineOnlyReason } from '../src/components/chatflows/flow/offlineOnly.js';
import { immutably, sample } from './flowSample.js';

const SALES: BranchPath = [{ card: 1, answer: 0 }];
const OFFLINE: BranchPath = [{ card: 2, offline: true }];

test('insertCard puts a card at the place asked in the branch asked, ends clamped', () => {
  const { after } = immutably((flow) => insertCard(flow, [], 1, newCard('message')));
  assert.deepEqual(after.map((card) => card.type), ['message', 'message', 'question', 'liveChat']);
  assert.equal(after[1].type === 'message' && after[1].text, '');

  const nested = immutably((flow) => insertCard(flow, SALES, 99, newCard('capture'))).after;
  assert.deepEqual(branchAt(nested, SALES).map((card) => card.type), ['message', 'capture']);
  // The other answer's branch is the very same array: untouched branches are shared.
  const original = sample();
  const shared = insertCard(original, SALES, 0, newCard('message'));
  assert.equal(branchAt(shared, [{ card: 1, answer: 1 }]), branchAt(original, [{ card: 1, answer: 1 }]));
  assert.equal(shared[0], original[0]);

  const offline = immutably((flow) => insertCard(flow, OFFLINE, -5, newCard('message'))).after;
  assert.deepEqual(branchAt(offline, OFFLINE).map((card) => card.type), ['message', 'capture']);
});

test('moveCard swaps a card with its neighbour and does nothing past the ends', () => {
  const down = immutably((flow) => moveCard(flow, [], 0, 1)).after;
  assert.deepEqual(down.map((card) => card.id), ['ask', 'hello', 'live']);
  const up = immutably((flow) => moveCard(flow, [], 2, -1)).after;
  assert.deepEqual(up.map((card) => card.id), ['hello', 'live', 'ask']);
  const original = sample();
  assert.equal(moveCard(original, [], 0, -1).length, 3);
  assert.deepEqual(moveCard(original, [], 0, -1).map((card) => card.id), ['hello', 'ask', 'live']);
  assert.deepEqual(moveCard(original, [], 2, 1).map((card) => card.id), ['hello', 'ask', 'live']);

  const twoCards = insertCard(sample(), SALES, 1, { id: 'second', type: 'message', text: 'Two' });
  const moved = moveCard(twoCards, SALES, 1, -1);
  assert.deepEqual(branchAt(moved, SALES).map((card) => card.id), ['second', 'sales-msg']);
});

test('a live-chat card moved up is named by the engine as not last; moved back, the flow is valid', () => {
  const flow = sample();
  assert.deepEqual(validateFlow(flow), []);
  const misplaced = moveCard(flow, [], 2, -1);
  const problems = validateFlow(misplaced);
  const notLast = problems.find((problem) => problem.code === 'live_chat_not_last');
  assert.ok(notLast, JSON.stringify(problems));
  assert.equal(notLast.cardId, 'live');
  assert.ok(isOnCard(notLast.path, cardPathText([], 1)), notLast.path);
  assert.ok(!isOnCard(notLast.path, cardPathText([], 2)));
  assert.deepEqual(validateFlow(moveCard(misplaced, [], 1, 1)), []);
});

test('deleteCard removes the card and its branches; holdsCards says when to ask first', () => {
  const { after } = immutably((flow) => deleteCard(flow, [], 1));
  assert.deepEqual(after.map((card) => card.id), ['hello', 'live']);
  const nested = immutably((flow) => deleteCard(flow, OFFLINE, 0)).after;
  assert.deepEqual(branchAt(nested, OFFLINE), []);
  const flow = sample();
  assert.equal(holdsCards(flow[0]), false);
  assert.equal(holdsCards(flow[1]), true);
  assert.equal(holdsCards(flow[2]), true);
  assert.equal(holdsCards(newCard('question')), false);
  assert.equal(holdsCards(newCard('liveChat')), false);
});

test('answers: add one with an empty branch, rename one, remove one with its branch', () => {
  const added = immutably((flow) => addAnswer(flow, [], 1, 'Billing')).after;
  const question = added[1];
  assert.ok(question.type === 'question');
  assert.deepEqual(question.answers.map((answer) => answer.label), ['Sales', 'Support', 'Billing']);
  assert.deepEqual(question.answers[2].cards, []);
  // An answer that leads nowhere is refused until it gets a card.
  assert.ok(validateFlow(added).some((problem) => problem.code === 'empty_branch' && isOnCard(problem.path, 'flow[1]')));

  const renamed = immutably((flow) => renameAnswer(flow, [], 1, 1, 'Help')).after[1];
  assert.ok(renamed.type === 'question');
  assert.deepEqual(renamed.answers.map((answer) => answer.label), ['Sales', 'Help']);
  assert.equal(renamed.answers[1].cards[0].id, 'support-msg');

  const removed = immutably((flow) => removeAnswer(flow, [], 1, 0)).after[1];
  assert.ok(removed.type === 'question');
  assert.deepEqual(removed.answers.map((answer) => answer.label), ['Support']);

  // Answer operations on a card that is no question change nothing.
  const flow = sample();
  assert.equal(addAnswer(flow, [], 0), flow);
  assert.equal(removeAnswer(flow, [], 2, 0), flow);
});

test('replaceCard changes one card deep in a branch', () => {
  const { after } = immutably((flow) => replaceCard(flow, SALES, 0, { id: 'sales-msg', type: 'message', text: 'Changed' }));
  const [card] = branchAt(after, SALES);
  assert.ok(card.type === 'message');
  assert.equal(card.text, 'Changed');
});

test('a path that leads nowhere changes nothing', () => {
  const flow = sample();
  assert.equal(insertCard(flow, [{ card: 0, answer: 0 }], 0, newCard('message')), flow);
  assert.equal(deleteCard(flow, [{ card: 7, offline: true }], 0), flow);
  assert.deepEqual(branchAt(flow, [{ card: 1, answer: 9 }]), []);
});

test('new cards: the shapes of the contract, checked by the engine once written', () => {
  assert.deepEqual(newCard('capture'), { type: 'capture', text: '', fields: ['email'] });
  const live = newCard('liveChat');
  assert.ok(live.type === 'liveChat');
  assert.deepEqual(live.offline, []);
  const codes = validateFlow([newCard('message'), live]).map((problem) => problem.code);
  assert.deepEqual(codes.sort(), ['text_empty', 'text_empty', 'text_empty']);
});

test('problem paths in words, and on the right card', () => {
  assert.equal(whereInFlow('flow[2].text'), 'Flow card 3: ');
  assert.equal(whereInFlow('flow[1].answers[0].cards[2].text'), 'Flow card 2 › answer 1 › card 3: ');
  assert.equal(whereInFlow('flow[1].answers[0].label'), 'Flow card 2: ');
  assert.equal(whereInFlow('flow[1].answers[0].cards'), 'Flow card 2: ');
  assert.equal(whereInFlow('flow[2].offline[0].fields[1]'), 'Flow card 3 › offline branch › card 1: ');
  assert.equal(whereInFlow('flow'), 'Flow: ');
  assert.ok(isOnCard('flow[1].answers[0].label', 'flow[1]'));
  assert.ok(isOnCard('flow[1].answers[0].cards', 'flow[1]'));
  assert.ok(!isOnCard('flow[1].answers[0].cards[0].text', 'flow[1]'));
  assert.ok(isOnCard('flow[1].answers[0].cards[0].text', 'flow[1].answers[0].cards[0]'));
  assert.ok(!isOnCard('flow[10].text', 'flow[1]'));
  assert.ok(!isOnCard('flow[2].offline[0]', 'flow[2]'));
});

test('offline mode only: a site the widget never loaded on, or routing that names no active user', () => {
  const site = { id: 1, name: 'Shop', siteKey: 'k', allowedOrigins: [], embedSnippet: '', widgetSeenAt: 1000, widgetSeenUrl: 'https://shop.example/', requireIdentityVerification: false };
  const routing: RoutingDraft = {
    mode: 'round_robin',
    userId: null,
    teamId: null,
    skills: [],
    rules: [],
    acceptTimeoutSeconds: '60',
    inactivityTimeoutMinutes: '60',
    fallbackMessage: '',
    ownerUserIds: [],
  };
  const user = (id: number, active = true, skills: string[] = []): UserSummary => ({
    id,
    name: `User ${id}`,
    email: `u${id}@example.com`,
    avatarUrl: null,
    role: 'agent',
    availability: 'online',
    awayReason: null,
    connected: true,
    skills,
    maxChats: 3,
    active,
    permissions: [],
  });
  const users = [user(1), user(2, false, ['fi'])];
  const teams = [{ id: 7, name: 'Sales', memberIds: [2] }];

  assert.equal(offlineOnlyReason(site, routing, users, teams), null);
  assert.match(offlineOnlyReason({ ...site, widgetSeenAt: null }, routing, users, teams) ?? '', /not installed on Shop/);
  assert.equal(offlineOnlyReason(site, { ...routing, mode: 'specific_user', userId: 1 }, users, teams), null);
  assert.match(offlineOnlyReason(site, { ...routing, mode: 'specific_user', userId: 2 }, users, teams) ?? '', /no active user/);
  assert.match(offlineOnlyReason(site, { ...routing, mode: 'team', teamId: 7 }, users, teams) ?? '', /no active user/);
  assert.match(offlineOnlyReason(site, { ...routing, mode: 'skills', skills: ['FI'] }, users, teams) ?? '', /no active user/);
  assert.equal(offlineOnlyReason(site, { ...routing, mode: 'skills', skills: [] }, users, teams), null);
  const rule = { key: 1, conditions: [], targetKind: 'team' as const, userId: null, teamId: 7 };
  assert.match(offlineOnlyReason(site, { ...routing, mode: 'custom_rules', rules: [rule] }, users, teams) ?? '', /no active user/);
  assert.equal(offlineOnlyReason(site, { ...routing, mode: 'custom_rules', rules: [rule, { ...rule, key: 2, targetKind: 'user', userId: 1 }] }, users, teams), null);
  // Users not loaded yet: nothing is claimed.
  assert.equal(offlineOnlyReason(site, { ...routing, mode: 'specific_user', userId: 1 }, [], teams), null);
});
