/** I8 unread counts (per view and for the tab title) and the tab title itself. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConversationSummary, ReadReceiptEvent } from '@parley/protocol';
import { inboxTabTitle } from '../src/alerts/tabTitle.js';
import { unreadForMe, unreadInView } from '../src/alerts/unread.js';

const ME = 7;

/** Only what the counts read; the rest of a summary does not matter here. */
function conversation(id: number, fields: { assignee?: number | null; lastVisitorSeq: number; agentReadSeq?: number; status?: 'open' | 'closed'; snoozedUntil?: number | null }) {
  return {
    id,
    status: fields.status ?? 'open',
    snoozedUntil: fields.snoozedUntil ?? null,
    assignee: fields.assignee ? { id: fields.assignee, name: 'Someone', avatarUrl: null } : null,
    lastVisitorSeq: fields.lastVisitorSeq,
    agentReadSeq: fields.agentReadSeq ?? 0,
  } as unknown as ConversationSummary;
}

const held = new Map(
  [
    conversation(1, { lastVisitorSeq: 2 }), // unassigned, unread
    conversation(2, { lastVisitorSeq: 3, agentReadSeq: 3 }), // unassigned, read
    conversation(3, { assignee: ME, lastVisitorSeq: 5, agentReadSeq: 4 }), // mine, unread
    conversation(4, { assignee: 99, lastVisitorSeq: 1 }), // a colleague's, unread
    conversation(5, { lastVisitorSeq: 4, snoozedUntil: Date.now() + 60_000 }), // snoozed, unread
    conversation(6, { lastVisitorSeq: 0 }), // the visitor has not written
  ].map((c) => [c.id, c]),
);
const none = new Map<number, ReadReceiptEvent>();

test('a view counts its conversations with a visitor message nobody read', () => {
  assert.equal(unreadInView(held, none, 'unassigned', ME), 1);
  assert.equal(unreadInView(held, none, 'mine', ME), 1);
  assert.equal(unreadInView(held, none, 'all', ME), 3, 'awake open chats, a colleague’s included');
  assert.equal(unreadInView(held, none, 'snoozed', ME), 1);
  assert.equal(unreadInView(held, none, 'closed', ME), 0);
});

test('the title counts Unassigned and Mine, and a live read mark clears a chat', () => {
  assert.equal(unreadForMe(held, none, ME), 2);
  const read = new Map<number, ReadReceiptEvent>([[3, { conversationId: 3, visitorReadSeq: 0, agentReadSeq: 5 }]]);
  assert.equal(unreadForMe(held, read, ME), 1);
});

test('the tab title puts offers and the unread count first', () => {
  assert.equal(inboxTabTitle({ page: 'Unassigned', offers: 0, unread: 3 }), '(3) Unassigned · Parley inbox');
  assert.equal(inboxTabTitle({ page: 'Mine', offers: 0, unread: 0 }), 'Mine · Parley inbox');
  assert.equal(inboxTabTitle({ page: 'Mine', offers: 2, unread: 1 }), '2 chat offers · (1) Mine · Parley inbox');
});
