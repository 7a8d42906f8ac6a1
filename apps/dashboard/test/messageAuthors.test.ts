/** Colleagues' avatars in the thread: initials, runs of one author, and the picture as it is now. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageAuthor, UserSummary } from '@parley/protocol';
import { initials } from '../src/format/initials.js';
import { currentAvatarUrl, startsRun } from '../src/components/messages/authorRuns.js';

const carla: MessageAuthor = { kind: 'user', id: 7, name: 'Carla van Dijk', avatarUrl: 'https://parley.example/files/old' };
const nils: MessageAuthor = { kind: 'user', id: 8, name: 'Nils', avatarUrl: null };
const visitor: MessageAuthor = { kind: 'visitor', id: 7, name: 'Visitor 7', avatarUrl: null };

test('initials: the first and last words, whole characters, upper case', () => {
  assert.equal(initials('Carla van Dijk'), 'CD');
  assert.equal(initials('  nils  '), 'N');
  assert.equal(initials('émile zola'), 'ÉZ');
  assert.equal(initials('😀 Smile'), '😀S', 'an emoji is never cut in half');
  assert.equal(initials('   '), '');
});

test('a run of one author starts at their first message and ends at anyone else', () => {
  const lines = [carla, carla, nils, carla, visitor].map((author) => ({ author }));
  assert.deepEqual(
    lines.map((line, index) => startsRun(lines[index - 1], line)),
    [true, false, true, true, true],
  );
  // Same id, different kind (a visitor numbered like a user) is someone else.
  assert.equal(startsRun({ author: { ...carla } }, { author: visitor }), true);
});

test('the picture is the one the users list has now, else the message’s own', () => {
  const users = [{ id: 7, avatarUrl: 'https://parley.example/files/new' }] as UserSummary[];
  assert.equal(currentAvatarUrl(carla, users), 'https://parley.example/files/new');
  assert.equal(currentAvatarUrl({ ...carla, avatarUrl: 'x' }, [{ id: 7, avatarUrl: null }] as UserSummary[]), null, 'a removed avatar is gone');
  assert.equal(currentAvatarUrl(carla, []), 'https://parley.example/files/old', 'not in the list (deleted): as loaded');
  assert.equal(currentAvatarUrl({ kind: 'bot', id: null, name: 'Bot', avatarUrl: null }, users), null);
});
