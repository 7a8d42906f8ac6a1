/**
 * W15 `Parley.on('message')`: the frame tells the host page about each stored message once, the
 * visitor's and the team's, though it hears of one twice (the answer to sending it and its
 * event); internal notes never reach it (the server never sends them to a visitor either).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiMessage, Message } from '@parley/protocol';
import { MessageAnnouncer } from '../src/frame/state/messageAnnouncer';

const message = (id: number, kind: Message['author']['kind'], body: string, internal = false): Message => ({
  id,
  conversationId: 3,
  seq: id,
  author: { kind, id: kind === 'visitor' ? null : 1, name: kind === 'visitor' ? 'You' : 'Sam', avatarUrl: null },
  body,
  clientMessageId: null,
  internal,
  createdAt: 0,
});

test('each message is told once, with who wrote it, as plain fields', () => {
  const told: ApiMessage[] = [];
  const announcer = new MessageAnnouncer((m) => told.push(m));
  announcer.announce(message(1, 'visitor', 'Hello <b>there</b>'));
  announcer.announce(message(1, 'visitor', 'Hello <b>there</b>'));
  announcer.announce(message(2, 'user', 'Hi!'));
  announcer.announce(message(3, 'user', 'note to self', true));
  assert.deepEqual(told, [
    { conversationId: 3, fromVisitor: true, author: 'You', text: 'Hello <b>there</b>' },
    { conversationId: 3, fromVisitor: false, author: 'Sam', text: 'Hi!' },
  ]);
});
